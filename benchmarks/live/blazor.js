'use strict';
// Blazor path: pairs of Chromium pages on busy benchmark plans (the hub load runs meanwhile). In one page of a pair a
// professional saves the child's views; the time until the other page shows the new text in its field (a DOM update
// pushed from the server) is one sample. Both ends are taken inside the pages, on the machine's one clock: the click as
// the editor's page dispatches it, and the moment the observer's page sets the field's value (Blazor applying the
// update). What Playwright spends finding the button and noticing the change is reported apart (driverLatencyMs).
const { chromium } = require('playwright-core');
const signalR = require('@microsoft/signalr');
const { baseUrl, logIn, summarise } = require('./common');

const pairs = Number(process.env.BENCH_BLAZOR_PAIRS || 2);
const edits = Number(process.env.BENCH_BLAZOR_EDITS || 100);
const password = process.env.BENCH_PASSWORD || '';
const chromiumPath = process.env.TABBPORTAL_CHROMIUM || '/usr/bin/chromium';

async function open(browser, email, childId) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('click', (e) => { if (e.target.closest && e.target.closest('button')) window.__clickedAt = Date.now(); }, true);
    const value = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
    Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
      configurable: true,
      get() { return value.get.call(this); },
      set(v) {
        value.set.call(this, v);
        if (window.__token !== undefined && v === window.__token && !window.__seenAt) { window.__seenAt = Date.now(); if (window.__seen) window.__seen(); }
      },
    });
  });
  await page.goto('/Account/Login');
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', password);
  await Promise.all([page.waitForURL((u) => !u.toString().includes('Login')), page.press('input[type=password]', 'Enter')]);
  await page.goto(`/barn/${childId}`);
  await page.waitForSelector('[data-interactive=true]');
  await page.getByRole('tab', { name: 'Barnets plan' }).click();
  await page.waitForSelector('[data-testid=presence]');
  return page;
}

async function main() {
  const cookie = await logIn('karin.ek@demo.example');
  const bench = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/bench`, { transport: signalR.HttpTransportType.WebSockets, headers: { Cookie: cookie } })
    .configureLogging(signalR.LogLevel.None).build();
  await bench.start();
  const plans = (await bench.invoke('Plans')).slice(0, pairs);
  await bench.stop();

  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const latencies = [];
  const driverLatencies = [];
  let missed = 0;
  await Promise.all(plans.map(async (plan, index) => {
    const editor = await open(browser, 'karin.ek@demo.example', plan.childId);
    const observer = await open(browser, 'omar.haddad@demo.example', plan.childId);
    const form = editor.locator('form').filter({ has: editor.locator('#plan-views-title') });
    for (let i = 0; i < edits; i += 1) {
      const token = `Barnets synpunkter ${index}-${i}-${Date.now()}`;
      await editor.locator('#plan-child-views').fill(token);
      // The observer's page tells when Blazor has set the field (no polling: the pages' own CPU is not the portal's).
      await observer.evaluate((t) => { window.__token = t; window.__seenAt = null; window.__seenPromise = new Promise((resolve) => { window.__seen = resolve; }); }, token);
      await editor.evaluate(() => { window.__clickedAt = null; });
      const seen = observer.evaluate(() => Promise.race([window.__seenPromise,
        new Promise((resolve, reject) => { setTimeout(() => reject(new Error('not seen within 10 s')), 10000); })]));
      const started = Date.now();
      await form.getByRole('button', { name: 'Spara', exact: true }).click();
      try {
        await seen;
        driverLatencies.push(Date.now() - started);
        const clickedAt = await editor.evaluate(() => window.__clickedAt);
        const seenAt = await observer.evaluate(() => window.__seenAt);
        if (clickedAt && seenAt) latencies.push(seenAt - clickedAt);
        else missed += 1;
      } catch {
        missed += 1;
      }
      await editor.waitForTimeout(500);
    }
  }));
  await browser.close();
  process.stdout.write(JSON.stringify({ blazor: { pairs, edits: pairs * edits, missed, latencyMs: summarise(latencies), driverLatencyMs: summarise(driverLatencies) } }, null, 2) + '\n');
}

main().catch((error) => { console.error(error); process.exit(1); });
