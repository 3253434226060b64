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

/** At most this many IDs a partial ID begins are answers. */
const MAX_PREFIX_IDS = 100;

/** Operators as typed → the facet they narrow. */
const OPERATORS = Object.assign(Object.create(null), {
  severity: 'severity', sev: 'severity', ecosystem: 'ecosystem', eco: 'ecosystem', year: 'year',
});

/**
 * A query's operators taken out of its text: {@code filters} (facet → value as typed), {@code
 * exact} (cwe:79 and CWE-79 as the index's word cwe79) and the remaining {@code text}; {@code
 * endsInOperator} when the last thing typed was an operator, so the words before it are complete.
 */
export function parseQuery(q) {
  const filters = Object.create(null);
  const exact = [];
  let endsInOperator = false;
  const text = q.replace(/(^|\s)([a-z]+):(\S*)/gi, (all, space, name, value, at) => {
    const facet = OPERATORS[name.toLowerCase()];
    const isCwe = name.toLowerCase() === 'cwe';
    if (!facet && !isCwe) return all;
    if (at + all.length === q.length) endsInOperator = true;
    if (!value) return space;
    if (isCwe) { const n = value.replace(/^cwe-?/i, ''); if (/^\d+$/.test(n)) exact.push(`cwe${Number(n)}`); return space; }
    filters[facet] = value;
    return space;
  }).replace(/(^|[^a-z0-9])cwe[-_ ]?(\d+)(?![a-z0-9])/gi, (_, before, n) => {
    exact.push(`cwe${Number(n)}`);
    return before;
  });
  return { text, filters, exact, endsInOperator };
}

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
   * Docs of one word, each with its weight: 10 in a title (or a fact: a CWE, its abbreviation, a
   * severity), 1 in the text. The word being typed (prefix) also matches the indexed terms it
   * begins, and a stem it has already passed ("sanitiz" is on its way to "sanitizer", indexed as
   * "sanit"), at half the weight of the word itself: "DoS" finds denial of service before
   * "download".
   */
  async function termDocs({ word, term }, prefix) {
    const shard = (await shardFor(term)) || {};
    const docs = new Map();
    const add = (list, scale) => {
      for (const [d, f] of decode(list)) {
        const weight = scale * ((f & 1 ? 10 : 0) + (f & 2 ? 1 : 0));
        docs.set(d, Math.max(docs.get(d) || 0, weight));
      }
    };
    const exact = own(shard, term);
    if (exact) add(exact, 1);
    if (prefix) {
      let n = 0;
      for (const t of Object.keys(shard)) {
        if (t === term) continue;
        const begun = t.startsWith(term) || t.startsWith(word);
        const passed = word.startsWith(t) && t.length >= Math.max(4, word.length - 3);
        if ((begun || passed) && n++ < 50) add(shard[t], 0.5);
      }
    }
    return docs;
  }

  /** The ID shard a key belongs in: its first two characters, or more where that shard was split. */
  async function idShardFor(key) {
    meta = meta || await get('meta.json');
    const split = new Set(meta.idSplit || []);
    let p = key.slice(0, 2);
    while (split.has(p) && key.length > p.length) p = key.slice(0, p.length + 1);
    return shard('ids', p);
  }

  /**
   * Docs of an ID or alias key: the ID itself first, then the IDs it begins (a partial ID:
   * GHSA-x3m8-f7g5, CVE-2025-2978), shortest first.
   */
  async function idDocs(key) {
    const ids = (await idShardFor(key)) || {};
    const ranked = new Map();
    for (const d of own(ids, key) || []) ranked.set(d, 1e6);
    const longer = Object.keys(ids).filter((k) => k !== key && k.startsWith(key))
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_PREFIX_IDS);
    for (const k of longer) for (const d of ids[k]) if (!ranked.has(d)) ranked.set(d, 5e5 - (k.length - key.length));
    return ranked;
  }

  /**
   * Ranked doc numbers for the words of a query (its operators taken out): an exact ID or alias
   * first, or the IDs it begins, then packages (the name typed so far, whole or its last segment),
   * then matches in titles, then in the text. Every word must match (all-words search); when no
   * doc has them all, docs with any of them follow. {@code exact}: words that must match as they
   * are (cwe79), never as a prefix.
   */
  async function ranked(q, exact, typing) {
    const scores = new Map();
    const bump = (d, s) => scores.set(d, Math.max(scores.get(d) || 0, 0) + s);
    const key = idKey(q);
    if (!exact.length && key.length >= 5 && /[0-9]/.test(key)) {
      const ids = await idDocs(key);
      // An ID or alias is an answer, not words: the year in CVE-YYYY-… matches nothing else.
      if (ids.size) return [...ids].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([d]) => d);
      // Shaped like an ID (CVE-YYYY-NNNN, GHSA-xxxx-xxxx-xxxx, RUSTSEC-YYYY-NNNN) but unknown:
      // nothing matches, rather than every advisory that mentions 2026.
      if (/^\s*[A-Za-z]{2,10}[-_ ]?(\d{4}[-_ ]?\d+|[0-9a-z]{4}-[0-9a-z]{4}(-[0-9a-z]{1,4})?)\s*$/i.test(q)) return [];
    }
    const parts = q.trim().split(/\s+/).filter(Boolean);
    if (key.length >= 2 && parts.length <= 3) {
      const packages = (await shard('p', key.slice(0, 2))) || [];
      for (const [k, , , docs] of packages) {
        if (k === key) for (const d of docs) bump(d, 1e5);
        else if (k.startsWith(key)) for (const d of docs) bump(d, 5e4 / (1 + k.length - key.length));
      }
    }
    const seen = new Set();
    const terms = words(q).filter((w) => !seen.has(w.term) && seen.add(w.term));
    const lastIsPrefix = typing && !/\s$/.test(q);
    const wanted = [...terms.map((t, i) => [t, lastIsPrefix && i === terms.length - 1]),
      ...exact.filter((w) => !seen.has(w) && seen.add(w)).map((w) => [{ word: w, term: w }, false])];
    if (wanted.length) {
      const lists = await Promise.all(wanted.map(([t, prefix]) => termDocs(t, prefix)));
      const n = meta.docs || 1;
      const all = new Map();
      lists.forEach((docs) => {
        const idf = Math.log(1 + n / (1 + docs.size));
        for (const [d, weight] of docs) {
          const entry = all.get(d) || { hits: 0, score: 0 };
          entry.hits++;
          entry.score += idf * weight;
          all.set(d, entry);
        }
      });
      const complete = [...all].filter(([, e]) => e.hits === wanted.length);
      for (const [d, e] of complete) bump(d, 1e3 + e.score);
      // Exact words (an operator's) are conditions: no doc without them.
      if (!complete.length && !exact.length) for (const [d, e] of all) bump(d, e.score);
    }
    // Ties: newest first (docs are numbered newest first).
    return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([d]) => d);
  }

  /**
   * Ranked doc numbers for a query: its words ({@link ranked}) narrowed by its operators
   * (severity:high, ecosystem:npm, year:2025, cwe:79 or CWE-79); operators alone list every
   * advisory that has them, newest first.
   */
  async function query(q, { typing = true } = {}) {
    meta = meta || await get('meta.json');
    const parsed = parseQuery(q);
    const { text, filters, exact } = parsed;
    let found;
    if (text.trim() || exact.length) found = await ranked(text, exact, typing && !parsed.endsInOperator);
    else found = Array.from({ length: meta.docs }, (_, d) => d);
    if (Object.keys(filters).length) found = await filter(found, await resolve(filters));
    return found;
  }

  /** The operators' values as the facets spell them (npm → npm, pypi → PyPI), or a value nothing has. */
  async function resolve(filters) {
    const f = await facetsOf();
    const out = Object.create(null);
    for (const [facet, value] of Object.entries(filters)) {
      const known = facet === 'ecosystem' ? meta.ecosystems : facet === 'severity' ? [...meta.severities.filter(Boolean), 'unrated']
        : [...new Set(f.year.map(String))];
      const v = value.toLowerCase();
      out[facet] = known.find((k) => k.toLowerCase() === v) || known.find((k) => k.toLowerCase().startsWith(v)) || `\u0000${value}`;
    }
    return out;
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

  /**
   * Facet counts over a result set: each facet's values counted among the docs that have the
   * other facets' chosen values, so that choosing a value updates the other facets' counts and
   * leaves its own facet's alternatives to switch to.
   */
  async function facets(docs, chosen = {}) {
    const f = await facetsOf();
    const counts = { ecosystem: Object.create(null), severity: Object.create(null), year: Object.create(null) };
    const has = (facet, d) => !own(chosen, facet) || (facet === 'ecosystem' ? f.eco[d].includes(chosen.ecosystem)
      : facet === 'severity' ? f.sev[d] === chosen.severity : String(f.year[d]) === String(chosen.year));
    for (const d of docs) {
      const eco = has('severity', d) && has('year', d);
      const sev = has('ecosystem', d) && has('year', d);
      const year = has('ecosystem', d) && has('severity', d);
      if (eco) for (const e of f.eco[d]) counts.ecosystem[e] = (counts.ecosystem[e] || 0) + 1;
      if (sev) counts.severity[f.sev[d]] = (counts.severity[f.sev[d]] || 0) + 1;
      if (year) counts.year[f.year[d]] = (counts.year[f.year[d]] || 0) + 1;
    }
    return counts;
  }

  /** The docs of a result set that have the chosen facet values. */
  async function filter(docs, chosen) {
    const f = await facetsOf();
    const ecosystem = own(chosen, 'ecosystem');
    const severity = own(chosen, 'severity');
    const year = own(chosen, 'year');
    return docs.filter((d) => (!ecosystem || f.eco[d].includes(ecosystem))
      && (!severity || f.sev[d] === severity)
      && (!year || String(f.year[d]) === String(year)));
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
