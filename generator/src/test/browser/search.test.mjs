// The demo site's search page as a reader's browser sees it: Debian's Chromium, driven by
// playwright-core. Run by SearchBrowserTest (mvn verify), which builds the site and serves it.
//
//   node search.test.mjs <base URL> <screenshot folder> [ID that must not appear]...
//
// Queries typed into the page and their first result; a facet chosen and the other facets'
// counts following; on a 390 px phone and a 1280 px desktop, the first result in the first
// viewport, facets after the results on the phone, and no layout shift (CLS from the browser's
// layout-shift entries); axe-core on the page with results; the page without JavaScript.
// Exits 1 listing every failed expectation; prints what it checked.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const [base, shots, ...hidden] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node search.test.mjs <base URL> <screenshot folder> [hidden ID]...');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const searchUrl = (q) => new URL(`search/${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`, base).href;

const failures = [];
const checked = [];
function expect(ok, what) {
  (ok ? checked : failures).push(what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/**
 * The search page, recording script errors, CSP violations, failed requests and layout shifts
 * (those that follow the reader's own input excluded, as CLS counts them).
 */
async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    window.__csp = [];
    window.__cls = 0;
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'}`));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`); });
  await page.goto(url, { waitUntil: 'load' });
  page.problems = problems;
  return page;
}

/** Waits until the results show {@code q} with the facets {@code chosen} (key=value&…). */
async function shown(page, q, chosen = '') {
  await page.waitForFunction(([query, facets]) => {
    const list = document.getElementById('search-results');
    return list.dataset.query === query && (list.dataset.chosen || '') === facets;
  }, [q, chosen], { timeout: 10000 });
}

/** The ID of each result shown, in order. */
const resultIds = (page) => page.locator('#search-results li .result-meta .id').allTextContents();

async function type(page, q) {
  await page.fill('#search-input', '');
  await page.locator('#search-input').pressSequentially(q, { delay: 10 });
  await shown(page, q);
  return resultIds(page);
}

/** Facet → value → count, as the labels beside the results say them. */
async function facetCounts(page) {
  return page.evaluate(() => {
    const out = {};
    for (const fieldset of document.querySelectorAll('#search-facets fieldset')) {
      const counts = {};
      for (const label of fieldset.querySelectorAll('label')) {
        const m = /^(.*) \((\d+)\)$/.exec(label.textContent);
        if (m) counts[m[1]] = Number(m[2]);
      }
      out[fieldset.querySelector('legend').textContent.toLowerCase()] = counts;
    }
    return out;
  });
}

async function noProblems(page, where) {
  const csp = await page.evaluate(() => window.__csp);
  const problems = [...page.problems, ...csp.map((v) => `CSP violation: ${v}`)];
  expect(problems.length === 0, `${where}: no script errors, CSP violations or failed requests`
    + (problems.length ? `\n      ${[...new Set(problems)].join('\n      ')}` : ''));
}

/** axe-core (WCAG 2.1 A/AA and best practices) on the page with results: no violation at all. */
async function axe(url, colorScheme, where) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('search-results').dataset.query !== undefined);
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  const text = result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  expect(result.violations.length === 0, `${where}: axe-core finds no violation`
    + (text.length ? `\n      ${text.join('\n      ')}` : ''));
  await context.close();
}

