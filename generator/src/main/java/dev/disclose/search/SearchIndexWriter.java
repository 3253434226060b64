package dev.disclose.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.plan.SearchDoc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The static search index under {@code search/}: split so that a query downloads only what it
 * needs, and a browser with search.js answers it without a server.
 *
 * <ul>
 *   <li>{@code meta.json}: counts, the facet values, which term prefixes are split further;
 *   <li>{@code t/<prefix>.json}: term → postings, sharded by the term's first two characters (three
 *       or four where a shard would be large; {@link TermShard}). A posting list is a string of
 *       varints, each {@code docDelta << 2 | fields} (1 title, 2 body), in the 64-letter alphabet
 *       below ({@link Postings});
 *   <li>{@code ids/<prefix>.json}: ID and alias keys ({@link SearchAnalyzer#idKey}) → docs, by the
 *       keys' first two characters or more ({@code idSplit}), for exact and partial IDs;
 *   <li>{@code p/<first two>.json}: package keys (whole name, last segment) → [name, ecosystem,
 *       docs], for prefix search;
 *   <li>{@code f.json}: one character per doc for each facet (ecosystems as a bit set, severity,
 *       year), from which the browser counts a result set's facets ({@link Facets});
 *   <li>{@code d/<n>.json}: what a result shows, {@value #CHUNK} docs per file.
 * </ul>
 *
 * Docs are numbered in the catalog's order, newest first. Deterministic: sorted maps only. A {@link
 * KeptIndex} holds what a write made, for the next write to patch.
 */
public final class SearchIndexWriter {
  static final int CHUNK = 10;

  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchIndexWriter() {}

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
   * whose title, facts and text are unchanged, and remembered (unless the index is {@link
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

  static String chunkFile(int chunk) {
    return "d/" + chunk + ".json";
  }

  /**
   * The ID and package shards, and the facets: each remade only when a doc's facts it shows
   * changed.
   */
  record Parts(Map<String, byte[]> ids, Map<String, byte[]> packages, Facets facets) {
    static Parts of(List<SearchDoc> docs) {
      return new Parts(
          SearchIndexWriter.ids(docs), SearchIndexWriter.packages(docs), Facets.of(docs));
    }
  }

  /**
   * The files besides the term shards, into {@code files} (which holds the shards): {@code parts},
   * the result chunks and meta.json. {@code knownChunk}: a chunk's bytes if unchanged since they
   * were made, else null.
   */
  static void rest(
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

  /**
   * ID and alias keys → docs, sharded by the key's first characters: two, and more where a shard
   * would be large ({@link #ID_SHARD_BYTES}), so that a partial ID finds the IDs it begins in one
   * shard.
   */
  static Map<String, byte[]> ids(List<SearchDoc> docs) {
    TreeMap<String, TreeSet<Integer>> ids = new TreeMap<>();
    for (int n = 0; n < docs.size(); n++) {
      for (String id : docs.get(n).ids()) {
        String key = SearchAnalyzer.idKey(id);
        if (key.length() >= 3) ids.computeIfAbsent(key, x -> new TreeSet<>()).add(n);
      }
    }
    TreeMap<String, List<Integer>> lists = new TreeMap<>();
    ids.forEach((key, set) -> lists.put(key, List.copyOf(set)));
    Map<String, byte[]> files = new TreeMap<>();
    idShards(lists, 2, files);
    return files;
  }

  /** An ID shard larger than this is split by one more character of its keys. */
  static final int ID_SHARD_BYTES = 6_000;

  /** The longest prefix an ID shard is split to. */
  private static final int ID_PREFIX_MAX = 16;

  private static void idShards(
      TreeMap<String, List<Integer>> keys, int length, Map<String, byte[]> files) {
    Map<String, TreeMap<String, List<Integer>>> groups = new TreeMap<>();
    keys.forEach((k, d) -> groups.computeIfAbsent(head(k, length), x -> new TreeMap<>()).put(k, d));
    groups.forEach(
        (prefix, group) -> {
          byte[] bytes = json(group);
          boolean longer = group.keySet().stream().anyMatch(k -> k.length() > length);
          if (bytes.length > ID_SHARD_BYTES && length < ID_PREFIX_MAX && longer) {
            // Keys no longer than the prefix stay in the prefix's own shard.
            TreeMap<String, List<Integer>> own = new TreeMap<>(group.headMap(prefix, true));
            TreeMap<String, List<Integer>> longOnes = new TreeMap<>(group.tailMap(prefix, false));
            files.put("ids/" + prefix + ".json", json(own));
            idShards(longOnes, length + 1, files);
          } else {
            files.put("ids/" + prefix + ".json", bytes);
          }
        });
  }

  /**
   * The keys a package is found by: its whole name's, and its last segment's (a Maven artifactId,
   * an npm name without its scope, a Go module path's last element before any major version), so
   * that {@code corvid-client} finds {@code dev.corvid:corvid-client} as its own name.
   */
  private static final Pattern SEGMENT_BREAK = Pattern.compile("[/:]");

  /** A Go module path's major-version element, which names no package. */
  private static final Pattern MAJOR_VERSION = Pattern.compile("v[0-9]+");

  static List<String> packageKeys(String name) {
    List<String> keys = new ArrayList<>();
    String whole = SearchAnalyzer.idKey(name);
    if (!whole.isEmpty()) keys.add(whole);
    String[] segments = SEGMENT_BREAK.split(name);
    int last = segments.length - 1;
    while (last > 0
        && (segments[last].isBlank() || MAJOR_VERSION.matcher(segments[last]).matches())) last--;
    if (last > 0) {
      String tail = SearchAnalyzer.idKey(segments[last]);
      if (!tail.isEmpty() && !keys.contains(tail)) keys.add(tail);
    }
    return keys;
  }

  /**
   * Package keys ({@link #packageKeys}) → [name, ecosystem, docs], sharded by the key's first two
   * characters.
   */
  static Map<String, byte[]> packages(List<SearchDoc> docs) {
    TreeMap<String, PackageEntry> packages = new TreeMap<>();
    for (int n = 0; n < docs.size(); n++) {
      for (SearchDoc.PackageRef p : docs.get(n).packages()) {
        for (String key : packageKeys(p.name())) {
          packages
              .computeIfAbsent(
                  key + "\u0000" + p.name() + "\u0000" + p.ecosystem(),
                  x -> new PackageEntry(key, p.name(), p.ecosystem(), new TreeSet<>()))
              .docs()
              .add(n);
        }
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
    List<String> idSplit = new ArrayList<>();
    List<String> packageFiles = new ArrayList<>();
    for (String f : files.keySet()) {
      String stem = f.substring(f.indexOf('/') + 1, f.length() - ".json".length());
      if (f.startsWith("t/")) termShards.add(stem);
      else if (f.startsWith("ids/")) idFiles.add(stem);
      else if (f.startsWith("p/")) packageFiles.add(stem);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    for (String id : idFiles) {
      // A shard's prefix is split when a longer prefix of it has a shard too.
      String parent = id.substring(0, id.length() - 1);
      if (id.length() > 2 && !idSplit.contains(parent)) idSplit.add(parent);
    }
    meta.put("version", 2);
    meta.put("t", termShards);
    meta.put("ids", idFiles);
    meta.put("p", packageFiles);
    meta.put("docs", docs.size());
    meta.put("chunk", CHUNK);
    meta.put("split", split);
    meta.put("idSplit", idSplit);
    meta.put("ecosystems", facets.ecosystems());
    meta.put("severities", Facets.SEVERITIES);
    meta.put("minYear", facets.minYear());
    return json(meta);
  }

  private record PackageEntry(String key, String name, String ecosystem, TreeSet<Integer> docs) {}

  static String head(String s, int n) {
    int end = s.offsetByCodePoints(0, Math.min(n, s.codePointCount(0, s.length())));
    return s.substring(0, end);
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
