// Lighthouse on pages of a built site, as a reader's phone (Lighthouse's default mobile preset:
// a mid-range phone on a slow 4G link, simulated) or desktop sees them, in Debian's Chromium.
// Run by LighthouseTest (mvn verify), which builds the sites and serves them over HTTP.
//
//   node lighthouse.test.mjs <report folder> <name>=<preset>=<URL>...   (preset: mobile | desktop)
//
// For each page: accessibility must be 100 and performance at least 90, and the page's own weight
// (DOM elements, bytes transferred) within the bounds below. The performance score depends on the
// machine's speed, which on a shared CI host drifts: a page under 90 is measured again, up to
// three times in all, and passes if one run reaches 90 (an audit that fails every time still
// fails). The deterministic bounds are checked on every run. Reports (JSON and HTML) go to the
// report folder, one pair per page and preset. Exits 1 naming each failure and the audits that
// cost points; prints every score.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [reports, ...pages] = process.argv.slice(2);
if (!reports || pages.length === 0) {
  console.error('usage: node lighthouse.test.mjs <report folder> <name>=<mobile|desktop>=<URL>...');
  process.exit(2);
}
mkdirSync(reports, { recursive: true });

const ACCESSIBILITY = 1.0;
const PERFORMANCE = 0.9;
const ATTEMPTS = 3;
// Far above any page of the site (a list page holds at most list_page_size rows), far below
// what an unpaged list of thousands reaches.
const MAX_DOM_ELEMENTS = 3000;
const MAX_TRANSFER_BYTES = 300 * 1024;

const failures = [];
const lines = [];

/** The audits of a category that lost points, the heaviest first, with what each measured. */
function lostPoints(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit.score !== null && audit.score < 1)
    .sort((a, b) => b.ref.weight * (1 - b.audit.score) - a.ref.weight * (1 - a.audit.score))
    .map(({ ref, audit }) => `${ref.id} (weight ${ref.weight}, score ${audit.score}`
      + `${audit.displayValue ? `, ${audit.displayValue}` : ''}): ${audit.title}`
      + detailItems(audit));
}

/** For an accessibility audit, the elements it failed on. */
function detailItems(audit) {
  const items = audit.details?.items ?? [];
  const nodes = items.map((i) => i.node?.snippet).filter(Boolean).slice(0, 3);
  return nodes.length ? ` — ${nodes.join(' | ')}` : '';
}

// This machine's network is closed: without the background-networking flags Chromium keeps
// trying to reach Google's services.
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const spec of pages) {
    const [name, preset, ...rest] = spec.split('=');
    const url = rest.join('=');
    const config = preset === 'desktop' ? desktopConfig : undefined;
    let best = null;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const started = Date.now();
      const result = await lighthouse(url, {
        port: chrome.port,
        output: ['json', 'html'],
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      }, config);
      const lhr = result.lhr;
      if (lhr.runtimeError) {
        failures.push(`${name} (${preset}): Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
        break;
      }
      const performance = lhr.categories.performance.score;
      const accessibility = lhr.categories.accessibility.score;
      const dom = lhr.audits['dom-size']?.numericValue;
      const bytes = lhr.audits['total-byte-weight']?.numericValue;
      lines.push(`${name} (${preset}) run ${attempt}: performance ${Math.round(performance * 100)}, `
        + `accessibility ${Math.round(accessibility * 100)}, ${dom} DOM elements, `
        + `${Math.round(bytes / 1024)} KiB transferred, LCP ${lhr.audits['largest-contentful-paint'].displayValue}, `
        + `TBT ${lhr.audits['total-blocking-time'].displayValue}, CLS ${lhr.audits['cumulative-layout-shift'].displayValue} `
        + `(${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (best === null || performance > best.lhr.categories.performance.score) best = { lhr, result };
      // Neither the accessibility audits nor the page's weight depend on the machine's speed.
      if (accessibility < ACCESSIBILITY) {
        failures.push(`${name} (${preset}): accessibility ${Math.round(accessibility * 100)} < 100; lost on:\n    `
          + lostPoints(lhr, 'accessibility').join('\n    '));
      }
      if (!(dom <= MAX_DOM_ELEMENTS)) failures.push(`${name} (${preset}): ${dom} DOM elements > ${MAX_DOM_ELEMENTS}`);
      if (!(bytes <= MAX_TRANSFER_BYTES)) failures.push(`${name} (${preset}): ${bytes} bytes transferred > ${MAX_TRANSFER_BYTES}`);
      if (performance >= PERFORMANCE || accessibility < ACCESSIBILITY) break;
    }
    if (best === null) continue;
    const file = path.join(reports, `${name}-${preset}`);
    writeFileSync(`${file}.json`, best.result.report[0]);
    writeFileSync(`${file}.html`, best.result.report[1]);
    const performance = best.lhr.categories.performance.score;
    if (performance < PERFORMANCE) {
      failures.push(`${name} (${preset}): performance ${Math.round(performance * 100)} < 90 in each of `
        + `${ATTEMPTS} runs (report ${file}.html); the best run lost points on:\n    `
        + lostPoints(best.lhr, 'performance').join('\n    '));
    }
  }
} finally {
  await chrome.kill();
}

console.log(lines.join('\n'));
if (failures.length > 0) {
  console.log(`\n${failures.length} failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(`\n${pages.length} pages passed, 0 failed`);