try {
  // --- Queries typed on a desktop ---
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const page = await open(desktop, searchUrl());
  const firsts = [
    ['corvid-client', ['DEMO-2026-0002', 'DEMO-2024-0005']],
    ['console', ['DEMO-2025-0007', 'DEMO-2025-0001']],
    ['corvid-oper', ['DEMO-2025-0003', 'DEMO-2024-0002']],
    ['high', ['DEMO-2026-0002', 'DEMO-2025-0004', 'DEMO-2025-0002', 'DEMO-2025-0001', 'DEMO-2024-0004', 'DEMO-2024-0003', 'DEMO-2024-0001']],
    ['severity:critical', ['DEMO-2026-0001']],
    ['ecosystem:npm', ['DEMO-2025-0007', 'DEMO-2025-0001']],
    ['year:2026 tls', ['DEMO-2026-0002']],
    ['cwe:79', ['DEMO-2025-0001']],
    ['CWE-918', ['DEMO-2025-0006']],
    ['XSS', ['DEMO-2025-0001']],
    ['SSRF', ['DEMO-2025-0006']],
    ['RCE', ['DEMO-2026-0001']],
    ['DoS', ['DEMO-2024-0003']],
    ['GHSA-7q2x-4m9f', ['DEMO-2025-0004']],
    ['CVE-2025-2662', ['DEMO-2025-0002']],
  ];
  for (const [q, expected] of firsts) {
    const ids = await type(page, q);
    const top = ids.slice(0, expected.length);
    expect(top.length === expected.length && top.every((id) => expected.includes(id)),
      `typing "${q}" shows ${expected.join(', ')} first (got ${ids.slice(0, 8).join(', ') || 'nothing'})`);
  }
  for (const id of hidden) {
    const ids = await type(page, id);
    expect(!ids.includes(id) && ids.length === 0, `typing ${id} finds nothing (got ${ids.join(', ')})`);
  }

  // --- A facet chosen: the other facets' counts follow ---
  await type(page, 'ecosystem:pypi');
  const before = await facetCounts(page);
  expect(JSON.stringify(before.year) === JSON.stringify({ 2026: 1, 2025: 3, 2024: 2 }),
    `"ecosystem:pypi" counts its years (${JSON.stringify(before.year)})`);
  await page.locator('#facet-severity-high').check();
  await shown(page, 'ecosystem:pypi', 'severity=high');
  const after = await facetCounts(page);
  const ids = await resultIds(page);
  expect(JSON.stringify(after.year) === JSON.stringify({ 2025: 1, 2024: 2 }) && ids.length === 3,
    `choosing severity high recounts the years (${JSON.stringify(after.year)}) and shows 3 results (${ids.join(', ')})`);
  expect(after.severity.critical === 1 && after.severity.medium === 2,
    `the severity facet keeps its alternatives (${JSON.stringify(after.severity)})`);
  const facetsBeside = await page.evaluate(() => {
    const facets = document.getElementById('search-facets-box').getBoundingClientRect();
    const results = document.getElementById('search-results').getBoundingClientRect();
    return document.getElementById('search-facets-box').open && facets.right <= results.left;
  });
  expect(facetsBeside, 'at 1280 px the facets are open, beside the results on their left');
  await page.screenshot({ path: path.join(shots, 'search-desktop.png') });
  await noProblems(page, 'search page, typed queries');
  await desktop.close();

  // --- Opened with a query: first result above the fold, no layout shift, at both sizes ---
  for (const [name, viewport] of [['390 px', { width: 390, height: 844 }], ['1280 px', { width: 1280, height: 800 }]]) {
    const context = await browser.newContext({ viewport, colorScheme: 'light' });
    const p = await open(context, searchUrl('corvid-serve'));
    await shown(p, 'corvid-serve');
    await p.waitForTimeout(500);
    const { cls, firstBottom, facetsTop, resultsTop, open: facetsOpen, overflow } = await p.evaluate(() => {
      const first = document.querySelector('#search-results li');
      return {
        cls: window.__cls,
        firstBottom: first ? first.getBoundingClientRect().bottom + window.scrollY : Infinity,
        facetsTop: document.getElementById('search-facets-box').getBoundingClientRect().top,
        resultsTop: document.getElementById('search-results').getBoundingClientRect().top,
        open: document.getElementById('search-facets-box').open,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    expect(cls < 0.1, `${name}: the search page opened with a query does not shift (CLS ${cls.toFixed(4)})`);
    expect(firstBottom <= viewport.height, `${name}: the first result is in the first viewport (bottom at ${Math.round(firstBottom)} px of ${viewport.height})`);
    expect(overflow <= 1, `${name}: the search page fits the screen (overflow ${overflow} px)`);
    if (name === '390 px') {
      expect(facetsTop > resultsTop && !facetsOpen, `${name}: the facets come after the results, folded (top ${Math.round(facetsTop)} > ${Math.round(resultsTop)}, open ${facetsOpen})`);
      await p.screenshot({ path: path.join(shots, 'search-mobile.png') });
    }
    await noProblems(p, `search page at ${name}`);
    await context.close();
  }

  // --- Landmarks, accessibility ---
  const plain = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const landmarks = await open(plain, searchUrl('xss'));
  await shown(landmarks, 'xss');
  const names = await landmarks.locator('[role="search"]').evaluateAll((forms) => forms.map((f) => f.getAttribute('aria-label') || ''));
  expect(names.length >= 1 && names.every(Boolean) && new Set(names).size === names.length,
    `each search landmark has a name of its own (${JSON.stringify(names)})`);
  await plain.close();
  await axe(searchUrl('corvid-serve'), 'light', 'search page with results, light');
  await axe(searchUrl('corvid-serve'), 'dark', 'search page with results, dark');

  // --- Without JavaScript: the page says how to browse instead ---
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const still = await noJs.newPage();
  await still.goto(searchUrl('xss'), { waitUntil: 'load' });
  const nojsText = await still.locator('main').innerText();
  expect(/needs JavaScript/.test(nojsText) && !(await still.locator('#search-app').isVisible()),
    'without JavaScript the search page points to the lists instead of an empty result area');
  await noJs.close();
} catch (e) {
  failures.push(`the test itself failed: ${e.stack || e}`);
} finally {
  await browser.close();
}

for (const c of checked) console.log(`  ok   ${c}`);
for (const f of failures) console.log(`  FAIL ${f}`);
console.log(`${checked.length} checks passed, ${failures.length} failed; screenshots in ${shots}`);
process.exit(failures.length ? 1 : 0);
