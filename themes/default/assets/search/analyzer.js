// Disclose search: how a query becomes index terms. The same steps as Lucene's EnglishAnalyzer,
// which built the index (dev.disclose.search.SearchAnalyzer): Unicode word segmentation as
// Lucene's StandardTokenizer does it (UAX #29), English possessives, lower case, Lucene's English
// stop words, Porter stemming as Lucene's PorterStemmer does it. A build-time test runs this file
// and Lucene over the same word list and requires the same terms.

const STOP = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is',
  'it', 'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this',
  'to', 'was', 'will', 'with']);

// Word-break classes of UAX #29, for the characters that matter outside East Asian scripts.
const LETTER = 1, NUMERIC = 2, MID_LETTER = 3, MID_NUM_LET = 4, MID_NUM = 5, EXTEND_NUM_LET = 6, EXTEND = 7,
  IDEOGRAPH = 8, EMOJI = 9, REGIONAL = 10, OTHER = 0;
const MID_LETTERS = new Set([0x3A, 0xB7, 0x387, 0x5F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A]);
const MID_NUM_LETS = new Set([0x27, 0x2E, 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E]);
const MID_NUMS = new Set([0x2C, 0x3B, 0x37E, 0x589, 0x60C, 0x60D, 0x66C, 0x7F8, 0x2044, 0xFE10, 0xFE14, 0xFE50,
  0xFE54, 0xFF0C, 0xFF1B]);
const EXTEND_NUM_LETS = new Set([0x5F, 0x202F, 0x203F, 0x2040, 0x2054, 0xFE33, 0xFE34, 0xFE4D, 0xFE4E, 0xFE4F, 0xFF3F]);

function classOf(cp) {
  const ch = String.fromCodePoint(cp);
  if (MID_NUM_LETS.has(cp)) return MID_NUM_LET;
  if (MID_LETTERS.has(cp)) return MID_LETTER;
  if (MID_NUMS.has(cp)) return MID_NUM;
  if (EXTEND_NUM_LETS.has(cp)) return EXTEND_NUM_LET;
  if (/\p{Nd}/u.test(ch)) return NUMERIC;
  if (/\p{Regional_Indicator}/u.test(ch)) return REGIONAL;
  if (/\p{Emoji_Modifier}|\uFE0F|\uFE0E|\u20E3/u.test(ch)) return EXTEND;
  if (/\p{Extended_Pictographic}/u.test(ch)) return EMOJI;
  if (/[\p{Script=Han}\p{Script=Hiragana}]/u.test(ch)) return IDEOGRAPH;
  if (/[\p{L}]/u.test(ch)) return LETTER;
  if (/[\p{M}\u200C\u200D\p{Cf}]/u.test(ch)) return EXTEND;
  return OTHER;
}

/** Words as Lucene's StandardTokenizer cuts them (letters, digits and their joiners). */
export function tokenize(text) {
  const cps = Array.from(text, (c) => c.codePointAt(0));
  const cls = cps.map(classOf);
  // Extend and format characters belong to the character before them (WB4).
  const base = (i) => { while (i >= 0 && cls[i] === EXTEND) i--; return i; };
  const next = (i) => { i++; while (i < cps.length && cls[i] === EXTEND) i++; return i; };
  const tokens = [];
  let i = 0;
  while (i < cps.length) {
    const c = cls[i];
    if (c === IDEOGRAPH) { tokens.push(String.fromCodePoint(cps[i])); i = next(i); continue; }
    // Emoji are words of their own (Lucene 9 tokenizes them): a pictograph with its modifiers,
    // joined to the next by a zero-width joiner; a flag is a pair of regional indicators.
    if (c === EMOJI || c === REGIONAL) {
      const start = i;
      let j = next(i);
      if (c === REGIONAL && j < cps.length && cls[j] === REGIONAL) j = next(j);
      else while (j < cps.length && cps[j - 1] === 0x200D && cls[j] === EMOJI) j = next(j);
      tokens.push(String.fromCodePoint(...cps.slice(start, j)));
      i = j;
      continue;
    }
    if (c !== LETTER && c !== NUMERIC && c !== EXTEND_NUM_LET) { i++; continue; }
    const start = i;
    let hasWordChar = c === LETTER || c === NUMERIC;
    let last = i;
    let j = next(i);
    while (j < cps.length) {
      const prev = cls[base(j - 1)];
      const cur = cls[j];
      // Letters, digits and connectors (underscore) run together (WB5, WB8-10, WB13a/b).
      if ((prev === LETTER || prev === NUMERIC || prev === EXTEND_NUM_LET) && (cur === LETTER || cur === NUMERIC || cur === EXTEND_NUM_LET)) {
        hasWordChar = hasWordChar || cur === LETTER || cur === NUMERIC;
        last = j; j = next(j); continue;
      }
      // A single joiner between two letters (WB6/7) or two digits (WB11/12).
      const after = next(j);
      if (after < cps.length) {
        const ahead = cls[after];
        if (prev === LETTER && ahead === LETTER && (cur === MID_LETTER || cur === MID_NUM_LET)) { last = after; j = next(after); continue; }
        if (prev === NUMERIC && ahead === NUMERIC && (cur === MID_NUM || cur === MID_NUM_LET)) { last = after; j = next(after); continue; }
      }
      break;
    }
    let end = last + 1;
    while (end < cps.length && cls[end] === EXTEND) end++;
    if (hasWordChar) tokens.push(String.fromCodePoint(...cps.slice(start, end)));
    i = j;
  }
  return tokens;
}

