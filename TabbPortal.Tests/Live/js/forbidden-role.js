'use strict';
// A signed-in user without the practitioner role (TABB_EMAIL) is answered 403 and cannot connect.
const { hubUrl, requireEnv, emit, logIn, connect, run } = require('./lib');

run(async () => {
  const cookie = await logIn(requireEnv('TABB_EMAIL'));
  const negotiate = await fetch(`${hubUrl}/negotiate?negotiateVersion=1`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie } });
  emit({ event: 'negotiate', status: negotiate.status, location: negotiate.headers.get('location') });

  const connection = connect(cookie, 'forbidden');
  try {
    await connection.start();
    emit({ event: 'connected' });
    await connection.stop();
  } catch (error) {
    emit({ event: 'refused', statusCode: error.statusCode ?? null, message: error.message });
  }
});
