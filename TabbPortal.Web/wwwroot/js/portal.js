// Starts Blazor with the portal's reconnection: retry every two seconds for a minute, and when the server no longer
// knows this page's circuit (it restarted), reload the page: what the user typed and did not save comes back from the
// drafts kept on the server.
(() => {
  const modal = () => document.getElementById('components-reconnect-modal');
  new MutationObserver(() => {
    const element = modal();
    if (element && element.classList.contains('components-reconnect-rejected')) {
      location.reload();
    }
  }).observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['class'] });

  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-reconnect-reload]')) {
      location.reload();
    }
  });

  Blazor.start({ circuit: { reconnectionOptions: { maxRetries: 30, retryIntervalMilliseconds: 2000 } } });
})();