/** English possessive: a trailing 's (straight, typographic or full-width apostrophe). */
function possessive(t) {
  if (t.length >= 2 && "'\u2019\uFF07".includes(t[t.length - 2]) && (t[t.length - 1] === 's' || t[t.length - 1] === 'S')) {
    return t.slice(0, -2);
  }
  return t;
}

/** Lower case code point by code point, as Java's Character.toLowerCase does. */
function lower(t) {
  let out = '';
  for (const ch of t) {
    const l = ch.toLowerCase();
    out += Array.from(l).length === 1 ? l : ch;
  }
  return out;
}

/** The terms of a text, as the index spells them. */
export function analyze(text) {
  return words(text).map((w) => w.term);
}

/** Each word of a text as typed (lower case) and as the index spells it. */
export function words(text) {
  const out = [];
  for (const token of tokenize(text)) {
    const t = lower(possessive(token));
    if (t.length === 0 || STOP.has(t)) continue;
    out.push({ word: t, term: stem(t) });
  }
  return out;
}

/** An identifier as a lookup key: lower-case letters and digits only (CVE-2025-1234 → cve20251234). */
export function idKey(text) {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// ---- Porter's stemmer, step for step as Lucene's PorterStemmer (org.apache.lucene.analysis.en). ----

// Its suffix tables by the letter they look at: Maps, since that letter comes from a query.
const DOUBLE_SUFFIXES = new Map(Object.entries({
  a: [['ational', 'ate'], ['tional', 'tion']],
  c: [['enci', 'ence'], ['anci', 'ance']],
  e: [['izer', 'ize']],
  l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
  o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
  s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
  t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
  g: [['logi', 'log']],
}));
const IC_FUL_NESS = new Map(Object.entries({
  e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
  i: [['iciti', 'ic']],
  l: [['ical', 'ic'], ['ful', '']],
  s: [['ness', '']],
}));
const CONTEXT_SUFFIXES = new Map(Object.entries({
  a: ['al'], c: ['ance', 'ence'], e: ['er'], i: ['ic'], l: ['able', 'ible'], n: ['ant', 'ement', 'ment', 'ent'],
  o: ['ion', 'ou'], s: ['ism'], t: ['ate', 'iti'], u: ['ous'], v: ['ive'], z: ['ize'],
}));

export function stem(word) {
  const b = Array.from(word);
  if (b.length <= 2) return word;
  let k = b.length - 1;
  const k0 = 0;
  let j = 0;

  const cons = (i) => {
    switch (b[i]) {
      case 'a': case 'e': case 'i': case 'o': case 'u': return false;
      case 'y': return i === k0 ? true : !cons(i - 1);
      default: return true;
    }
  };
  const m = () => {
    let n = 0;
    let i = k0;
    for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
    i++;
    for (;;) {
      for (;;) { if (i > j) return n; if (cons(i)) break; i++; }
      i++; n++;
      for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
    }
  };
  const vowelinstem = () => { for (let i = k0; i <= j; i++) if (!cons(i)) return true; return false; };
  const doublec = (jj) => jj >= k0 + 1 && b[jj] === b[jj - 1] && cons(jj);
  const cvc = (i) => {
    if (i < k0 + 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
    return !(b[i] === 'w' || b[i] === 'x' || b[i] === 'y');
  };
  const ends = (s) => {
    const l = s.length;
    const o = k - l + 1;
    if (o < k0) return false;
    for (let i = 0; i < l; i++) if (b[o + i] !== s[i]) return false;
    j = k - l;
    return true;
  };
  const setto = (s) => { for (let i = 0; i < s.length; i++) b[j + 1 + i] = s[i]; k = j + s.length; };
  const r = (s) => { if (m() > 0) setto(s); };

  // step 1: plurals and -ed or -ing
  if (b[k] === 's') {
    if (ends('sses')) k -= 2;
    else if (ends('ies')) setto('i');
    else if (b[k - 1] !== 's') k--;
  }
  if (ends('eed')) {
    if (m() > 0) k--;
  } else if ((ends('ed') || ends('ing')) && vowelinstem()) {
    k = j;
    if (ends('at')) setto('ate');
    else if (ends('bl')) setto('ble');
    else if (ends('iz')) setto('ize');
    else if (doublec(k)) {
      const ch = b[k--];
      if (ch === 'l' || ch === 's' || ch === 'z') k++;
    } else if (m() === 1 && cvc(k)) setto('e');
  }
  // step 2: y → i when there is another vowel in the stem
  if (ends('y') && vowelinstem()) b[k] = 'i';
  // step 3: double suffixes
  if (k !== k0) {
    const rules = DOUBLE_SUFFIXES.get(b[k - 1]) || [];
    for (const [suffix, replacement] of rules) if (ends(suffix)) { r(replacement); break; }
  }
  // step 4: -ic-, -full, -ness
  {
    const rules = IC_FUL_NESS.get(b[k]) || [];
    for (const [suffix, replacement] of rules) if (ends(suffix)) { r(replacement); break; }
  }
  // step 5: -ant, -ence and the like, in context m > 1
  if (k !== k0) {
    const suffixes = CONTEXT_SUFFIXES.get(b[k - 1]);
    let found = false;
    if (suffixes) {
      for (const s of suffixes) {
        if (ends(s)) {
          if (s === 'ion' && !(j >= 0 && (b[j] === 's' || b[j] === 't'))) continue;
          found = true;
          break;
        }
      }
    }
    if (found && m() > 1) k = j;
  }
  // step 6: a final -e, and -ll
  j = k;
  if (b[k] === 'e') {
    const a = m();
    if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
  }
  if (b[k] === 'l' && doublec(k) && m() > 1) k--;
  return b.slice(0, k + 1).join('');
}
