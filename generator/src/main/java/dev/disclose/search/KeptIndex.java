package dev.disclose.search;

import dev.disclose.plan.SearchDoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An index kept between writes, which the next write patches: the docs, their terms, the postings
 * by two-character prefix (the top-level shards) and what each of those shards wrote. One write at
 * a time.
 */
public final class KeptIndex {
  /** More changed docs than this share of all and the index is made from scratch. */
  private static final int PATCH_MAX_SHARE = 8;

  /**
   * Docs analysed at once, in parallel: bounds the terms held before they are merged into the
   * postings.
   */
  private static final int ANALYSIS_CHUNK = 1024;

  /**
   * Whether the index is kept for the next write. A single build's is not: holding every doc's
   * terms until the index is written crowds a large site's heap.
   */
  private final boolean remembers;

  private List<SearchDoc> docs;
  private List<List<String>[]> terms;
  private Map<String, TreeMap<String, Postings>> groups;
  private Map<String, TermShard> shards;
  private Map<String, byte[]> files;
  private SearchIndexWriter.Parts parts;

  /** An index for a long-running process's rebuilds: each write patches the previous one's. */
  public KeptIndex() {
    this(true);
  }

  private KeptIndex(boolean remembers) {
    this.remembers = remembers;
  }

  /** For one write: nothing is kept, so nothing is patched. */
  public static KeptIndex forOneWrite() {
    return new KeptIndex(false);
  }

  void forget() {
    docs = null;
    terms = null;
    groups = null;
    shards = null;
    files = null;
    parts = null;
  }

  /** The patched index, or null if it must be made from scratch. */
  Map<String, byte[]> patch(List<SearchDoc> next, Function<String, List<String>> analyse) {
    if (docs == null || docs.size() != next.size()) return null;
    List<Integer> changed = new ArrayList<>();
    for (int n = 0; n < next.size(); n++) {
      SearchDoc was = docs.get(n);
      SearchDoc now = next.get(n);
      if (!was.id().equals(now.id())) return null; // numbered differently: every posting moves
      if (!was.equals(now)) changed.add(n);
    }
    if (changed.size() * PATCH_MAX_SHARE > next.size()) return null;
    Set<String> dirty = new HashSet<>();
    for (int n : changed) {
      SearchDoc was = docs.get(n);
      SearchDoc now = next.get(n);
      if (sameWords(was, now)) continue;
      List<String>[] made = analysed(now, analyse);
      Map<String, Integer> before = fieldBits(terms.get(n));
      Map<String, Integer> after = fieldBits(made);
      Set<String> both = new HashSet<>(before.keySet());
      both.addAll(after.keySet());
      for (String t : both) {
        int bits = after.getOrDefault(t, 0);
        if (bits == before.getOrDefault(t, 0)) continue;
        String prefix = SearchIndexWriter.head(t, 2);
        TreeMap<String, Postings> group = groups.computeIfAbsent(prefix, x -> new TreeMap<>());
        Postings p = group.computeIfAbsent(t, x -> new Postings());
        p.set(n, bits);
        if (p.isEmpty()) group.remove(t);
        if (group.isEmpty()) groups.remove(prefix);
        dirty.add(prefix);
      }
      terms.set(n, made);
    }
    for (String prefix : dirty) {
      TreeMap<String, Postings> group = groups.get(prefix);
      if (group == null) shards.remove(prefix);
      else shards.put(prefix, TermShard.of(group));
    }
    Set<Integer> changedChunks = new HashSet<>();
    for (int n : changed) changedChunks.add(n / SearchIndexWriter.CHUNK);
    Map<String, byte[]> out = new TreeMap<>();
    List<String> split = new ArrayList<>();
    // Sorted by prefix: the order a write from scratch lists the split prefixes in.
    new TreeMap<>(shards)
        .values()
        .forEach(
            s -> {
              out.putAll(s.files());
              split.addAll(s.split());
            });
    boolean ids = false;
    boolean packages = false;
    boolean facets = false;
    for (int n : changed) {
      SearchDoc was = docs.get(n);
      SearchDoc now = next.get(n);
      ids |= !was.ids().equals(now.ids());
      packages |= !was.packages().equals(now.packages());
      facets |=
          !was.ecosystems().equals(now.ecosystems())
              || !was.severity().equals(now.severity())
              || was.year() != now.year();
    }
    parts =
        new SearchIndexWriter.Parts(
            ids ? SearchIndexWriter.ids(next) : parts.ids(),
            packages ? SearchIndexWriter.packages(next) : parts.packages(),
            facets ? Facets.of(next) : parts.facets());
    Map<String, byte[]> before = files;
    SearchIndexWriter.rest(
        next,
        out,
        split,
        parts,
        chunk ->
            changedChunks.contains(chunk) ? null : before.get(SearchIndexWriter.chunkFile(chunk)));
    docs = List.copyOf(next);
    files = out;
    return out;
  }

