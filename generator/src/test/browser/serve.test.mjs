// disclose serve in a real browser (Debian's Chromium, driven by playwright-core): an alias page
// runs the reload script under its own CSP, and a broken edit of an advisory shows its errors over
// the open tab until the fix. Run by PreviewBrowserTest, which starts the server on a copy of the
// basic fixture site.
//
//   node serve.test.mjs <server URL> <site folder> <screenshot folder>
//
// Exits 1 listing every failed expectation; prints what it checked.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [server, site, shots] = process.argv.slice(2);
if (!server || !site || !shots) {
  console.error('usage: node serve.test.mjs <server URL> <site folder> <screenshot folder>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

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

/** A page that records script errors and CSP violations, in every document it shows. */
async function watched(context) {
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(
      `CSP: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'} in ${e.documentURI}`));
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  // Chromium logs every failed load as a console error too; the response listener names the URL.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  page.problems = problems;
  return page;
}

try {
  const context = await browser.newContext();

  // An alias page redirects at once: its target is held back, so the alias page stays long
  // enough to show whether its reload script runs (it opens the event stream) or is refused.
  {
    const page = await watched(context);
    const alias = new URL('advisories/CVE-2025-10001/', server).href;
    const target = new URL('advisories/FIX-2025-0001/', server).href;
    let held = false;
    await page.route(target, async (route) => {
      if (!held) {
        held = true;
        await new Promise((r) => setTimeout(r, 3000));
      }
      await route.continue();
    });
    const streams = [];
    let targetStreamOpened;
    const targetStream = new Promise((r) => { targetStreamOpened = r; });
    page.on('request', (r) => {
      if (!r.url().endsWith('/__disclose/events')) return;
      streams.push(r.frame().url());
      if (r.frame().url() === target) targetStreamOpened();
    });
    await page.goto(alias, { waitUntil: 'load' });
    await page.waitForURL(target, { timeout: 15000 });
    await page.waitForLoadState('load');
    // The event stream's request may be reported after the load event on a busy machine.
    await Promise.race([targetStream, new Promise((r) => setTimeout(r, 15000))]);
    expect(streams.includes(alias), `the alias page's reload script opened the event stream (from: ${streams.join(', ') || 'none'})`);
    expect(streams.includes(target), 'its target page opened the event stream too');
    expect(page.problems.length === 0, `no script error or CSP violation on the alias page and its target: ${page.problems.join('; ')}`);
    await page.close();
  }

  // A broken edit shows the overlay without a reload; the fix removes it.
  {
    const page = await watched(context);
    const file = path.join(site, 'advisories/2025/FIX-2025-0002.md');
    const good = readFileSync(file, 'utf8');
    const payload = '<img src=x onerror=alert(1)>';
    let streamOpen;
    const opened = new Promise((r) => { streamOpen = r; });
    page.on('request', (r) => { if (r.url().endsWith('/__disclose/events')) streamOpen(); });
    await page.goto(new URL('advisories/FIX-2025-0002/', server).href, { waitUntil: 'load' });
    await opened;
    await page.waitForTimeout(500);
    let navigations = 0;
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations++; });
    writeFileSync(file, good.replace('ecosystem: npm', `ecosystem: "${payload}"`));
    const overlay = page.locator('#disclose-build-errors');
    await overlay.waitFor({ state: 'visible', timeout: 30000 });
    const text = await overlay.innerText();
    expect(text.includes('FIX-2025-0002.md:7:16'), `the overlay names the file, line and column: ${text}`);
    expect(text.includes(`\`${payload}\` is not an OSV ecosystem`), 'the overlay shows the message, markup as text');
    expect(await overlay.locator('img').count() === 0, 'the markup in the message made no element');
    expect(await page.getByRole('alert').count() === 1, 'the overlay is announced as an alert');
    expect(navigations === 0, 'the overlay came without a reload');
    const box = await overlay.boundingBox();
    expect(box && box.y === 0 && box.width > 300, `the overlay sits at the top of the viewport: ${JSON.stringify(box)}`);
    await page.screenshot({ path: path.join(shots, 'serve-build-errors.png') });

    writeFileSync(file, good);
    await overlay.waitFor({ state: 'detached', timeout: 30000 });
    expect(true, 'the fix removed the overlay');
    expect(page.problems.length === 0, `no script error or CSP violation on the advisory page: ${page.problems.join('; ')}`);
    await page.close();
  }
} catch (e) {
  failures.push(`${e.message}`);
} finally {
  await browser.close();
}

for (const c of checked) console.log(`ok: ${c}`);
for (const f of failures) console.log(`FAILED: ${f}`);
console.log(`${checked.length} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
