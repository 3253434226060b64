// What a browser downloads to answer a cold query, and how long the answer takes once it has the
// files: Disclose's index beside Pagefind's of the same advisories, query for query.
// Usage: node bench/search-budget.mjs INDEX_DIR [PAGEFIND_DIR]   (run by bench/search-budget.sh)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const assets = path.join(here, '..', 'themes', 'default', 'assets', 'search');
const { createSearch } = await import(pathToFileURL(path.join(here, '.engine', 'search.js')));
const [index, pagefindDir] = process.argv.slice(2);
const QUERIES = ['CVE-2021-21299', 'GHSA-63qx-x74g-jcr7', 'GO-2022-0304', 'CVE-2021-2129', 'GHSA-63qx-x74g',
  'django', 'requests', 'golang.org/x/net', 'net', 'tokio', 'sql injection', 'denial of service',
  'cross-site scripting', 'XSS', 'path traversal', 'remote code execution', 'buffer overflow', 'memory corruption',
  'authentication bypass', 'XML external entity', 'server side request forgery', 'prototype pollution',
  'integer overflow in', 'use after free', 'regular expression denial', 'severity:high', 'ecosystem:PyPI django',
  'cwe:79', 'year:2022 crash'];

const gz = (b) => gzipSync(b, { level: 6 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (b) => (b / 1024).toFixed(1);
const files = (dir) => readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile());

// ---- Disclose: analyzer.js, search.js and ui.js, then the index files the query asks for. ----
const code = ['analyzer.js', 'search.js', 'ui.js'].map((f) => readFileSync(path.join(assets, f)));
const codeRaw = code.reduce((s, b) => s + b.length, 0);
const codeGz = code.reduce((s, b) => s + gz(b), 0);
const indexFiles = files(index);
const ours = {
  files: indexFiles.length,
  raw: indexFiles.reduce((s, f) => s + statSync(f).size, 0),
  zipped: indexFiles.reduce((s, f) => s + gz(readFileSync(f)), 0),
};

const rows = new Map();
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
    await engine.facets(all, {});
    return engine.docs(all.slice(0, 20));
  };
  const first = await run();
  const times = [];
  for (let i = 0; i < 15; i++) { const t = performance.now(); await run(); times.push(performance.now() - t); }
  rows.set(q, { ours: {
    files: loaded.size,
    raw: [...loaded.values()].reduce((s, b) => s + b.length, 0) + codeRaw,
    zipped: [...loaded.values()].reduce((s, b) => s + gz(b), 0) + codeGz,
    ms: median(times),
    shown: first.length,
  } });
}

// ---- Pagefind: pagefind.js (its UI left out), its WebAssembly and the index chunks and page
// fragments a query fetches, for the first 20 results. Its .pagefind/.pf_* files are stored
// compressed and sent as they are; JavaScript and JSON count gzipped, as a server sends them. ----
let theirs = null;
if (pagefindDir) {
  const served = (file, bytes) => (/\.(js|json)$/.test(file) ? gz(bytes) : bytes.length);
  const stored = files(pagefindDir).filter((f) => !/pagefind-(component-|modular-)?ui|pagefind-highlight/.test(f));
  theirs = {
    files: stored.length,
    raw: stored.reduce((s, f) => s + statSync(f).size, 0),
    zipped: stored.reduce((s, f) => s + served(f, readFileSync(f)), 0),
  };
  let loaded = null;
  // Node has no file: fetch; pagefind.js fetches its files beside itself.
  globalThis.fetch = async (input) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    const file = fileURLToPath(new URL(url.pathname, 'file://'));
    const bytes = readFileSync(file);
    loaded?.set(file, served(file, bytes));
    return new Response(bytes, { status: 200 });
  };
  const moduleFile = path.join(pagefindDir, 'pagefind.js');
  const moduleBytes = served(moduleFile, readFileSync(moduleFile));
  let instance = 0;
  for (const q of QUERIES) {
    loaded = new Map();
    // A fresh module instance per query: a cold cache, as a first visit has.
    const pagefind = await import(`${pathToFileURL(moduleFile)}?cold=${instance++}`);
    await pagefind.init();
    const run = async () => {
      const found = await pagefind.search(q);
      await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
      return found.results.length;
    };
    const count = await run();
    const bytes = [...loaded.values()].reduce((s, b) => s + b, 0) + moduleBytes;
    const files = loaded.size + 1;
    const times = [];
    for (let i = 0; i < 15; i++) { const t = performance.now(); await run(); times.push(performance.now() - t); }
    rows.get(q).theirs = { files, zipped: bytes, ms: median(times), shown: Math.min(20, count) };
    await pagefind.destroy?.();
  }
}

const all = [...rows.values()];
console.log(`Disclose: search code ${kb(codeRaw)} KB, ${kb(codeGz)} KB gzip; index ${ours.files} files, `
  + `${(ours.raw / 1e6).toFixed(1)} MB, ${(ours.zipped / 1e6).toFixed(1)} MB gzip`);
if (theirs) {
  console.log(`Pagefind: index ${theirs.files} files (pagefind.js, WebAssembly, index, fragments; UI left out), `
    + `${(theirs.raw / 1e6).toFixed(1)} MB stored, ${(theirs.zipped / 1e6).toFixed(1)} MB as sent`);
}
console.log('query | Disclose files | KB | KB gzip | ms warm | shown'
  + (theirs ? ' || Pagefind files | KB as sent | ms warm | shown' : ''));
for (const [q, r] of rows) {
  console.log(`${q} | ${r.ours.files} | ${kb(r.ours.raw)} | ${kb(r.ours.zipped)} | ${r.ours.ms.toFixed(1)} | ${r.ours.shown}`
    + (r.theirs ? ` || ${r.theirs.files} | ${kb(r.theirs.zipped)} | ${r.theirs.ms.toFixed(1)} | ${r.theirs.shown}` : ''));
}
const summary = (name, pick, sizes) => console.log(`${name}: cold query median ${kb(median(all.map((r) => pick(r).zipped)))} KB`
  + ` (gzip / as sent), max ${kb(Math.max(...all.map((r) => pick(r).zipped)))} KB; warm query median`
  + ` ${median(all.map((r) => pick(r).ms)).toFixed(1)} ms, max ${Math.max(...all.map((r) => pick(r).ms)).toFixed(1)} ms; ${sizes}`);
summary('Disclose', (r) => r.ours, `index ${(ours.zipped / 1e6).toFixed(1)} MB gzip`);
if (theirs) summary('Pagefind', (r) => r.theirs, `index ${(theirs.zipped / 1e6).toFixed(1)} MB as sent`);
