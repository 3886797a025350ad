'use strict';
// Edits through the hub by two practitioners on one plan (TABB_PLAN_ID): A (TABB_EMAIL_A) changes an action and B
// (TABB_EMAIL_B) sees the change arrive, with who made it; B then saves the same action from the version both started
// from and is refused with A's values; B's bad input is refused at its field; B adds an action and A sees it appear.
const { requireEnv, emit, logIn, connect, run } = require('./lib');

run(async () => {
  const planId = requireEnv('TABB_PLAN_ID').toLowerCase();
  const a = connect(await logIn(requireEnv('TABB_EMAIL_A')), 'A');
  const b = connect(await logIn(requireEnv('TABB_EMAIL_B')), 'B');
  await a.start();
  await b.start();
  await a.invoke('JoinPlan', planId);
  await b.invoke('JoinPlan', planId);

  const plan = await b.invoke('GetPlan', planId);
  const action = plan.needs[0].actions.find((x) => x.description === requireEnv('TABB_ACTION'));
  const start = { ...action };
  delete start.responsibleUnit; delete start.sector; delete start.isOverdue; delete start.version;
  emit({ event: 'plan', actions: plan.needs.flatMap((n) => n.actions).length, version: action.version });

  const arrived = b.next('PlanChanged', (m) => m.itemId === action.id);
  const sentAt = Date.now();
  const saved = await a.invoke('SaveAction', planId, { ...start, desiredOutcome: 'Noah kommer i tid fyra dagar av fem' }, action.version);
  const change = await arrived;
  emit({ event: 'saved', who: 'A', result: saved });
  emit({ event: 'changed', who: 'B', change, elapsedMs: Date.now() - sentAt });

  const conflict = await b.invoke('SaveAction', planId, { ...start, desiredOutcome: 'Noah trivs i skolan' }, action.version);
  emit({ event: 'conflict', who: 'B', result: conflict });

  const bad = await b.invoke('SaveAction', planId, { ...start, dueOn: '2020-01-01', startOn: '2020-02-01' }, change.version);
  emit({ event: 'refused', who: 'B', result: bad });

  const added = a.next('PlanChanged', (m) => m.part === 'Action' && m.itemId !== action.id);
  const created = await b.invoke('SaveAction', planId, { ...start, id: null, description: 'Samtal med skolsköterska' }, null);
  emit({ event: 'created', who: 'B', result: created, seenByA: await added });

  const after = await a.invoke('GetPlan', planId);
  emit({ event: 'after', outcome: after.needs.flatMap((n) => n.actions).find((x) => x.id === action.id).desiredOutcome,
    actions: after.needs.flatMap((n) => n.actions).map((x) => x.description) });
  await a.stop();
  await b.stop();
});
