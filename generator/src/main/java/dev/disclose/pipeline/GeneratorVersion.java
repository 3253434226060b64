package dev.disclose.pipeline;

import dev.disclose.load.SourceDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The generator's version and the commit it was built from, as the build wrote them beside the
 * command line's version provider ({@code dev/disclose/cli/version.properties} and {@code
 * commit.txt}): {@code 0.2.0+abc1234}, or {@code dev} without them. Two builds of a site by
 * generators of different commits may differ, so the build manifest names both.
 */
public final class GeneratorVersion {
  private static final String[] READ = read();
  private static final String VERSION = READ[0];
  private static final String COMMIT = READ[1];

  private GeneratorVersion() {}

  /** The version and commit in one word, as the build manifest names them. */
  public static String current() {
    return COMMIT.isEmpty() ? VERSION : VERSION + "+" + COMMIT;
  }

  /** The release version, or {@code dev} for a build that was given none. */
  public static String version() {
    return VERSION;
  }

  /**
   * What {@code git describe --always --dirty=-modified} printed when the jar was built, or empty
   * without git.
   */
  public static String commit() {
    return COMMIT;
  }

  /**
   * The generator's code: a digest of its jar's entries (names, sizes and checksums), which tells a
   * jar rebuilt from changed sources apart from the one before under the same version; {@code
   * classes} when it runs from a folder of classes.
   */
  public static synchronized String code() {
    if (code == null) code = codeDigest();
    return code;
  }

  private static String code;

  private static String codeDigest() {
    try {
      URL location = GeneratorVersion.class.getProtectionDomain().getCodeSource().getLocation();
      Path jar = Path.of(location.toURI());
      if (!Files.isRegularFile(jar)) return "classes";
      return HexFormat.of().formatHex(SourceDigest.digest().digest(centralDirectory(jar)));
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Unknown code never matches a cache: the build is made in full.
      return "unknown " + System.nanoTime();
    }
  }

  /**
   * A jar's central directory: every entry's name, size and CRC-32, read from the jar's end without
   * opening a single entry.
   */
  private static byte[] centralDirectory(Path jar) throws IOException {
    try (FileChannel in = FileChannel.open(jar, StandardOpenOption.READ)) {
      long size = in.size();
      int tail = (int) Math.min(size, END_RECORD + 0xFFFF);
      ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
      readFully(in, end, size - tail);
      for (int at = tail - END_RECORD; at >= 0; at--) {
        if (end.getInt(at) != END_SIGNATURE) continue;
        long length = Integer.toUnsignedLong(end.getInt(at + 12));
        long offset = Integer.toUnsignedLong(end.getInt(at + 16));
        if (offset + length > size || length > Integer.MAX_VALUE) break;
        ByteBuffer directory = ByteBuffer.allocate((int) length);
        readFully(in, directory, offset);
        return directory.array();
      }
    }
    throw new IOException("no zip central directory in " + jar);
  }

  private static void readFully(FileChannel in, ByteBuffer buffer, long at) throws IOException {
    while (buffer.hasRemaining()) {
      int read = in.read(buffer, at + buffer.position());
      if (read < 0) throw new IOException("the jar ended early");
    }
  }

  private static final int END_RECORD = 22;
  private static final int END_SIGNATURE = 0x06054b50;

  private static String[] read() {
    Properties build = new Properties();
    String commit = "";
    try (InputStream version =
            GeneratorVersion.class.getResourceAsStream("/dev/disclose/cli/version.properties");
        InputStream described =
            GeneratorVersion.class.getResourceAsStream("/dev/disclose/cli/commit.txt")) {
      if (version != null) build.load(version);
      if (described != null) commit = new String(described.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = build.getProperty("version", "");
    if (version.isBlank() || version.contains("${")) version = "dev";
    return new String[] {version, commit.strip()};
  }
}
