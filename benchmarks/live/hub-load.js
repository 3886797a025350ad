'use strict';
// Edit-to-peer latency through the plan hub, then through a bare broadcast hub with the same payload, then through the
// same broadcast after one durable SQLite write (the durable floor), in one run against one server process. BENCH_PLANS meetings of BENCH_PER_PLAN participants each (one connection per
// participant); every participant edits its own action once every two seconds. Latency is measured from the moment a
// participant sends its edit to the moment each other participant of the meeting receives the change.
const signalR = require('@microsoft/signalr');
const { baseUrl, logIn, summarise, serverMemoryMiB, serverCpuSeconds } = require('./common');

const plans = Number(process.env.BENCH_PLANS || 100);
const perPlan = Number(process.env.BENCH_PER_PLAN || 8);
const seconds = Number(process.env.BENCH_SECONDS || 60);
const warmup = Number(process.env.BENCH_WARMUP || 5);
const serverPid = Number(process.env.BENCH_SERVER_PID || 0);
// "all" (the plan hub, the bare floor, the durable floor) or "hub" (the plan hub only: the busy plans of the Blazor phase).
const phases = process.env.BENCH_PHASES || 'all';
const interval = 2000;
const users = ['karin.ek@demo.example', 'omar.haddad@demo.example'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function connection(path, cookie) {
  return new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}${path}`, { transport: signalR.HttpTransportType.WebSockets, headers: { Cookie: cookie } })
    .configureLogging(signalR.LogLevel.None)
    .build();
}

async function inBatches(items, size, action) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(action));
  }
}

function memorySampler() {
  const samples = [];
  const timer = setInterval(() => { const m = serverMemoryMiB(serverPid); if (m !== null) samples.push(m); }, 1000);
  return { stop: () => { clearInterval(timer); return { peakMiB: samples.length ? Math.max(...samples) : null, endMiB: samples.at(-1) ?? null }; } };
}

// One phase: connects every participant, lets each send once every two seconds, and measures what the others receive.
async function phase(name, setUp) {
  const latencies = [];
  const sent = new Map();
  const received = new Map();
  let measureFrom = Infinity;
  let refused = 0;
  let errors = 0;
  const participants = [];
  const onReceive = (me, marker) => {
    const [, p, k, seq, at] = marker.split('|');
    if (Number(p) !== me.plan || Number(k) === me.k) return;
    const sentAt = Number(at);
    if (sentAt >= measureFrom) {
      latencies.push(Date.now() - sentAt);
      const key = `${p}|${k}|${seq}`;
      received.set(key, (received.get(key) || 0) + 1);
    }
  };
  await setUp(participants, onReceive);

  const memory = memorySampler();
  const cpuBefore = serverCpuSeconds(serverPid);
  const started = Date.now();
  measureFrom = started + warmup * 1000;
  const until = measureFrom + seconds * 1000;
  await Promise.all(participants.map(async (me) => {
    await sleep(Math.random() * interval);
    let seq = 0;
    while (Date.now() < until) {
      const next = Date.now() + interval;
      seq += 1;
      const at = Date.now();
      const marker = `b|${me.plan}|${me.k}|${seq}|${at}`;
      try {
        const saved = await me.send(marker);
        if (saved && at >= measureFrom) sent.set(`${me.plan}|${me.k}|${seq}`, true);
        if (!saved) refused += 1;
      } catch {
        errors += 1;
      }
      await sleep(Math.max(0, next - Date.now()));
    }
  }));
  const cpuSeconds = serverCpuSeconds(serverPid) === null ? null : Math.round((serverCpuSeconds(serverPid) - cpuBefore) * 10) / 10;
  await sleep(3000);
  const mem = memory.stop();
  const expected = sent.size * (perPlan - 1);
  let arrived = 0;
  for (const key of sent.keys()) arrived += Math.min(received.get(key) || 0, perPlan - 1);
  const result = { phase: name, connections: participants.length, editsSent: sent.size, editsRefused: refused, errors,
    deliveriesExpected: expected, deliveriesLost: expected - arrived, latencyMs: summarise(latencies), serverMemory: mem,
    serverCpuSeconds: cpuSeconds, serverCpuMsPerEdit: cpuSeconds === null || sent.size === 0 ? null : Math.round((cpuSeconds * 1000 / (sent.size * (seconds + warmup) / seconds)) * 100) / 100 };
  return { result, participants };
}

async function main() {
  const cookies = await Promise.all(users.map(logIn));
  const bench = connection('/hubs/bench', cookies[0]);
  await bench.start();
  const benchPlans = (await bench.invoke('Plans')).slice(0, plans);
  if (benchPlans.length < plans) throw new Error(`Only ${benchPlans.length} benchmark plans; start the server with Benchmark__Plans=${plans}`);
  const startMemory = serverMemoryMiB(serverPid);

  // 1. The plan hub: validation in the domain, optimistic concurrency, SQLite, publishing to the plan's group.
  const hub = await phase('plan hub', async (participants, onReceive) => {
    const all = [];
    benchPlans.forEach((plan, p) => { for (let k = 0; k < perPlan; k += 1) all.push({ plan: p, planId: plan.planId.toLowerCase(), k }); });
    await inBatches(all, 50, async (me) => {
      me.connection = connection('/hubs/plans', cookies[me.k % cookies.length]);
      me.connection.on('PlanChanged', (m) => {
        if (me.action && m.itemId === me.action.id && m.version) me.version = m.version;
        const marker = m.payload && m.payload.evidence;
        if (typeof marker === 'string' && marker.startsWith('b|')) onReceive(me, marker);
      });
      await me.connection.start();
      await me.connection.invoke('JoinPlan', me.planId);
    });
    await inBatches(all.filter((me) => me.k === 0), 20, async (first) => {
      const detail = await first.connection.invoke('GetPlan', first.planId);
      const actions = detail.needs.flatMap((n) => n.actions).sort((x, y) => x.description.localeCompare(y.description, 'sv'));
      for (const me of all.filter((x) => x.plan === first.plan)) {
        const action = actions[me.k];
        me.action = { id: action.id, needId: action.needId, description: action.description, responsibleUnitId: action.responsibleUnitId,
          startOn: action.startOn, dueOn: action.dueOn, desiredOutcome: action.desiredOutcome, status: action.status };
        me.version = action.version;
      }
    });
    for (const me of all) {
      me.send = async (marker) => {
        const result = await me.connection.invoke('SaveAction', me.planId, { ...me.action, evidence: marker }, me.version);
        if (result.saved) me.lastSaved = marker;
        return result.saved;
      };
      participants.push(me);
    }
  });

  // Every participant's last saved edit is what the database holds.
  let mismatches = 0;
  await inBatches(hub.participants.filter((me) => me.k === 0), 20, async (first) => {
    const detail = await first.connection.invoke('GetPlan', first.planId);
    const actions = new Map(detail.needs.flatMap((n) => n.actions).map((a) => [a.id, a]));
    for (const me of hub.participants.filter((x) => x.plan === first.plan)) {
      if (me.lastSaved && actions.get(me.action.id).evidence !== me.lastSaved) mismatches += 1;
      if (actions.get(me.action.id).version !== me.version) mismatches += 1;
    }
  });
  hub.result.finalStateMismatches = mismatches;
  await inBatches(hub.participants, 100, (me) => me.connection.stop());
  if (phases === 'hub') {
    await bench.stop();
    process.stdout.write(JSON.stringify({ date: new Date().toISOString().slice(0, 10), plans, perPlan, seconds, serverMemoryAtStartMiB: startMemory,
      hub: hub.result }, null, 2) + '\n');
    process.exit(0);
  }

  // 2. The floor: the same participants and payload through a bare broadcast hub.
  const sample = { planId: benchPlans[0].planId, part: 'Action', itemId: benchPlans[0].planId, kind: 'Saved', version: benchPlans[0].childId,
    byUserId: '00000000-0000-0000-0000-000000000000', byName: 'Karin Ek', at: new Date().toISOString(),
    payload: { needId: benchPlans[0].planId, description: 'Insats 1', responsibleUnitId: benchPlans[0].planId, responsiblePerson: null,
      startOn: '2026-11-30', dueOn: '2027-01-29', desiredOutcome: 'Resultat', evidence: '', status: 'InProgress', withheldFromFamily: false } };
  // One floor phase: every participant joins its plan's group on the bench hub; `send` forwards the marked payload.
  const floor = async (name, send) => {
    const result = await phase(name, async (participants, onReceive) => {
      const all = [];
      benchPlans.forEach((plan, p) => { for (let k = 0; k < perPlan; k += 1) all.push({ plan: p, group: plan.planId, k }); });
      await inBatches(all, 50, async (me) => {
        me.connection = connection('/hubs/bench', cookies[me.k % cookies.length]);
        me.connection.on('Broadcast', (m) => onReceive(me, m.payload.evidence));
        await me.connection.start();
        await me.connection.invoke('JoinGroup', me.group);
        me.send = async (marker) => {
          await send(me, marker, { ...sample, at: new Date().toISOString(), payload: { ...sample.payload, evidence: marker } });
          return true;
        };
        participants.push(me);
      });
    });
    await inBatches(result.participants, 100, (me) => me.connection.stop());
    return result;
  };
  const bare = await floor('bare hub', (me, marker, payload) => me.connection.invoke('Broadcast', me.group, payload));

  // 3. The durable floor: the same broadcast after one row is written to SQLite (each participant's own action, as in
  //    the plan hub), the least any path that saves before it publishes does.
  const actionOf = new Map(hub.participants.map((me) => [`${me.plan}|${me.k}`, me.action.id]));
  const durable = await floor('durable floor', (me, marker, payload) =>
    me.connection.invoke('BroadcastSaved', me.group, actionOf.get(`${me.plan}|${me.k}`), marker, payload));
  await bench.stop();

  const ratio = (of, key) => (hub.result.latencyMs[key] && of.result.latencyMs[key] ? Math.round((hub.result.latencyMs[key] / of.result.latencyMs[key]) * 100) / 100 : null);
  const ratios = (of) => ({ p50: ratio(of, 'p50'), p95: ratio(of, 'p95'), p99: ratio(of, 'p99') });
  const summary = { date: new Date().toISOString().slice(0, 10), plans, perPlan, seconds, serverMemoryAtStartMiB: startMemory,
    hub: hub.result, bare: bare.result, durable: durable.result, ratio: ratios(bare), ratioToDurable: ratios(durable) };
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  process.exit(0);
}

main().catch((error) => { console.error(error); process.exit(1); });
