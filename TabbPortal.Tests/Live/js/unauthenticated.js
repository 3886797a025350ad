'use strict';
// Without signing in: the hub's negotiation is answered 401 (not a redirect to the login page), and the client fails to start.
const { hubUrl, emit, connect, run } = require('./lib');

run(async () => {
  const negotiate = await fetch(`${hubUrl}/negotiate?negotiateVersion=1`, { method: 'POST', redirect: 'manual' });
  emit({ event: 'negotiate', status: negotiate.status, location: negotiate.headers.get('location') });

  const connection = connect(null, 'anonymous');
  try {
    await connection.start();
    emit({ event: 'connected' });
    await connection.stop();
  } catch (error) {
    emit({ event: 'refused', statusCode: error.statusCode ?? null, message: error.message });
  }
});
