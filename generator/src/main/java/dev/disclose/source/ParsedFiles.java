package dev.disclose.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the previous read of a long-running process (the preview server) parsed, reused for a
 * file whose bytes are unchanged: parsing is a pure function of the file's path and bytes, and
 * on a 10,000-advisory site it was most of a rebuild's 1.2–2.7 s of validation after one file
 * was edited. The bytes themselves are compared, not a digest or a modification time: exact,
 * and no slower than hashing them would be. Only the files of the latest read are kept.
 */
public final class ParsedFiles {
  private record Entry(byte[] bytes, AdvisoryFiles.FileResult result) {}

  private volatile Map<Path, Entry> previous = Map.of();
  private volatile Map<Path, Entry> current = new ConcurrentHashMap<>();

  /** The previous read's result for {@code file} if it had exactly these bytes, else null. */
  AdvisoryFiles.FileResult reuse(Path file, byte[] bytes) {
    Entry e = previous.get(file);
    if (e == null || !Arrays.equals(e.bytes(), bytes)) return null;
    current.put(file, e);
    return e.result();
  }

  void remember(Path file, byte[] bytes, AdvisoryFiles.FileResult result) {
    current.put(file, new Entry(bytes, result));
  }

  /** After a read of the whole site: what it parsed is what the next read compares with. */
  void readDone() {
    previous = current;
    current = new ConcurrentHashMap<>();
  }
}
