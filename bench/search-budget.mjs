// What a browser downloads to answer a query, and how long the answer takes once it has the
// files. Usage: node bench/search-budget.mjs INDEX_DIR   (run by bench/search-budget.sh)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const assets = path.join(here, '..', 'themes', 'default', 'assets', 'search');
const { createSearch } = await import(pathToFileURL(path.join(here, '.engine', 'search.js')));
const index = process.argv[2];
const QUERIES = ['CVE-2021-21299', 'GHSA-63qx-x74g-jcr7', 'GO-2022-0304', 'django', 'requests', 'golang.org/x/net', 'tokio',
  'sql injection', 'denial of service', 'cross-site scripting', 'path traversal', 'remote code execution',
  'buffer overflow', 'memory corruption', 'authentication bypass', 'XML external entity', 'server side request forgery',
  'prototype pollution', 'integer overflow in', 'use after free', 'regular expression denial'];

const gz = (b) => gzipSync(b, { level: 6 }).length;
const code = ['analyzer.js', 'search.js', 'ui.js'].map((f) => readFileSync(path.join(assets, f)));
const codeRaw = code.reduce((s, b) => s + b.length, 0);
const codeGz = code.reduce((s, b) => s + gz(b), 0);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = [];
for (const q of QUERIES) {
  const loaded = new Map();
  const engine = createSearch(async (p) => {
    const bytes = readFileSync(path.join(index, p));
    loaded.set(p, bytes);
    return JSON.parse(bytes);
  });
  // What the page does: the query, its facets, the first 20 results.
  const run = async () => {
    const all = await engine.query(q);
    await engine.facets(all);
    return engine.docs(all.slice(0, 20));
  };
  const first = await run();
  const times = [];
  for (let i = 0; i < 15; i++) { const t = performance.now(); await run(); times.push(performance.now() - t); }
  const raw = [...loaded.values()].reduce((s, b) => s + b.length, 0) + codeRaw;
  const zipped = [...loaded.values()].reduce((s, b) => s + gz(b), 0) + codeGz;
  rows.push({ q, files: loaded.size, raw, zipped, ms: median(times), results: first.length });
}
const kb = (b) => (b / 1024).toFixed(1);
console.log(`search code: ${kb(codeRaw)} KB, ${kb(codeGz)} KB gzip`);
console.log('query | files | KB | KB gzip | ms after download (median of 15) | shown');
for (const r of rows) console.log(`${r.q} | ${r.files} | ${kb(r.raw)} | ${kb(r.zipped)} | ${r.ms.toFixed(1)} | ${r.results}`);
console.log(`median: ${kb(median(rows.map((r) => r.raw)))} KB, ${kb(median(rows.map((r) => r.zipped)))} KB gzip;`
  + ` max: ${kb(Math.max(...rows.map((r) => r.raw)))} KB, ${kb(Math.max(...rows.map((r) => r.zipped)))} KB gzip;`
  + ` query time median ${median(rows.map((r) => r.ms)).toFixed(1)} ms, max ${Math.max(...rows.map((r) => r.ms)).toFixed(1)} ms`);
