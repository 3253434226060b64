package dev.disclose.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The static search index under {@code search/}: split so that a query downloads only what it
 * needs, and a browser with search.js answers it without a server.
 * <ul>
 *   <li>{@code meta.json}: counts, the facet values, which term prefixes are split further;
 *   <li>{@code t/<prefix>.json}: term → postings, sharded by the term's first two characters
 *       (three or four where a shard would be large). A posting list is a string of varints,
 *       each {@code docDelta << 2 | fields} (1 title, 2 body), in the 64-letter alphabet below;
 *   <li>{@code ids/<last two>.json}: ID and alias keys ({@link SearchAnalyzer#idKey}) → docs;
 *   <li>{@code p/<first two>.json}: package keys → [name, ecosystem, docs], for prefix search;
 *   <li>{@code f.json}: one character per doc for each facet (ecosystems as a bit set, severity,
 *       year), from which the browser counts a result set's facets;
 *   <li>{@code d/<n>.json}: what a result shows, {@value #CHUNK} docs per file.
 * </ul>
 * Docs are numbered in the catalog's order, newest first. Deterministic: sorted maps only.
 */
public final class SearchIndexWriter {
  static final int CHUNK = 10;
  /** A shard larger than this is split by one more character of its terms. */
  static final int SHARD_BYTES = 12_000;
  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the index needs of one advisory: what a result shows (ID, title, page path, severity
   * label and score, packages in words, publication date, withdrawn), what finds it (IDs and
   * aliases, title, body, package names), and its facets.
   */
  public record Doc(String id, String title, String path, String severityLabel, String score, String packagesSummary,
      String published, boolean withdrawn, List<String> ids, List<PackageRef> packages, List<String> ecosystems,
      String severity, int year, String body) {}

  /** A package an advisory affects. */
  public record PackageRef(String name, String ecosystem) {}

  private SearchIndexWriter() {}

  /** Docs analysed at once, in parallel: bounds the terms held before they are merged into the postings. */
  private static final int ANALYSIS_CHUNK = 1024;

  /**
   * A term's postings: doc numbers in increasing order, each with its field bits. Docs are
   * added in order, so a posting is appended or, for the same doc, its bits combined.
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
        docs = java.util.Arrays.copyOf(docs, size * 2);
        fields = java.util.Arrays.copyOf(fields, size * 2);
      }
      docs[size] = doc;
      fields[size++] = (byte) field;
    }
  }

  /** Relative path (under search/) → bytes. */
  public static Map<String, byte[]> write(List<Doc> docs) {
    return write(docs, SearchAnalyzer::terms);
  }

  /**
   * As {@link #write(List)}, with {@code analyse} giving a text's terms as {@link SearchAnalyzer#terms}
   * does (the preview server's memory reuses the previous build's for an equal text).
   */
  public static Map<String, byte[]> write(List<Doc> docs, java.util.function.Function<String, List<String>> analyse) {
    Map<String, byte[]> files = new TreeMap<>();
    java.util.HashMap<String, Postings> termPostings = new java.util.HashMap<>();
    TreeMap<String, TreeSet<Integer>> ids = new TreeMap<>();
    TreeMap<String, PackageEntry> packages = new TreeMap<>();
    TreeSet<String> ecosystems = new TreeSet<>();
    TreeSet<Integer> years = new TreeSet<>();
    for (int start = 0; start < docs.size(); start += ANALYSIS_CHUNK) {
      // Analysis is most of the work and independent per doc; the postings are then appended in
      // doc order, so the result does not depend on the threads.
      List<List<String>[]> analysed = docs.subList(start, Math.min(docs.size(), start + ANALYSIS_CHUNK)).parallelStream()
          .map(d -> {
            @SuppressWarnings("unchecked")
            List<String>[] terms = new List[] {analyse.apply(d.title()), analyse.apply(d.body())};
            return terms;
          }).toList();
      for (int i = 0; i < analysed.size(); i++) {
        int n = start + i;
        for (String t : analysed.get(i)[0]) termPostings.computeIfAbsent(t, x -> new Postings()).add(n, 1);
        for (String t : analysed.get(i)[1]) termPostings.computeIfAbsent(t, x -> new Postings()).add(n, 2);
      }
    }
    TreeMap<String, Postings> postings = new TreeMap<>(termPostings);
    for (int n = 0; n < docs.size(); n++) {
      Doc d = docs.get(n);
      for (String id : d.ids()) {
        String key = SearchAnalyzer.idKey(id);
        if (key.length() >= 3) ids.computeIfAbsent(key, x -> new TreeSet<>()).add(n);
      }
      for (PackageRef p : d.packages()) {
        String key = SearchAnalyzer.idKey(p.name());
        if (key.isEmpty()) continue;
        packages.computeIfAbsent(key + "\u0000" + p.ecosystem(), x -> new PackageEntry(key, p.name(), p.ecosystem(), new TreeSet<>())).docs().add(n);
      }
      ecosystems.addAll(d.ecosystems());
      years.add(d.year());
    }

    // Terms, sharded by prefix; a large shard is split by one more character.
    List<String> split = new ArrayList<>();
    shard(postings, 2, files, split);

    Map<String, Map<String, List<Integer>>> idShards = new TreeMap<>();
    ids.forEach((key, set) -> idShards.computeIfAbsent("ids/" + tail(key) + ".json", x -> new TreeMap<>()).put(key, List.copyOf(set)));
    idShards.forEach((file, map) -> files.put(file, json(map)));

    Map<String, List<List<Object>>> packageShards = new TreeMap<>();
    for (PackageEntry p : packages.values()) {
      packageShards.computeIfAbsent("p/" + head(p.key(), 2) + ".json", x -> new ArrayList<>())
          .add(List.of(p.key(), p.name(), p.ecosystem(), List.copyOf(p.docs())));
    }
    packageShards.forEach((file, list) -> files.put(file, json(list)));

    List<String> ecoList = List.copyOf(ecosystems);
    List<String> severities = List.of("critical", "high", "medium", "low", "none", "");
    int minYear = years.isEmpty() ? 0 : years.first();
    // Facets, one character per doc where possible: the doc's severity and its set of ecosystems
    // (few distinct sets on any site) combined into one letter of the 64-letter alphabet; years as
    // runs, since docs are numbered newest first.
    List<List<Integer>> combos = new ArrayList<>();
    List<Integer> comboOf = new ArrayList<>();
    for (Doc d : docs) {
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
    for (Doc d : docs) {
      int offset = d.year() - minYear;
      if (!yearRuns.isEmpty() && yearRuns.get(yearRuns.size() - 1).get(0) == offset) {
        List<Integer> last = yearRuns.remove(yearRuns.size() - 1);
        yearRuns.add(List.of(offset, last.get(1) + 1));
      } else {
        yearRuns.add(List.of(offset, 1));
      }
    }
    facets.put("y", yearRuns);
    files.put("f.json", json(facets));

    for (int start = 0; start < docs.size(); start += CHUNK) {
      List<List<Object>> chunk = new ArrayList<>();
      for (int n = start; n < Math.min(docs.size(), start + CHUNK); n++) {
        Doc v = docs.get(n);
        chunk.add(List.of(v.id(), v.title(), v.path(), v.severityLabel(), v.score(), v.packagesSummary(),
            v.published(), v.withdrawn() ? 1 : 0));
      }
      files.put("d/" + (start / CHUNK) + ".json", json(chunk));
    }

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
    meta.put("ecosystems", ecoList);
    meta.put("severities", severities);
    meta.put("minYear", minYear);
    files.put("meta.json", json(meta));
    return files;
  }

  private record PackageEntry(String key, String name, String ecosystem, TreeSet<Integer> docs) {}

  /** Writes the shards of {@code terms} by their first {@code length} characters, splitting large ones. */
  private static void shard(TreeMap<String, Postings> terms, int length, Map<String, byte[]> files,
      List<String> split) {
    Map<String, TreeMap<String, Postings>> groups = new TreeMap<>();
    terms.forEach((t, p) -> groups.computeIfAbsent(head(t, length), x -> new TreeMap<>()).put(t, p));
    groups.forEach((prefix, group) -> {
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

  /** A posting list: varints of (doc delta << 2 | field bits), 5 bits a character plus a continuation bit. */
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

  /** A prefix as a file name: characters outside [a-z0-9] as _XX hex, so "é" and "." stay distinct and safe. */
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
