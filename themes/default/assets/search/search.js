// Disclose search: answers a query from the static index under search/ (written by
// dev.disclose.search.SearchIndexWriter), downloading only the shards the query needs.
// No dependencies; the page works without it (the search page says how to browse instead).
import { words, idKey } from './analyzer.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
// Lookups keyed by what a reader typed or an advisory holds go through own properties or
// prototype-less objects only: `constructor` or `__proto__` is a word, not Object.prototype's.
const VALUE = Object.assign(Object.create(null), Object.fromEntries([...ALPHABET].map((c, i) => [c, i])));

/** The value an index object holds under {@code key} itself, never one it inherits. */
const own = (object, key) => (object && Object.hasOwn(object, key) ? object[key] : undefined);

/** Decodes a posting list: Map doc → field bits (1 title, 2 body). */
export function decode(text) {
  const out = new Map();
  let doc = -1;
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const v = VALUE[c];
    value += (v & 31) * 2 ** shift;
    if (v & 32) { shift += 5; continue; }
    doc += Math.floor(value / 4) + 1;
    out.set(doc, value % 4);
    value = 0;
    shift = 0;
  }
  return out;
}

function fileName(prefix) {
  let out = '';
  for (const ch of prefix) out += /[a-z0-9]/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16);
  return out;
}

function head(s, n) { return Array.from(s).slice(0, n).join(''); }

/**
 * A search engine over one index. {@code load(path)} returns the parsed JSON of a file under the
 * index folder (fetch in a browser, a file read in tests and benchmarks); each file is loaded once.
 */
