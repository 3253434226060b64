// The search page: results as you type, facets, keyboard navigation. Loaded as a module by
// search/index.html only; everything it needs is under ../search-index/ of the site. Facets are
// folded on a narrow screen, where they follow the results (search.css), and open on a wide one.
import { createSearch } from './search.js';

const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const facetBox = document.getElementById('search-facets');
const facetFold = document.getElementById('search-facets-box');
const wide = window.matchMedia('(min-width: 40em)');
const root = form.dataset.root;
const engine = createSearch((path) => fetch(`${root}search-index/${path}`).then((r) => (r.ok ? r.json() : null)));
const chosen = Object.create(null); // facet → value, with no inherited keys
let generation = 0;

facetFold.open = wide.matches;
wide.addEventListener('change', () => { facetFold.open = wide.matches; });

function text(tag, content, cls) {
  const el = document.createElement(tag);
  el.textContent = content;
  if (cls) el.className = cls;
  return el;
}

/** Shows the results of the box's query; {@code typing}: its last word may be unfinished. */
async function run(typing = true) {
  const q = input.value;
  const mine = ++generation;
  const url = new URL(location.href);
  if (q.trim()) url.searchParams.set('q', q); else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  if (!q.trim()) { list.replaceChildren(); facetBox.replaceChildren(); facetFold.hidden = true; status.textContent = ''; return; }
  const started = performance.now();
  const all = await engine.query(q, { typing });
  const filtered = await engine.filter(all, chosen);
  const shown = await engine.docs(filtered.slice(0, 20));
  const counts = await engine.facets(all, chosen);
  if (mine !== generation) return; // a newer query is on its way
  list.replaceChildren(...shown.map(([id, title, path, label, score, packages, published, withdrawn]) => {
    const li = document.createElement('li');
    const a = text('a', title);
    a.href = root + path;
    const meta = document.createElement('p');
    meta.className = 'result-meta';
    meta.append(text('span', id, 'id'), ' ');
    if (label) meta.append(text('span', score ? `${label} ${score}` : label, `severity sev-${label.toLowerCase()}`), ' ');
    meta.append(packages + (published ? ` · ${published}` : '') + (withdrawn ? ' · withdrawn' : ''));
    li.append(a, meta);
    return li;
  }));
  renderFacets(counts);
  facetFold.hidden = all.length === 0;
  list.dataset.query = q; // which query and facets the list shows (tests wait on them)
  list.dataset.chosen = Object.entries(chosen).map(([key, value]) => `${key}=${value}`).join('&');
  const ms = Math.round(performance.now() - started);
  status.textContent = filtered.length === 0 ? `No advisory matches “${q}”.`
    : `${filtered.length} ${filtered.length === 1 ? 'advisory' : 'advisories'}${filtered.length > 20 ? ', the first 20 shown' : ''}.`;
  status.dataset.ms = String(ms);
}

function renderFacets(counts) {
  const narrowed = Object.entries(chosen).map(([key, value]) => `${key} ${value}`).join(', ');
  facetFold.querySelector('summary').textContent = narrowed ? `Narrow the results (${narrowed})` : 'Narrow the results';
  const groups = [['ecosystem', 'Ecosystem'], ['severity', 'Severity'], ['year', 'Year']];
  facetBox.replaceChildren(...groups.map(([key, label]) => {
    const fieldset = document.createElement('fieldset');
    fieldset.append(text('legend', label));
    // Years newest first, "undated" after them.
    // A chosen value stays, counted 0 when the query no longer finds it, so it can be unchosen.
    if (chosen[key] && !Object.hasOwn(counts[key], chosen[key])) counts[key][chosen[key]] = 0;
    const values = Object.entries(counts[key]).sort((a, b) => (key === 'year' ? (Number(b[0]) || 0) - (Number(a[0]) || 0) : b[1] - a[1]));
    for (const [value, count] of [['', null], ...values]) {
      const id = `facet-${key}-${value || 'any'}`;
      const radio = document.createElement('input');
      Object.assign(radio, { type: 'radio', name: key, id, value, checked: (chosen[key] || '') === value });
      radio.addEventListener('change', () => { if (value) chosen[key] = value; else delete chosen[key]; run(); });
      const lab = text('label', value === '' ? 'Any' : `${value} (${count})`);
      lab.htmlFor = id;
      const row = document.createElement('div');
      row.append(radio, ' ', lab);
      fieldset.append(row);
    }
    return fieldset;
  }));
}

let timer;
input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 40); });
form.addEventListener('submit', (e) => { e.preventDefault(); run(false); });
// Arrow keys move between the search box and the results.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = [...list.querySelectorAll('a')];
  if (!links.length) return;
  const at = links.indexOf(document.activeElement);
  if (e.key === 'ArrowDown') {
    if (document.activeElement === input || at >= 0) { e.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus(); }
  } else if (at >= 0) {
    e.preventDefault();
    if (at === 0) input.focus(); else links[at - 1].focus();
  }
});

const initial = new URL(location.href).searchParams.get('q');
if (initial) { input.value = initial; run(false); }
input.focus();
