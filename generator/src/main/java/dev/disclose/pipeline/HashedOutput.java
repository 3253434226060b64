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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output that hashes each file written into it, so that a build can state a digest of the whole
 * site without reading it back: the SHA-256 of {@code sha256sum}'s listing of the files, sorted by
 * path. Pages are written from several threads, hence the concurrent map.
 */
final class HashedOutput implements SiteOutput {
  private final SiteOutput output;
  private final Map<String, byte[]> digests = new ConcurrentHashMap<>();
  private final OutputMemory memory;

  HashedOutput(SiteOutput output) {
    this(output, null);
  }

  /**
   * {@code memory}: what is known of the last build's output, whose files made of an equal source
   * are carried over with their known digests; null for none.
   */
  HashedOutput(SiteOutput output, OutputMemory memory) {
    this.output = output;
    this.memory = memory;
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
    byte[] digest = SourceDigest.digest().digest(content);
    digests.put(path, digest);
    if (memory != null) memory.made(path, null, digest, content.length);
  }

  @Override
  public void put(String path, Record source, byte[] content) throws IOException {
    output.put(path, source, content);
    byte[] digest = SourceDigest.digest().digest(content);
    digests.put(path, digest);
    if (memory != null) memory.made(path, source, digest, content.length);
  }

  /**
   * Keeps the last build's file made of an equal source, whose digest the memory knows; without a
   * memory nothing, since a file kept unread could not be hashed.
   */
  @Override
  public boolean keep(String path, Record source) {
    if (memory == null) return false;
    Optional<BuildCache.RememberedFile> last = memory.reusable(path, source);
    if (last.isEmpty() || !output.carry(path, last.get())) return false;
    digests.put(path, last.get().sha256());
    memory.carried(path, last.get());
    return true;
  }

  @Override
  public OutputStream open(String path) throws IOException {
    MessageDigest digest = SourceDigest.digest();
    return new FilterOutputStream(output.open(path)) {
      private boolean closed;
      private long size;

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        size++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        size += len;
      }

      @Override
      public void close() throws IOException {
        super.close();
        if (!closed) {
          byte[] sha256 = digest.digest();
          digests.put(path, sha256);
          if (memory != null) memory.made(path, null, sha256, size);
        }
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
