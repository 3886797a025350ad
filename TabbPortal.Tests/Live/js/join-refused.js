'use strict';
// A practitioner (TABB_EMAIL) who may not see the plan's child connects, but may neither join the plan (TABB_PLAN_ID)
// nor mark a field of it as being edited.
const { requireEnv, emit, logIn, connect, run } = require('./lib');

run(async () => {
  const planId = requireEnv('TABB_PLAN_ID').toLowerCase();
  const connection = connect(await logIn(requireEnv('TABB_EMAIL')), 'outsider');
  await connection.start();
  emit({ event: 'connected' });

  for (const [method, args] of [['JoinPlan', [planId]], ['BeginEdit', [planId, 'views:summary']]]) {
    try {
      const result = await connection.invoke(method, ...args);
      emit({ event: 'accepted', method, result });
    } catch (error) {
      emit({ event: 'refused', method, message: error.message });
    }
  }

  await connection.stop();
});
