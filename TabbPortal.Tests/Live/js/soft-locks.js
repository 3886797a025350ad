'use strict';
// Soft locks between two practitioners on one plan (TABB_PLAN_ID): A (TABB_EMAIL_A) starts editing a field, B
// (TABB_EMAIL_B) is told so and is refused the same field with A's name; A ends, B takes it; B disconnects and the
// lock goes with B.
const { requireEnv, emit, logIn, connect, run } = require('./lib');

run(async () => {
  const planId = requireEnv('TABB_PLAN_ID').toLowerCase();
  const field = 'action:demo:evidence';
  const a = connect(await logIn(requireEnv('TABB_EMAIL_A')), 'A');
  const b = connect(await logIn(requireEnv('TABB_EMAIL_B')), 'B');
  await a.start();
  await b.start();
  await a.invoke('JoinPlan', planId);
  await b.invoke('JoinPlan', planId);

  const ofField = (change) => change.planId === planId && change.field === field;
  const held = (change) => ofField(change) && change.userName !== null;
  const released = (change) => ofField(change) && change.userName === null;

  let told = b.next('EditingChanged', held);
  emit({ event: 'begin', who: 'A', result: await a.invoke('BeginEdit', planId, field) });
  emit({ event: 'editing', who: 'B', change: await told });
  emit({ event: 'begin', who: 'B', result: await b.invoke('BeginEdit', planId, field) });
  emit({ event: 'current', who: 'B', editing: await b.invoke('Editing', planId) });

  told = b.next('EditingChanged', released);
  emit({ event: 'end', who: 'A', released: await a.invoke('EndEdit', planId, field) });
  emit({ event: 'editing', who: 'B', change: await told });

  told = a.next('EditingChanged', held);
  emit({ event: 'begin', who: 'B', result: await b.invoke('BeginEdit', planId, field) });
  emit({ event: 'editing', who: 'A', change: await told });

  told = a.next('EditingChanged', released);
  await b.stop();
  emit({ event: 'editing', who: 'A', after: 'B disconnected', change: await told });
  await a.stop();
});
