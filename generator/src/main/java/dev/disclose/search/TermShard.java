package dev.disclose.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of one top-level (two-character) term shard, {@code t/<prefix>.json}, and the prefixes
 * it split further: each prefix's terms → their encoded postings.
 *
 * @param files relative path (under search/) → bytes
 * @param split the prefixes whose shards were split by one more character
 */
record TermShard(Map<String, byte[]> files, List<String> split) {
  /** A shard larger than this is split by one more character of its terms. */
  static final int SHARD_BYTES = 12_000;

  /** The shard of {@code group}, the terms of one two-character prefix. */
  static TermShard of(TreeMap<String, Postings> group) {
    Map<String, byte[]> files = new TreeMap<>();
    List<String> split = new ArrayList<>();
    shard(group, 2, files, split);
    return new TermShard(files, split);
  }

  /**
   * Writes the shards of {@code terms} by their first {@code length} characters, splitting large
   * ones.
   */
  private static void shard(
      TreeMap<String, Postings> terms, int length, Map<String, byte[]> files, List<String> split) {
    Map<String, TreeMap<String, Postings>> groups = new TreeMap<>();
    terms.forEach(
        (t, p) ->
            groups
                .computeIfAbsent(SearchIndexWriter.head(t, length), x -> new TreeMap<>())
                .put(t, p));
    groups.forEach(
        (prefix, group) -> {
          Map<String, String> encoded = new TreeMap<>();
          group.forEach((t, p) -> encoded.put(t, p.encoded()));
          byte[] bytes = SearchIndexWriter.json(encoded);
          boolean longer = group.keySet().stream().anyMatch(t -> t.length() > length);
          if (bytes.length > SHARD_BYTES && length < 4 && longer) {
            split.add(prefix);
            // Terms no longer than the prefix stay in the prefix's own shard.
            TreeMap<String, Postings> shortOnes = new TreeMap<>();
            TreeMap<String, Postings> longOnes = new TreeMap<>();
            group.forEach((t, p) -> (t.length() > length ? longOnes : shortOnes).put(t, p));
            Map<String, String> own = new TreeMap<>();
            shortOnes.forEach((t, p) -> own.put(t, p.encoded()));
            files.put("t/" + fileName(prefix) + ".json", SearchIndexWriter.json(own));
            shard(longOnes, length + 1, files, split);
          } else {
            files.put("t/" + fileName(prefix) + ".json", bytes);
          }
        });
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
}
