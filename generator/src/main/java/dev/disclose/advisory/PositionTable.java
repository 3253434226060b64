package dev.disclose.advisory;

import dev.disclose.yaml.Position;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The positions of an advisory's front matter, packed: every parsed advisory keeps one for the
 * whole run (checks and the cross-advisory rules point at lines with it), and kept as a map of
 * paths to {@link Source.Located} records, positions would be the largest part of the parsed model.
 * Here the paths are shared strings (every advisory has an {@code id} and an {@code
 * affected[0].package}), sorted for binary search, and the four numbers of each entry sit in one
 * {@code int[]}; a {@code Located} is made only when asked for.
 */
final class PositionTable extends AbstractMap<String, Source.Located> {
  private static final PositionTable EMPTY = new PositionTable(new String[0], new int[0]);

  private final String[] keys;

  /** Key line, key column, value line, value column: four per key, in key order. */
  private final int[] at;

  private PositionTable(String[] keys, int[] at) {
    this.keys = keys;
    this.at = at;
  }

  static Map<String, Source.Located> of(Map<String, Source.Located> positions) {
    if (positions instanceof PositionTable table) return table;
    if (positions.isEmpty()) return EMPTY;
    String[] keys = positions.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    int[] at = new int[keys.length * 4];
    for (int i = 0; i < keys.length; i++) {
      Source.Located l = positions.get(keys[i]);
      at[4 * i] = l.key().line();
      at[4 * i + 1] = l.key().column();
      at[4 * i + 2] = l.value().line();
      at[4 * i + 3] = l.value().column();
      // Interned strings are collected when no longer used: a long `serve` does not accumulate
      // the paths of advisories since deleted.
      keys[i] = keys[i].intern();
    }
    return new PositionTable(keys, at);
  }

  private int indexOf(Object key) {
    return key instanceof String s ? Arrays.binarySearch(keys, s) : -1;
  }

  private Source.Located located(int i) {
    return new Source.Located(
        new Position(at[4 * i], at[4 * i + 1]), new Position(at[4 * i + 2], at[4 * i + 3]));
  }

  @Override
  public Source.Located get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : located(i);
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public Set<Entry<String, Source.Located>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Source.Located>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<String, Source.Located> next() {
            if (next >= keys.length) throw new NoSuchElementException();
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], located(i));
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }
}