export function createSearch(load) {
  const cache = new Map();
  const get = (path) => {
    if (!cache.has(path)) cache.set(path, load(path).catch(() => null));
    return cache.get(path);
  };
  let meta = null;
  let exists = null;
  /** A shard file, or null without asking when meta.json says it does not exist. */
  const shard = async (folder, stem) => {
    meta = meta || await get('meta.json');
    exists = exists || { t: new Set(meta.t), ids: new Set(meta.ids), p: new Set(meta.p) };
    return exists[folder].has(stem) ? get(`${folder}/${stem}.json`) : null;
  };

  async function shardFor(term) {
    meta = meta || await get('meta.json');
    const split = new Set(meta.split);
    let p = head(term, 2);
    while (split.has(p) && Array.from(term).length > Array.from(p).length) p = head(term, Array.from(p).length + 1);
    return shard('t', fileName(p));
  }

  /**
   * Docs of one word. The word being typed (prefix) also matches the indexed terms it begins,
   * and a stem it has already passed: "sanitiz" is on its way to "sanitizer", indexed as "sanit".
   */
  async function termDocs({ word, term }, prefix) {
    const shard = (await shardFor(term)) || {};
    const docs = new Map();
    const add = (list) => { for (const [d, f] of decode(list)) docs.set(d, (docs.get(d) || 0) | f); };
    const exact = own(shard, term);
    if (exact) add(exact);
    if (prefix) {
      let n = 0;
      for (const t of Object.keys(shard)) {
        if (t === term) continue;
        const begun = t.startsWith(term) || t.startsWith(word);
        const passed = word.startsWith(t) && t.length >= Math.max(4, word.length - 3);
        if ((begun || passed) && n++ < 50) add(shard[t]);
      }
    }
    return docs;
  }

  /**
   * Ranked doc numbers for a query: an exact ID or alias first, then packages (the name typed so
   * far), then matches in titles, then in the text. Every word must match (all-words search);
   * when no doc has them all, docs with any of them follow.
   */
  async function query(q, { typing = true } = {}) {
    meta = meta || await get('meta.json');
    const scores = new Map();
    const bump = (d, s) => scores.set(d, Math.max(scores.get(d) || 0, 0) + s);
    const key = idKey(q);
    if (key.length >= 5 && /[0-9]/.test(key)) {
      const ids = (await shard('ids', key.slice(-2))) || {};
      for (const d of own(ids, key) || []) bump(d, 1e6);
      // An exact ID or alias is an answer, not words: the year in CVE-YYYY-… matches nothing else.
      if (scores.size) return [...scores.keys()].sort((a, b) => a - b);
      // Shaped like an ID (CVE-YYYY-NNNN, GHSA-xxxx-xxxx-xxxx, RUSTSEC-YYYY-NNNN) but unknown:
      // nothing matches, rather than every advisory that mentions 2026.
      if (/^\s*[A-Za-z]{2,10}[-_ ]?(\d{4}[-_ ]?\d+|[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})\s*$/i.test(q)) return [];
    }
    const parts = q.trim().split(/\s+/).filter(Boolean);
    const pkgKey = idKey(q);
    if (pkgKey.length >= 2 && parts.length <= 3) {
      const packages = (await shard('p', pkgKey.slice(0, 2))) || [];
      for (const [k, , , docs] of packages) {
        if (k === pkgKey) for (const d of docs) bump(d, 1e5);
        else if (k.startsWith(pkgKey)) for (const d of docs) bump(d, 5e4 / (1 + k.length - pkgKey.length));
      }
    }
    const seen = new Set();
    const terms = words(q).filter((w) => !seen.has(w.term) && seen.add(w.term));
    if (terms.length) {
      const lastIsPrefix = typing && !/\s$/.test(q);
      const lists = await Promise.all(terms.map((t, i) => termDocs(t, lastIsPrefix && i === terms.length - 1)));
      const n = meta.docs || 1;
      const all = new Map();
      lists.forEach((docs) => {
        const idf = Math.log(1 + n / (1 + docs.size));
        for (const [d, f] of docs) {
          const entry = all.get(d) || { hits: 0, score: 0 };
          entry.hits++;
          entry.score += idf * ((f & 1 ? 10 : 0) + (f & 2 ? 1 : 0));
          all.set(d, entry);
        }
      });
      const complete = [...all].filter(([, e]) => e.hits === terms.length);
      for (const [d, e] of complete) bump(d, 1e3 + e.score);
      if (!complete.length) for (const [d, e] of all) bump(d, e.score);
    }
    // Ties: newest first (docs are numbered newest first).
    return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([d]) => d);
  }

  /** Per doc: its ecosystems, severity and year, decoded once from f.json. */
  let facetData = null;
  async function facetsOf() {
    if (facetData) return facetData;
    const f = await get('f.json');
    meta = meta || await get('meta.json');
    const n = meta.docs;
    const combos = f.c.map((set) => set.map((i) => meta.ecosystems[i]));
    const eco = new Array(n);
    const sev = new Array(n);
    for (let d = 0; d < n; d++) {
      let combo;
      let s;
      if (f.k) { const v = VALUE[f.k[d]]; combo = v % combos.length; s = Math.floor(v / combos.length); }
      else { combo = f.e[d]; s = VALUE[f.s[d]]; }
      eco[d] = combos[combo];
      sev[d] = meta.severities[s] || 'unrated';
    }
    const year = new Array(n);
    let d = 0;
    // An offset of -1: a doc whose publication date is unknown and whose ID names no year.
    for (const [offset, count] of f.y) for (let i = 0; i < count; i++) year[d++] = offset < 0 ? 'undated' : meta.minYear + offset;
    facetData = { eco, sev, year };
    return facetData;
  }

  /** Facet counts over a result set. */
  async function facets(docs) {
    const f = await facetsOf();
    const counts = { ecosystem: Object.create(null), severity: Object.create(null), year: Object.create(null) };
    for (const d of docs) {
      for (const e of f.eco[d]) counts.ecosystem[e] = (counts.ecosystem[e] || 0) + 1;
      counts.severity[f.sev[d]] = (counts.severity[f.sev[d]] || 0) + 1;
      counts.year[f.year[d]] = (counts.year[f.year[d]] || 0) + 1;
    }
    return counts;
  }

  /** The docs of a result set that have the chosen facet values. */
  async function filter(docs, chosen) {
    const f = await facetsOf();
    return docs.filter((d) => (!chosen.ecosystem || f.eco[d].includes(chosen.ecosystem))
      && (!chosen.severity || f.sev[d] === chosen.severity)
      && (!chosen.year || String(f.year[d]) === String(chosen.year)));
  }

  /** What a result shows: [id, title, path, severity label, score, packages, published, withdrawn]. */
  async function docs(numbers) {
    meta = meta || await get('meta.json');
    const chunks = await Promise.all([...new Set(numbers.map((n) => Math.floor(n / meta.chunk)))]
      .map(async (c) => [c, await get(`d/${c}.json`)]));
    const byChunk = new Map(chunks);
    return numbers.map((n) => (byChunk.get(Math.floor(n / meta.chunk)) || [])[n % meta.chunk]).filter(Boolean);
  }

  return { query, facets, filter, docs };
}
