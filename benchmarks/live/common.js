'use strict';
// Shared by the benchmark scripts: sign in like a browser, percentiles, and the server's memory.
const fs = require('fs');

const baseUrl = (process.env.BENCH_BASE_URL || 'http://127.0.0.1:5090').replace(/\/$/, '');
const password = process.env.BENCH_PASSWORD || '';

function keepCookies(jar, response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const index = pair.indexOf('=');
    jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
  }
}

const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

function inputValue(html, name) {
  const input = [...html.matchAll(/<input\b[^>]*>/gi)].map((m) => m[0]).find((tag) => tag.includes(`name="${name}"`));
  const value = input && /value="([^"]*)"/i.exec(input);
  return value ? value[1].replace(/&amp;/g, '&').replace(/&#x2B;/gi, '+').replace(/&#x2F;/gi, '/').replace(/&#x3D;/gi, '=') : undefined;
}

// The Cookie header of a signed-in session.
async function logIn(email) {
  const jar = new Map();
  const page = await fetch(`${baseUrl}/Account/Login`, { redirect: 'manual' });
  keepCookies(jar, page);
  const html = await page.text();
  const form = new URLSearchParams({
    _handler: inputValue(html, '_handler') || 'login',
    __RequestVerificationToken: inputValue(html, '__RequestVerificationToken'),
    'Input.Email': email,
    'Input.Password': password,
  });
  const response = await fetch(`${baseUrl}/Account/Login`, {
    method: 'POST', body: form, redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar) },
  });
  keepCookies(jar, response);
  if (response.status !== 302 || !jar.get('TabbPortal.Auth')) {
    throw new Error(`Signing in as ${email} failed (${response.status})`);
  }
  return cookieHeader(jar);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function summarise(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? null) };
}

// Resident memory of the server process in MiB (Linux /proc), or null elsewhere.
function serverMemoryMiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return rss ? Math.round(Number(rss[1]) / 1024) : null;
  } catch {
    return null;
  }
}

// CPU seconds (user + system) the server process has used so far (Linux /proc), or null elsewhere.
function serverCpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

module.exports = { baseUrl, logIn, summarise, serverMemoryMiB, serverCpuSeconds };
