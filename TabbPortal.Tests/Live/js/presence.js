'use strict';
// Two practitioners on one plan (TABB_PLAN_ID): A (TABB_EMAIL_A) sees B (TABB_EMAIL_B) join, leave, join again and
// disconnect. Each step is one JSON line with the names A's client was told.
const { requireEnv, emit, logIn, connect, names, run } = require('./lib');

run(async () => {
  const planId = requireEnv('TABB_PLAN_ID').toLowerCase();
  const a = connect(await logIn(requireEnv('TABB_EMAIL_A')), 'A');
  const b = connect(await logIn(requireEnv('TABB_EMAIL_B')), 'B');
  await a.start();
  await b.start();

  const revisions = [];
  // Does the action and reports the presence list that A is told next.
  const step = async (name, action) => {
    const told = a.next('PresenceChanged', (snapshot) => snapshot.planId === planId);
    await action();
    const snapshot = await told;
    revisions.push(snapshot.revision);
    emit({ event: 'presence', step: name, present: names(snapshot), units: snapshot.present.map((p) => p.unitName) });
  };

  await step('A joined', async () => emit({ event: 'joined', who: 'A', present: names(await a.invoke('JoinPlan', planId)) }));
  await step('B joined', async () => emit({ event: 'joined', who: 'B', present: names(await b.invoke('JoinPlan', planId)) }));
  await step('B left', () => b.invoke('LeavePlan', planId));
  await step('B joined again', () => b.invoke('JoinPlan', planId));
  await step('B disconnected', () => b.stop());

  emit({ event: 'revisions', increasing: revisions.every((r, i) => i === 0 || r > revisions[i - 1]) });
  await a.stop();
});
