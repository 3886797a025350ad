'use strict';
// A participant whose access ends during the meeting: B (TABB_EMAIL_B) and A (TABB_EMAIL_A) are on the plan
// (TABB_PLAN_ID); once both have joined, the file TABB_SIGNAL_FILE is written, and the test ends B's access in the
// database. B is told, leaves the group and can no longer edit; A sees B leave.
const fs = require('fs');
const { requireEnv, emit, logIn, connect, names, run } = require('./lib');

run(async () => {
  const planId = requireEnv('TABB_PLAN_ID').toLowerCase();
  const a = connect(await logIn(requireEnv('TABB_EMAIL_A')), 'A');
  const b = connect(await logIn(requireEnv('TABB_EMAIL_B')), 'B');
  const ended = new Promise((resolve) => b.on('AccessEnded', resolve));
  await a.start();
  await b.start();
  await a.invoke('JoinPlan', planId);
  const left = a.next('PresenceChanged', (s) => !names(s).includes(requireEnv('TABB_NAME_B')), 30000);
  emit({ event: 'joined', present: names(await b.invoke('JoinPlan', planId)) });
  fs.writeFileSync(requireEnv('TABB_SIGNAL_FILE'), 'joined');

  emit({ event: 'ended', planId: String(await ended).toLowerCase() });
  emit({ event: 'presence', who: 'A', present: names(await left) });
  try {
    await b.invoke('BeginEdit', planId, 'views.Summary');
    emit({ event: 'edit', accepted: true });
  } catch (error) {
    emit({ event: 'edit', accepted: false, message: String(error.message) });
  }
  await a.stop();
  await b.stop();
});
