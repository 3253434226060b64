package dev.disclose.advisory;

import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an advisory came from: its file (as printed in messages), the path relative to the site
 * root, where its details start, and the position of every key and value in the front matter, keyed
 * by a path like {@code affected[0].ranges[1].fixed}. Checks use it to point at the exact line; the
 * records themselves stay free of positions.
 */
public record Source(
    Path file, String relativePath, int detailsLine, Map<String, Located> positions) {

  public Source {
    positions = PositionTable.of(positions);
  }

  /** Where a key and its value were written. */
  public record Located(Position key, Position value) {}

  /** The position of the key at {@code path}, or of its nearest written ancestor. */
  public Position key(String path) {
    return find(path, true);
  }

  /** The position of the value at {@code path}, or of its nearest written ancestor. */
  public Position value(String path) {
    return find(path, false);
  }

  private Position find(String path, boolean key) {
    String p = path;
    while (!p.isEmpty()) {
      Located located = positions.get(p);
      if (located != null) return key ? located.key() : located.value();
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return Position.START;
  }
}
