'use strict';
// Shared by the scenarios: sign in over HTTP like a browser, connect to the plan hub with the official client,
// and report what happened as one JSON object per line on stdout (the xunit tests read these lines).
const signalR = require('@microsoft/signalr');

const baseUrl = requireEnv('TABB_BASE_URL').replace(/\/$/, '');
const password = process.env.TABB_PASSWORD || '';
const hubUrl = `${baseUrl}/hubs/plans`;

function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function emit(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

// "name=value" pairs of the Set-Cookie headers of a response, merged into a cookie jar (a Map).
function keepCookies(jar, response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const index = pair.indexOf('=');
    jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
  }
}

function cookieHeader(jar) {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function decodeHtml(text) {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x2B;/gi, '+').replace(/&#x2F;/gi, '/').replace(/&#x3D;/gi, '=');
}

function inputValue(html, name) {
  const input = [...html.matchAll(/<input\b[^>]*>/gi)].map((m) => m[0]).find((tag) => tag.includes(`name="${name}"`));
  const value = input && /value="([^"]*)"/i.exec(input);
  return value ? decodeHtml(value[1]) : undefined;
}

// Signs in through the login page's form (antiforgery token and its cookie included) and returns the Cookie header
// that carries the authentication cookie.
async function logIn(email) {
  const jar = new Map();
  const page = await fetch(`${baseUrl}/Account/Login`, { redirect: 'manual' });
  keepCookies(jar, page);
  const html = await page.text();
  const token = inputValue(html, '__RequestVerificationToken');
  if (page.status !== 200 || !token) {
    throw new Error(`The login page gave ${page.status} without an antiforgery token`);
  }

  const form = new URLSearchParams({
    _handler: inputValue(html, '_handler') || 'login',
    __RequestVerificationToken: token,
    'Input.Email': email,
    'Input.Password': password,
  });
  const response = await fetch(`${baseUrl}/Account/Login`, {
    method: 'POST',
    body: form,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar) },
    redirect: 'manual',
  });
  keepCookies(jar, response);
  if (response.status !== 302 || !jar.get('TabbPortal.Auth')) {
    throw new Error(`Signing in as ${email} gave ${response.status} without an authentication cookie`);
  }
  return cookieHeader(jar);
}

// A hub connection that records every event the hub sends, so a scenario can wait for one.
function connect(cookie, name) {
  const options = { transport: signalR.HttpTransportType.WebSockets };
  if (cookie) {
    options.headers = { Cookie: cookie };
  }
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl, options)
    .configureLogging(signalR.LogLevel.None)
    .build();
  const waiting = [];
  for (const target of ['PresenceChanged', 'EditingChanged', 'PlanChanged']) {
    connection.on(target, (message) => {
      for (const waiter of [...waiting]) {
        if (waiter.target === target && waiter.matches(message)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    });
  }

  // The next event of this target for which matches(message) is true. Call it before the action that causes the
  // event, and await it after: events that came earlier never match.
  connection.next = (target, matches = () => true, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const waiter = { target, matches };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(new Error(`${name}: no ${target} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiter.resolve = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
      waiting.push(waiter);
    });
  return connection;
}

const names = (snapshot) => snapshot.present.map((p) => p.displayName);

// Runs a scenario; a failure is reported as a JSON line too, and the process exits with 1.
function run(scenario) {
  scenario().then(
    () => process.exit(0),
    (error) => {
      emit({ event: 'error', message: String(error && error.message ? error.message : error) });
      process.exit(1);
    },
  );
}

module.exports = { signalR, baseUrl, hubUrl, requireEnv, emit, logIn, connect, names, run };
