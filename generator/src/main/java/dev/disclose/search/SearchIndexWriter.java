package dev.disclose.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.plan.SearchDoc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The static search index under {@code search/}: split so that a query downloads only what it
 * needs, and a browser with search.js answers it without a server.
 *
 * <ul>
 *   <li>{@code meta.json}: counts, the facet values, which term prefixes are split further;
 *   <li>{@code t/<prefix>.json}: term → postings, sharded by the term's first two characters (three
 *       or four where a shard would be large). A posting list is a string of varints, each {@code
 *       docDelta << 2 | fields} (1 title, 2 body), in the 64-letter alphabet below;
 *   <li>{@code ids/<last two>.json}: ID and alias keys ({@link SearchAnalyzer#idKey}) → docs;
 *   <li>{@code p/<first two>.json}: package keys → [name, ecosystem, docs], for prefix search;
 *   <li>{@code f.json}: one character per doc for each facet (ecosystems as a bit set, severity,
 *       year), from which the browser counts a result set's facets;
 *   <li>{@code d/<n>.json}: what a result shows, {@value #CHUNK} docs per file.
 * </ul>
 *
 * Docs are numbered in the catalog's order, newest first. Deterministic: sorted maps only.
 */
public final class SearchIndexWriter {
  static final int CHUNK = 10;

  /** A shard larger than this is split by one more character of its terms. */
  static final int SHARD_BYTES = 12_000;

  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchIndexWriter() {}

  /**
   * Docs analysed at once, in parallel: bounds the terms held before they are merged into the
   * postings.
   */
  private static final int ANALYSIS_CHUNK = 1024;

  /**
   * A term's postings: doc numbers in increasing order, each with its field bits. Docs are added in
   * order, so a posting is appended or, for the same doc, its bits combined.
   */
  static final class Postings {
    private int[] docs = new int[2];
    private byte[] fields = new byte[2];
    private int size;

    void add(int doc, int field) {
      if (size > 0 && docs[size - 1] == doc) {
        fields[size - 1] |= (byte) field;
        return;
      }
      if (size == docs.length) {
        docs = Arrays.copyOf(docs, size * 2);
        fields = Arrays.copyOf(fields, size * 2);
      }
      docs[size] = doc;
      fields[size++] = (byte) field;
    }

    /** Sets {@code doc}'s field bits, in its place among the docs; 0 removes it. */
    void set(int doc, int bits) {
      int at = Arrays.binarySearch(docs, 0, size, doc);
      if (at >= 0) {
        if (bits != 0) {
          fields[at] = (byte) bits;
          return;
        }
        System.arraycopy(docs, at + 1, docs, at, size - at - 1);
        System.arraycopy(fields, at + 1, fields, at, size - at - 1);
        size--;
        return;
      }
      if (bits == 0) return;
      int insert = -at - 1;
      if (size == docs.length) {
        docs = Arrays.copyOf(docs, size * 2);
        fields = Arrays.copyOf(fields, size * 2);
      }
      System.arraycopy(docs, insert, docs, insert + 1, size - insert);
      System.arraycopy(fields, insert, fields, insert + 1, size - insert);
      docs[insert] = doc;
      fields[insert] = (byte) bits;
      size++;
    }
  }

  /** Relative path (under search/) → bytes. */
  public static Map<String, byte[]> write(List<SearchDoc> docs) {
    return write(docs, SearchAnalyzer::terms);
  }

  /**
   * As {@link #write(List)}, with {@code analyse} giving a text's terms as {@link
   * SearchAnalyzer#terms} does.
   */
  public static Map<String, byte[]> write(
      List<SearchDoc> docs, Function<String, List<String>> analyse) {
    return write(docs, analyse, KeptIndex.forOneWrite());
  }

  /**
   * As {@link #write(List)}, patching {@code kept}, the index of the previous call (the preview
   * server's): when the docs are numbered as before and few changed, only the changed docs are
   * analysed, their terms' postings updated in place, and only the term shards holding those terms
   * encoded again; the rest of the files are made as always, but a result chunk of unchanged docs
   * keeps its bytes. The files are exactly what a write from scratch makes (a test compares the two
   * over a series of edits). Otherwise the index is made from scratch, reusing the terms of docs
   * whose title and text are unchanged, and remembered (unless the index is {@link
   * KeptIndex#forOneWrite}).
   */
  public static Map<String, byte[]> write(
      List<SearchDoc> docs, Function<String, List<String>> analyse, KeptIndex kept) {
    try {
      Map<String, byte[]> patched = kept.patch(docs, analyse);
      return patched != null ? patched : kept.writeAll(docs, analyse);
    } catch (RuntimeException | Error e) {
      kept.forget(); // half updated: the next write starts from scratch
      throw e;
    }
  }

  /** A term's field bits in one doc: 1 if in its title, 2 if in its text. */
  private static Map<String, Integer> fieldBits(List<String>[] terms) {
    Map<String, Integer> bits = new HashMap<>();
    for (String t : terms[0]) bits.merge(t, 1, (a, b) -> a | b);
    for (String t : terms[1]) bits.merge(t, 2, (a, b) -> a | b);
    return bits;
  }

  /**
   * An index kept between writes, which the next write patches: the docs, their terms, the postings
   * by two-character prefix (the top-level shards) and what each of those shards wrote. One write
   * at a time.
   */
  public static final class KeptIndex {
    /** More changed docs than this share of all and the index is made from scratch. */
    private static final int PATCH_MAX_SHARE = 8;

    /**
     * Whether the index is kept for the next write. A single build's is not: every doc's terms held
     * until the index is written were a third of the heap at 100,000 advisories (ten million
     * strings), and the build thrashed in full collections with 2 GB.
     */
    private final boolean remembers;

    private List<SearchDoc> docs;
    private List<List<String>[]> terms;
    private Map<String, TreeMap<String, Postings>> groups;
    private Map<String, Shard> shards;
    private Map<String, byte[]> files;
    private Parts parts;

    /** What one top-level shard wrote: its files, and the prefixes it split further. */
    private record Shard(Map<String, byte[]> files, List<String> split) {}

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
    private Map<String, byte[]> patch(
        List<SearchDoc> next, Function<String, List<String>> analyse) {
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
        if (was.title().equals(now.title()) && was.body().equals(now.body())) continue;
        List<String>[] made = analysed(now, analyse);
        Map<String, Integer> before = fieldBits(terms.get(n));
        Map<String, Integer> after = fieldBits(made);
        Set<String> both = new HashSet<>(before.keySet());
        both.addAll(after.keySet());
        for (String t : both) {
          int bits = after.getOrDefault(t, 0);
          if (bits == before.getOrDefault(t, 0)) continue;
          String prefix = head(t, 2);
          TreeMap<String, Postings> group = groups.computeIfAbsent(prefix, x -> new TreeMap<>());
          Postings p = group.computeIfAbsent(t, x -> new Postings());
          p.set(n, bits);
          if (p.size == 0) group.remove(t);
          if (group.isEmpty()) groups.remove(prefix);
          dirty.add(prefix);
        }
        terms.set(n, made);
      }
      for (String prefix : dirty) {
        TreeMap<String, Postings> group = groups.get(prefix);
        if (group == null) shards.remove(prefix);
        else shards.put(prefix, shard(group));
      }
      Set<Integer> changedChunks = new HashSet<>();
      for (int n : changed) changedChunks.add(n / CHUNK);
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
          new Parts(
              ids ? ids(next) : parts.ids(),
              packages ? packages(next) : parts.packages(),
              facets ? facets(next) : parts.facets());
      Map<String, byte[]> before = files;
      rest(
          next,
          out,
          split,
          parts,
          chunk -> changedChunks.contains(chunk) ? null : before.get(chunkFile(chunk)));
      docs = List.copyOf(next);
      files = out;
      return out;
    }

    /**
     * The index from scratch, remembered if this index remembers; a doc's terms reused if its title
     * and text are as before.
     */
    private Map<String, byte[]> writeAll(
        List<SearchDoc> next, Function<String, List<String>> analyse) {
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
                      if (was != null
                          && before.get(was).title().equals(d.title())
                          && before.get(was).body().equals(d.body())) {
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
          .forEach((t, p) -> byPrefix.computeIfAbsent(head(t, 2), x -> new TreeMap<>()).put(t, p));
      Map<String, Shard> madeShards = new HashMap<>();
      Map<String, byte[]> out = new TreeMap<>();
      List<String> split = new ArrayList<>();
      new TreeMap<>(byPrefix)
          .forEach(
              (prefix, group) -> {
                Shard s = shard(group);
                madeShards.put(prefix, s);
                out.putAll(s.files());
                split.addAll(s.split());
              });
      Parts madeParts = Parts.of(next);
      rest(next, out, split, madeParts, chunk -> null);
      if (!remembers) return out;
      parts = madeParts;
      docs = List.copyOf(next);
      terms = made;
      groups = byPrefix;
      shards = madeShards;
      files = out;
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] analysed(SearchDoc d, Function<String, List<String>> analyse) {
    return new List[] {List.copyOf(analyse.apply(d.title())), List.copyOf(analyse.apply(d.body()))};
  }

  /** The files of one top-level (two-character) shard: {@code group} holds its terms. */
  private static KeptIndex.Shard shard(TreeMap<String, Postings> group) {
    Map<String, byte[]> files = new TreeMap<>();
    List<String> split = new ArrayList<>();
    shard(group, 2, files, split);
    return new KeptIndex.Shard(files, split);
  }

  private static String chunkFile(int chunk) {
    return "d/" + chunk + ".json";
  }

  /**
   * The ID and package shards, and the facets: each remade only when a doc's facts it shows
   * changed.
   */
  private record Parts(Map<String, byte[]> ids, Map<String, byte[]> packages, Facets facets) {
    static Parts of(List<SearchDoc> docs) {
      return new Parts(
          SearchIndexWriter.ids(docs),
          SearchIndexWriter.packages(docs),
          SearchIndexWriter.facets(docs));
    }
  }

  /** f.json, and what meta.json says of the facets. */
  private record Facets(byte[] json, List<String> ecosystems, int minYear) {}

  /**
   * The files besides the term shards, into {@code files} (which holds the shards): {@code parts},
   * the result chunks and meta.json. {@code knownChunk}: a chunk's bytes if unchanged since they
   * were made, else null.
   */
  private static void rest(
      List<SearchDoc> docs,
      Map<String, byte[]> files,
      List<String> split,
      Parts parts,
      IntFunction<byte[]> knownChunk) {
    files.putAll(parts.ids());
    files.putAll(parts.packages());
    files.put("f.json", parts.facets().json());
    chunks(docs, files, knownChunk);
    files.put("meta.json", meta(docs, files, split, parts.facets()));
  }

  /** ID and alias keys → docs, sharded by the key's last two characters. */
  private static Map<String, byte[]> ids(List<SearchDoc> docs) {
    TreeMap<String, TreeSet<Integer>> ids = new TreeMap<>();
    for (int n = 0; n < docs.size(); n++) {
      for (String id : docs.get(n).ids()) {
        String key = SearchAnalyzer.idKey(id);
        if (key.length() >= 3) ids.computeIfAbsent(key, x -> new TreeSet<>()).add(n);
      }
    }
    Map<String, Map<String, List<Integer>>> idShards = new TreeMap<>();
    ids.forEach(
        (key, set) ->
            idShards
                .computeIfAbsent("ids/" + tail(key) + ".json", x -> new TreeMap<>())
                .put(key, List.copyOf(set)));
    Map<String, byte[]> files = new TreeMap<>();
    idShards.forEach((file, map) -> files.put(file, json(map)));
    return files;
  }

  /** Package keys → [name, ecosystem, docs], sharded by the key's first two characters. */
  private static Map<String, byte[]> packages(List<SearchDoc> docs) {
    TreeMap<String, PackageEntry> packages = new TreeMap<>();
    for (int n = 0; n < docs.size(); n++) {
      for (SearchDoc.PackageRef p : docs.get(n).packages()) {
        String key = SearchAnalyzer.idKey(p.name());
        if (key.isEmpty()) continue;
        packages
            .computeIfAbsent(
                key + "\u0000" + p.ecosystem(),
                x -> new PackageEntry(key, p.name(), p.ecosystem(), new TreeSet<>()))
            .docs()
            .add(n);
      }
    }
    Map<String, List<List<Object>>> packageShards = new TreeMap<>();
    for (PackageEntry p : packages.values()) {
      packageShards
          .computeIfAbsent("p/" + head(p.key(), 2) + ".json", x -> new ArrayList<>())
          .add(List.of(p.key(), p.name(), p.ecosystem(), List.copyOf(p.docs())));
    }
    Map<String, byte[]> files = new TreeMap<>();
    packageShards.forEach((file, list) -> files.put(file, json(list)));
    return files;
  }

  private static final List<String> SEVERITIES =
      List.of("critical", "high", "medium", "low", "none", "");

  private static Facets facets(List<SearchDoc> docs) {
    TreeSet<String> ecosystems = new TreeSet<>();
    TreeSet<Integer> years = new TreeSet<>();
    for (SearchDoc d : docs) {
      ecosystems.addAll(d.ecosystems());
      years.add(d.year());
    }
    List<String> ecoList = List.copyOf(ecosystems);
    List<String> severities = SEVERITIES;
    int minYear = years.isEmpty() ? 0 : years.first();
    // Facets, one character per doc where possible: the doc's severity and its set of ecosystems
    // (few distinct sets on any site) combined into one letter of the 64-letter alphabet; years as
    // runs, since docs are numbered newest first.
    List<List<Integer>> combos = new ArrayList<>();
    List<Integer> comboOf = new ArrayList<>();
    for (SearchDoc d : docs) {
      List<Integer> set = d.ecosystems().stream().map(ecoList::indexOf).sorted().toList();
      int at = combos.indexOf(set);
      if (at < 0) {
        combos.add(set);
        at = combos.size() - 1;
      }
      comboOf.add(at);
    }
    Map<String, Object> facets = new LinkedHashMap<>();
    facets.put("c", combos);
    if (combos.size() * severities.size() <= ALPHABET.length()) {
      StringBuilder k = new StringBuilder();
      for (int n = 0; n < docs.size(); n++) {
        int sev = Math.max(0, severities.indexOf(docs.get(n).severity()));
        k.append(ALPHABET.charAt(sev * combos.size() + comboOf.get(n)));
      }
      facets.put("k", k.toString());
    } else {
      List<Integer> e = new ArrayList<>();
      StringBuilder sv = new StringBuilder();
      for (int n = 0; n < docs.size(); n++) {
        e.add(comboOf.get(n));
        sv.append(ALPHABET.charAt(Math.max(0, severities.indexOf(docs.get(n).severity()))));
      }
      facets.put("e", e);
      facets.put("s", sv.toString());
    }
    List<List<Integer>> yearRuns = new ArrayList<>();
    for (SearchDoc d : docs) {
      int offset = d.year() - minYear;
      if (!yearRuns.isEmpty() && yearRuns.get(yearRuns.size() - 1).get(0) == offset) {
        List<Integer> last = yearRuns.remove(yearRuns.size() - 1);
        yearRuns.add(List.of(offset, last.get(1) + 1));
      } else {
        yearRuns.add(List.of(offset, 1));
      }
    }
    facets.put("y", yearRuns);
    return new Facets(json(facets), ecoList, minYear);
  }

  /** The result chunks, {@value #CHUNK} docs each. */
  private static void chunks(
      List<SearchDoc> docs, Map<String, byte[]> files, IntFunction<byte[]> knownChunk) {
    for (int start = 0; start < docs.size(); start += CHUNK) {
      byte[] known = knownChunk.apply(start / CHUNK);
      if (known != null) {
        files.put(chunkFile(start / CHUNK), known);
        continue;
      }
      List<List<Object>> chunk = new ArrayList<>();
      for (int n = start; n < Math.min(docs.size(), start + CHUNK); n++) {
        SearchDoc v = docs.get(n);
        chunk.add(
            List.of(
                v.id(),
                v.title(),
                v.path(),
                v.severityLabel(),
                v.score(),
                v.packagesSummary(),
                v.published(),
                v.withdrawn() ? 1 : 0));
      }
      files.put(chunkFile(start / CHUNK), json(chunk));
    }
  }

  /** meta.json: counts, which shard files exist, the split prefixes, the facets' values. */
  private static byte[] meta(
      List<SearchDoc> docs, Map<String, byte[]> files, List<String> split, Facets facets) {
    // Which shard files exist, so a browser asks only for those (a missing shard would be a 404).
    List<String> termShards = new ArrayList<>();
    List<String> idFiles = new ArrayList<>();
    List<String> packageFiles = new ArrayList<>();
    for (String f : files.keySet()) {
      String stem = f.substring(f.indexOf('/') + 1, f.length() - ".json".length());
      if (f.startsWith("t/")) termShards.add(stem);
      else if (f.startsWith("ids/")) idFiles.add(stem);
      else if (f.startsWith("p/")) packageFiles.add(stem);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("version", 1);
    meta.put("t", termShards);
    meta.put("ids", idFiles);
    meta.put("p", packageFiles);
    meta.put("docs", docs.size());
    meta.put("chunk", CHUNK);
    meta.put("split", split);
    meta.put("ecosystems", facets.ecosystems());
    meta.put("severities", SEVERITIES);
    meta.put("minYear", facets.minYear());
    return json(meta);
  }

  private record PackageEntry(String key, String name, String ecosystem, TreeSet<Integer> docs) {}

  /**
   * Writes the shards of {@code terms} by their first {@code length} characters, splitting large
   * ones.
   */
  private static void shard(
      TreeMap<String, Postings> terms, int length, Map<String, byte[]> files, List<String> split) {
    Map<String, TreeMap<String, Postings>> groups = new TreeMap<>();
    terms.forEach(
        (t, p) -> groups.computeIfAbsent(head(t, length), x -> new TreeMap<>()).put(t, p));
    groups.forEach(
        (prefix, group) -> {
          Map<String, String> encoded = new TreeMap<>();
          group.forEach((t, p) -> encoded.put(t, encode(p)));
          byte[] bytes = json(encoded);
          boolean longer = group.keySet().stream().anyMatch(t -> t.length() > length);
          if (bytes.length > SHARD_BYTES && length < 4 && longer) {
            split.add(prefix);
            // Terms no longer than the prefix stay in the prefix's own shard.
            TreeMap<String, Postings> shortOnes = new TreeMap<>();
            TreeMap<String, Postings> longOnes = new TreeMap<>();
            group.forEach((t, p) -> (t.length() > length ? longOnes : shortOnes).put(t, p));
            Map<String, String> own = new TreeMap<>();
            shortOnes.forEach((t, p) -> own.put(t, encode(p)));
            files.put("t/" + fileName(prefix) + ".json", json(own));
            shard(longOnes, length + 1, files, split);
          } else {
            files.put("t/" + fileName(prefix) + ".json", bytes);
          }
        });
  }

  /**
   * A posting list: varints of (doc delta << 2 | field bits), 5 bits a character plus a
   * continuation bit.
   */
  static String encode(Postings postings) {
    StringBuilder out = new StringBuilder();
    int previous = -1;
    for (int i = 0; i < postings.size; i++) {
      long value = ((long) (postings.docs[i] - previous - 1) << 2) | postings.fields[i];
      previous = postings.docs[i];
      do {
        int five = (int) (value & 31);
        value >>>= 5;
        out.append(ALPHABET.charAt(value > 0 ? five | 32 : five));
      } while (value > 0);
    }
    return out.toString();
  }

  /**
   * A prefix as a file name: characters outside [a-z0-9] as _XX hex, so "é" and "." stay distinct
   * and safe.
   */
  static String fileName(String prefix) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < prefix.length(); ) {
      int cp = prefix.codePointAt(i);
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) b.append((char) cp);
      else b.append('_').append(Integer.toHexString(cp));
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  static String head(String s, int n) {
    int end = s.offsetByCodePoints(0, Math.min(n, s.codePointCount(0, s.length())));
    return s.substring(0, end);
  }

  private static String tail(String key) {
    return key.length() <= 2 ? key : key.substring(key.length() - 2);
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