  /**
   * The index from scratch, remembered if this index remembers; a doc's terms reused if its title,
   * facts and text are as before.
   */
  Map<String, byte[]> writeAll(List<SearchDoc> next, Function<String, List<String>> analyse) {
    Map<String, Integer> previousById = new HashMap<>();
    if (docs != null) for (int n = 0; n < docs.size(); n++) previousById.put(docs.get(n).id(), n);
    List<SearchDoc> before = docs;
    List<List<String>[]> beforeTerms = terms;
    forget();
    List<List<String>[]> made = new ArrayList<>(next.size());
    HashMap<String, Postings> termPostings = new HashMap<>();
    for (int start = 0; start < next.size(); start += ANALYSIS_CHUNK) {
      // Analysis is most of the work and independent per doc; the postings are then appended in
      // doc order, so the result does not depend on the threads.
      List<List<String>[]> analysed =
          next.subList(start, Math.min(next.size(), start + ANALYSIS_CHUNK)).parallelStream()
              .map(
                  d -> {
                    Integer was = previousById.get(d.id());
                    if (was != null && sameWords(before.get(was), d)) {
                      return beforeTerms.get(was);
                    }
                    return analysed(d, analyse);
                  })
              .toList();
      for (int i = 0; i < analysed.size(); i++) {
        int n = start + i;
        for (String t : analysed.get(i)[0])
          termPostings.computeIfAbsent(t, x -> new Postings()).add(n, 1);
        for (String t : analysed.get(i)[1])
          termPostings.computeIfAbsent(t, x -> new Postings()).add(n, 2);
      }
      if (remembers) made.addAll(analysed);
    }
    Map<String, TreeMap<String, Postings>> byPrefix = new HashMap<>();
    new TreeMap<>(termPostings)
        .forEach(
            (t, p) ->
                byPrefix
                    .computeIfAbsent(SearchIndexWriter.head(t, 2), x -> new TreeMap<>())
                    .put(t, p));
    Map<String, TermShard> madeShards = new HashMap<>();
    Map<String, byte[]> out = new TreeMap<>();
    List<String> split = new ArrayList<>();
    new TreeMap<>(byPrefix)
        .forEach(
            (prefix, group) -> {
              TermShard s = TermShard.of(group);
              madeShards.put(prefix, s);
              out.putAll(s.files());
              split.addAll(s.split());
            });
    SearchIndexWriter.Parts madeParts = SearchIndexWriter.Parts.of(next);
    SearchIndexWriter.rest(next, out, split, madeParts, chunk -> null);
    if (!remembers) return out;
    parts = madeParts;
    docs = List.copyOf(next);
    terms = made;
    groups = byPrefix;
    shards = madeShards;
    files = out;
    return out;
  }

  /** Whether two docs are found by the same words: title, facts and text. */
  private static boolean sameWords(SearchDoc was, SearchDoc now) {
    return was.title().equals(now.title())
        && was.facts().equals(now.facts())
        && was.body().equals(now.body());
  }

  /** A doc's terms: its title's and its facts' (weighed as a title's), and its text's. */
  @SuppressWarnings("unchecked")
  private static List<String>[] analysed(SearchDoc d, Function<String, List<String>> analyse) {
    String title = d.facts().isEmpty() ? d.title() : d.title() + "\n" + d.facts();
    return new List[] {List.copyOf(analyse.apply(title)), List.copyOf(analyse.apply(d.body()))};
  }

  /** A term's field bits in one doc: 1 if in its title, 2 if in its text. */
  private static Map<String, Integer> fieldBits(List<String>[] terms) {
    Map<String, Integer> bits = new HashMap<>();
    for (String t : terms[0]) bits.merge(t, 1, (a, b) -> a | b);
    for (String t : terms[1]) bits.merge(t, 2, (a, b) -> a | b);
    return bits;
  }
}
