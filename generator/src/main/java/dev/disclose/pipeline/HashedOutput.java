package dev.disclose.pipeline;

import dev.disclose.load.SiteException;
import dev.disclose.load.SourceDigest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output that hashes each file written into it, so that a build can state a digest of the whole
 * site without reading it back: the SHA-256 of {@code sha256sum}'s listing of the files, sorted by
 * path. Pages are written from several threads, hence the concurrent map.
 */
final class HashedOutput implements SiteOutput {
  private final SiteOutput output;
  private final Map<String, byte[]> digests = new ConcurrentHashMap<>();

  HashedOutput(SiteOutput output) {
    this.output = output;
  }

  /**
   * The digest of every file written: {@code sha256sum} lines ({@code <hex> <path>}) in the byte
   * order of their paths, hashed.
   */
  String content() {
    List<String> paths =
        digests.keySet().stream()
            .sorted(
                (a, b) ->
                    Arrays.compareUnsigned(
                        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))
            .toList();
    MessageDigest all = SourceDigest.digest();
    HexFormat hex = HexFormat.of();
    for (String p : paths) {
      all.update(
          (hex.formatHex(digests.get(p)) + "  " + p + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return hex.formatHex(all.digest());
  }

  @Override
  public void put(String path, byte[] content) throws IOException {
    output.put(path, content);
    digests.put(path, SourceDigest.digest().digest(content));
  }

  @Override
  public void put(String path, Record source, byte[] content) throws IOException {
    output.put(path, source, content);
    digests.put(path, SourceDigest.digest().digest(content));
  }

  /** Keeps nothing: a file kept unread could not be hashed. */
  @Override
  public boolean keep(String path, Record source) {
    return false;
  }

  @Override
  public OutputStream open(String path) throws IOException {
    MessageDigest digest = SourceDigest.digest();
    return new FilterOutputStream(output.open(path)) {
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
      }

      @Override
      public void close() throws IOException {
        super.close();
        if (!closed) digests.put(path, digest.digest());
        closed = true;
      }
    };
  }

  @Override
  public void commit() throws IOException, SiteException {
    output.commit();
  }

  @Override
  public void abandon(Throwable failure) {
    output.abandon(failure);
  }
}
