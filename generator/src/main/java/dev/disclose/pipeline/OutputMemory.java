package dev.disclose.pipeline;

import dev.disclose.memo.Fingerprint;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a public build knows of the output the last build left ({@link BuildCache}), and what it
 * notes of its own for the next: each file's source fingerprint, SHA-256 and size. A file made of a
 * source whose fingerprint the last build noted for the same path is carried over instead of made.
 */
final class OutputMemory {
  private static final byte[] NONE = new byte[0];

  private final Map<String, BuildCache.RememberedFile> last;
  private final Fingerprint fingerprints = new Fingerprint();
  private final Map<String, BuildCache.RememberedFile> noted = new ConcurrentHashMap<>();

  /** The fingerprint asked for at {@link #reusable}, for the file then made of the source. */
  private final Map<String, byte[]> asked = new ConcurrentHashMap<>();

  /** {@code last}: the files of the last build's output, by path; empty for none. */
  OutputMemory(Map<String, BuildCache.RememberedFile> last) {
    this.last = last;
  }

  /**
   * The last build's file at {@code path}, if it was made of a source with the fingerprint of
   * {@code source}.
   */
  Optional<BuildCache.RememberedFile> reusable(String path, Record source) {
    byte[] fingerprint = fingerprint(source);
    asked.put(path, fingerprint == null ? NONE : fingerprint);
    BuildCache.RememberedFile before = last.get(path);
    if (fingerprint == null || before == null || before.source() == null) return Optional.empty();
    return Arrays.equals(fingerprint, before.source()) ? Optional.of(before) : Optional.empty();
  }

  /** The file at {@code path} was carried over as {@code file} describes it. */
  void carried(String path, BuildCache.RememberedFile file) {
    asked.remove(path);
    noted.put(path, new BuildCache.RememberedFile(file.source(), file.sha256(), file.size(), null));
  }

  /** The file at {@code path} was made, of {@code source} if not null. */
  void made(String path, Record source, byte[] sha256, long size) {
    byte[] fingerprint = null;
    if (source != null) {
      byte[] known = asked.remove(path);
      fingerprint = known != null ? known : fingerprint(source);
      if (fingerprint != null && fingerprint.length == 0) fingerprint = null;
    }
    noted.put(path, new BuildCache.RememberedFile(fingerprint, sha256, size, null));
  }

  /**
   * The files of this build's output; {@code keptFromLast}: whether the last build's output is kept
   * beside it now, to be written into by the next build.
   */
  Map<String, BuildCache.RememberedFile> files(boolean keptFromLast) {
    if (!keptFromLast) return Map.copyOf(noted);
    Map<String, BuildCache.RememberedFile> files = new HashMap<>(noted.size() * 4 / 3 + 1);
    noted.forEach(
        (path, f) -> {
          BuildCache.RememberedFile before = last.get(path);
          files.put(
              path,
              new BuildCache.RememberedFile(
                  f.source(), f.sha256(), f.size(), before == null ? null : before.sha256()));
        });
    return files;
  }

  private byte[] fingerprint(Record source) {
    try {
      return fingerprints.of(source);
    } catch (Fingerprint.Unknown e) {
      return null;
    }
  }
}
