package dev.disclose.check;

import dev.disclose.load.SiteRoot;
import dev.disclose.releases.Release;
import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.Map;

/** Where a release is written: its file as shown, and the line and column of its version. */
final class ReleaseLines {
  private ReleaseLines() {}

  static Path file(SiteRoot site, Release r) {
    return site.display().of(site.root().resolve(r.source()));
  }

  /**
   * The version in its {@code version:} line (a folder's file) or its {@code ## [version]} heading
   * (a changelog), at or after the release's first line; {@code texts}: each file's text by its
   * path from the site root.
   */
  static Position version(Release r, Map<String, String> texts) {
    String text = texts.getOrDefault(r.source(), "");
    String[] lines = text.split("\n", -1);
    for (int i = Math.max(0, r.line() - 1); i < lines.length; i++) {
      String line = lines[i];
      int start = line.startsWith("version:") ? 8 : line.startsWith("## [") ? 4 : -1;
      if (start < 0) continue;
      int column = line.indexOf(r.version(), start);
      if (column >= 0) return new Position(i + 1, column + 1);
    }
    return new Position(Math.max(1, r.line()), 1);
  }
}
