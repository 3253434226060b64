// The demo site as a reader's browser sees it: Debian's Chromium, driven by playwright-core.
// Run by BrowserTest (mvn verify), which builds the site and serves it over HTTP.
//
//   node site.test.mjs <base URL> <screenshot folder> [ID that must not appear]...
//
// Exits 1 listing every failed expectation; prints what it checked.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const [base, shots, ...hidden] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node site.test.mjs <base URL> <screenshot folder> [hidden ID]...');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const failures = [];
const checked = [];
function expect(ok, what) {
  (ok ? checked : failures).push(what);
}

// This machine's network is closed: without the background-networking flags Chromium keeps
// trying to reach Google's services. Playwright adds --headless and a fresh profile itself.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A page that records script errors, CSP violations and failed requests. */
async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  // Chromium logs CSP violations as console errors; the DOM event also catches those it doesn't.
  // Init scripts run outside the page's CSP, so this listener is not itself refused.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
      `${e.effectiveDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  // Chromium also logs every failed load as a console error; the response listener names the URL.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url() !== url) problems.push(`${r.status()} for ${r.url()}`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  page.problems = problems;
  page.status = response?.status();
  return page;
}

/** The page declares a strict CSP, and nothing so far broke it, threw, or failed to load. */
async function noProblems(page, where) {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content').catch(() => null);
  expect(!!csp && /default-src 'none'/.test(csp) && !/unsafe-(inline|eval)/.test(csp),
    `${where}: a strict Content-Security-Policy meta (${csp})`);
  const violations = await page.evaluate(() => window.__cspViolations || []);
  const problems = [...page.problems, ...violations.map((v) => `CSP violation: ${v}`)];
  expect(problems.length === 0, `${where}: no script errors, CSP violations or failed requests`
    + (problems.length ? `\n      ${[...new Set(problems)].join('\n      ')}` : ''));
}

/**
 * axe-core, loaded from node_modules (no network), WCAG 2.1 A/AA rules. The pages' CSP rightly
 * refuses the injected script, so axe looks at the same address in a context that bypasses CSP;
 * the reader's own contexts keep it enforced.
 */
async function axe(page, where) {
  const context = await browser.newContext({
    bypassCSP: true, viewport: page.viewportSize(), colorScheme: await page.evaluate(
      () => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')),
  });
  const audited = await context.newPage();
  await audited.goto(page.url(), { waitUntil: 'load' });
  await audited.addScriptTag({ path: AXE });
  page = audited;
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  const grave = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const text = grave.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  expect(grave.length === 0, `${where}: axe-core finds no serious or critical violation`
    + (text.length ? `\n      ${text.join('\n      ')}` : ''));
  const minor = result.violations.filter((v) => !grave.includes(v));
  if (minor.length) console.log(`  note: ${where}: axe minor/moderate: ${minor.map((v) => v.id).join(', ')}`);
  await context.close();
}

try {
  // --- Home page, desktop, light ---
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const home = await open(desktop, base);
  expect(home.status === 200, `home page answers 200 (got ${home.status})`);
  const title = await home.title();
  expect(title.length > 0, `home page has a title ("${title}")`);
  const h1 = (await home.locator('h1').first().textContent())?.trim();
  expect(!!h1, `home page has a heading ("${h1}")`);
  const rows = await home.locator('table.advisories tbody tr').count();
  expect(rows > 0, `home page lists advisories (${rows} rows)`);
  const badges = await home.locator('table.advisories .severity').allTextContents();
  expect(badges.some((b) => /critical|high|medium|low/i.test(b)), `advisories show their severity (${[...new Set(badges)].join(', ')})`);
  const html = await home.content();
  const index = await open(desktop, new URL('advisories/', base).href);
  const indexHtml = await index.content();
  for (const id of hidden) {
    expect(!html.includes(id) && !indexHtml.includes(id), `the home page and the advisory index do not mention the unpublished ${id}`);
    const direct = await desktop.request.get(new URL(`advisories/${id}/`, base).href);
    expect(direct.status() === 404, `advisories/${id}/ is not found (got ${direct.status()})`);
  }
  await index.close();
  await noProblems(home, 'home page');

  // Keyboard: the first Tab reaches the skip link, which becomes visible and leads to the content.
  await home.keyboard.press('Tab');
  const focused = await home.evaluate(() => ({
    text: document.activeElement?.textContent?.trim(),
    top: document.activeElement?.getBoundingClientRect().top,
  }));
  expect(focused.text === 'Skip to content' && focused.top >= 0,
    `the first Tab focuses a visible "Skip to content" link (got "${focused.text}" at ${focused.top})`);
  if (focused.text === 'Skip to content') { // else Enter would follow some other link away
    await home.keyboard.press('Enter');
    const afterSkip = await home.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    expect(afterSkip === 'main', `the skip link moves focus to the main content (got ${afterSkip})`);
    // main takes focus only to move the reading position: no focus frame around the whole page.
    const frame = await home.evaluate(() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth}`; });
    expect(frame.startsWith('none') || frame.endsWith(' 0px'), `no focus frame around the main content after the skip link (outline: ${frame})`);
  }
  await home.screenshot({ path: path.join(shots, 'home.png'), fullPage: true });
  await axe(home, 'home page');

  // --- Follow a link to an advisory, as a reader would ---
  // A rated advisory, so that there is a score and a vector to show.
  const link = home.locator('table.advisories tbody tr', { has: home.locator('.sev-critical, .sev-high') })
    .first().locator('a').first();
  const linkText = (await link.textContent())?.trim();
  home.problems.length = 0; // the home page's are reported; what follows is the advisory page's
  await Promise.all([home.waitForURL(/\/advisories\/[^/]+\/$/), link.click()]);
  const url = home.url();
  const id = decodeURIComponent(url.replace(/\/$/, '').split('/').pop());
  const advisoryH1 = (await home.locator('h1').textContent())?.trim();
  expect(!!advisoryH1 && linkText.includes(advisoryH1), `clicking "${linkText}" opens its page (h1 "${advisoryH1}")`);
  const body = await home.locator('main').innerText();
  expect(body.includes(id), `the advisory page shows its ID ${id}`);
  expect(/Critical|High|Medium|Low/.test(await home.locator('.severity').first().innerText()), 'the advisory page shows a severity');
  expect(/\b(CVSS [34]\.[0-9])/.test(body), 'the advisory page names the CVSS version of its score');
  expect(await home.locator('.package').count() > 0, 'the advisory page lists affected packages');
  expect(/Fixed in|fixed/i.test(body), 'the advisory page says which versions fix it');
  const osvHref = await home.getByRole('link', { name: 'OSV JSON' }).getAttribute('href');
  const osvUrl = new URL(osvHref, url).href;
  const osv = await desktop.request.get(osvUrl);
  let osvId = '';
  try { osvId = (await osv.json()).id; } catch (e) { osvId = `unparsable: ${e.message}`; }
  expect(osv.status() === 200 && osvId.endsWith(id), `its OSV JSON link (${osvHref}) serves the record of ${id} (got ${osv.status()}, id ${osvId})`);
  await noProblems(home, `advisory page ${id}`);
  await home.screenshot({ path: path.join(shots, 'advisory.png'), fullPage: true });
  await axe(home, `advisory page ${id}`);

  // --- Response page: charts drawn at build time, readable without JavaScript ---
  const response = await open(desktop, new URL('response/', base).href);
  const charts = await response.locator('svg.chart[role="img"]').count();
  const titled = await response.locator('svg.chart > title').count();
  expect(charts > 0 && charts === titled, `the response page has ${charts} SVG charts, each with a title`);
  await noProblems(response, 'response page');
  const headings = await response.locator('table.response thead th[scope="colgroup"]').allInnerTexts();
  expect(headings.includes('Acknowledgement (working days)') && headings.includes('Assessment (working days)'),
    `the response table measures the policy's steps in its working days (${headings.join(', ')})`);
  await response.screenshot({ path: path.join(shots, 'response.png'), fullPage: true });
  await axe(response, 'response page');

  // --- Search: typing a CVE, a package prefix and a phrase; arrow keys through the results ---
  const search = await open(desktop, new URL('search/', base).href);
  expect(await search.locator('#search-nojs').isHidden(), 'the search page replaces its no-JavaScript text when the script runs');
  const searchFor = async (q, what) => {
    await search.fill('#search-input', '');
    await search.locator('#search-input').pressSequentially(q, { delay: 15 });
    await search.waitForFunction((query) => document.getElementById('search-results').dataset.query === query,
      q, { timeout: 5000 }).catch(() => {});
    const first = (await search.locator('#search-results li').first().innerText().catch(() => '')).replace(/\s+/g, ' ');
    expect(first.includes(what), `searching "${q}" shows ${what} first (got "${first.slice(0, 80)}")`);
  };
  await searchFor('CVE-2026-30517', 'DEMO-2026-0002');
  await searchFor('corvid-se', 'corvid-serve');
  await searchFor('sandbox escape', 'DEMO-2026-0001');
  for (const id of hidden) {
    await search.fill('#search-input', id);
    await search.waitForFunction((query) => document.getElementById('search-results').dataset.query === query,
      id, { timeout: 5000 }).catch(() => {});
    expect(!(await search.locator('#search-results').innerText()).includes(id), `searching ${id} finds nothing unpublished`);
  }
  await searchFor('path traversal', 'DEMO-2025-0004');
  await search.locator('#search-input').focus();
  await search.keyboard.press('ArrowDown');
  const firstResult = await search.evaluate(() => document.activeElement.closest('#search-results') !== null);
  await search.keyboard.press('ArrowUp');
  const backToBox = await search.evaluate(() => document.activeElement.id);
  expect(firstResult && backToBox === 'search-input', `arrow keys move from the box to the results and back (${firstResult}, ${backToBox})`);
  await noProblems(search, 'search page');
  await search.screenshot({ path: path.join(shots, 'search.png'), fullPage: true });
  await axe(search, 'search page');

  // --- 404 ---
  const missing = await open(desktop, new URL('no-such-page/', base).href);
  expect(missing.status === 404 && /not found/i.test(await missing.locator('h1').innerText()),
    `an unknown address shows the 404 page (status ${missing.status})`);
  await noProblems(missing, '404 page');
  await desktop.close();

  // --- Dark mode: the palette must keep its contrast ---
  const dark = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  const darkPage = await open(dark, url);
  const bg = await darkPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg !== 'rgb(255, 255, 255)', `dark mode changes the background (${bg})`);
  await darkPage.screenshot({ path: path.join(shots, 'advisory-dark.png'), fullPage: true });
  await axe(darkPage, 'advisory page, dark');
  const darkResponse = await open(dark, new URL('response/', base).href);
  await darkResponse.screenshot({ path: path.join(shots, 'response-dark.png'), fullPage: true });
  await axe(darkResponse, 'response page, dark');
  await dark.close();

  // --- Every kind of page at a phone's and a desktop's size, light and dark ---
  // Each page: nothing scrolls sideways, axe finds nothing serious, and a screenshot is kept.
  // On an advisory page, what to do about each package (its fixed version, or that there is
  // none yet) is in the first screenful.
  const firstLink = async (page, selector) => {
    const href = await page.locator(selector).first().getAttribute('href');
    return new URL(href, page.url()).href;
  };
  const survey = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const start = await open(survey, base);
  const firstAdvisory = await firstLink(start, 'table.advisories tbody tr a');
  const withdrawn = await firstLink(start, 'table.advisories tbody tr.withdrawn a');
  const ecosystem = await firstLink(start, '.filters section:first-child a');
  const advisoryPage = await open(survey, firstAdvisory);
  const packagePage = await firstLink(advisoryPage, '.package h3 a');
  await survey.close();
  const pages = [
    ['home', base], ['advisory', firstAdvisory], ['advisory-rated', url], ['withdrawn', withdrawn],
    ['package', packagePage], ['ecosystem', ecosystem], ['years', new URL('years/', base).href],
    ['response', new URL('response/', base).href], ['policy', new URL('policy/', base).href],
    ['feeds', new URL('feeds/', base).href], ['search', new URL('search/', base).href],
    ['releases', new URL('releases/', base).href], ['404', new URL('no-such-page/', base).href],
  ];
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    for (const colorScheme of ['light', 'dark']) {
      const mobile = width < 600;
      const context = await browser.newContext({
        viewport: { width, height }, colorScheme, isMobile: mobile, hasTouch: mobile,
      });
      for (const [name, target] of pages) {
        const where = `${name} page at ${width} px, ${colorScheme}`;
        const p = await open(context, target);
        // On a mobile viewport innerWidth grows with content too wide: measure against the set width.
        const { scrollWidth, innerWidth, wide } = await p.evaluate(() => {
          const limit = document.documentElement.clientWidth;
          const scrolls = (e) => { // inside a box that scrolls or clips its own overflow
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') return true;
            }
            return false;
          };
          const wide = [...document.body.querySelectorAll('*')]
            .filter((e) => e.getBoundingClientRect().right > limit + 1 && !scrolls(e))
            .map((e) => `<${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? ` class="${e.className}"` : ''}> ${(e.textContent || '').trim().slice(0, 60)} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
          return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth, wide: wide.slice(0, 5) };
        });
        expect(scrollWidth <= width && scrollWidth <= innerWidth,
          `${where}: does not scroll sideways (scrollWidth ${scrollWidth}, innerWidth ${innerWidth})`
          + (scrollWidth > width && wide.length ? `\n      ${wide.join('\n      ')}` : ''));
        if (name.startsWith('advisory') || name === 'withdrawn') {
          const advice = p.locator('.package .advice').first();
          const text = (await advice.innerText().catch(() => '')).trim();
          const box = await advice.boundingBox();
          expect(!!box && box.y >= 0 && box.y + box.height < height && /Upgrade to|No fixed version yet/.test(text),
            `${where}: what to do ("${text}") is in the first screen (bottom ${box ? Math.round(box.y + box.height) : 'none'} of ${height} px)`);
          const severities = await p.locator('main .advisory-header .severity, main dl.facts .severity').count();
          expect(severities === 1, `${where}: the top shows the severity once (${severities})`);
        }
        if (name === 'withdrawn') {
          const top = await p.locator('.advisory-header').innerText();
          expect(/Withdrawn/.test(top), `${where}: the top says it is withdrawn`);
        }
        await noProblems(p, where);
        await p.screenshot({ path: path.join(shots, `${name}-${width}-${colorScheme}.png`), fullPage: true });
        await axe(p, where);
        await p.close();
      }
      await context.close();
    }
  }
} catch (e) {
  failures.push(`the test itself failed: ${e.stack || e}`);
} finally {
  await browser.close();
}

for (const c of checked) console.log(`  ok   ${c}`);
for (const f of failures) console.log(`  FAIL ${f}`);
console.log(`${checked.length} checks passed, ${failures.length} failed; screenshots in ${shots}`);
process.exit(failures.length ? 1 : 0);
