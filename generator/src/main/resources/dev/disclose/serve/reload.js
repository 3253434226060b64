// Disclose preview: reloads the tab when the site is rebuilt, and shows a failed rebuild's errors
// over the page until a build succeeds. Error text is the user's input: it goes in as text only.
(() => {
  const events = new EventSource('/__disclose/events');
  let overlay = null;

  function clear() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function show(report) {
    clear();
    overlay = document.createElement('section');
    overlay.id = 'disclose-build-errors';
    overlay.setAttribute('role', 'alert');
    overlay.setAttribute('aria-label', 'Build errors');
    // Styles set through the CSSOM, which the site's CSP allows, unlike a style attribute.
    Object.assign(overlay.style, {
      position: 'fixed', left: '0', right: '0', top: '0', zIndex: '2147483647',
      maxHeight: '60vh', overflow: 'auto', margin: '0', padding: '1rem 1.25rem',
      background: '#fff4f4', color: '#5c0000', borderBottom: '4px solid #b00020',
      font: '14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      boxShadow: '0 4px 16px rgba(0, 0, 0, 0.25)', whiteSpace: 'pre-wrap',
    });
    const title = document.createElement('strong');
    title.textContent = report.title;
    const list = document.createElement('ul');
    Object.assign(list.style, { margin: '0.5rem 0 0', paddingLeft: '1.25rem' });
    for (const error of report.errors) {
      const item = document.createElement('li');
      if (error.where) {
        const where = document.createElement('code');
        where.textContent = error.where;
        item.append(where, ': ');
      }
      item.append(error.message);
      list.append(item);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide';
    Object.assign(close.style, { float: 'right', font: 'inherit' });
    close.addEventListener('click', clear);
    overlay.append(close, title, list);
    document.body.append(overlay);
  }

  events.addEventListener('reload', () => location.reload());
  events.addEventListener('ok', clear);
  events.addEventListener('errors', (e) => show(JSON.parse(e.data)));
})();
