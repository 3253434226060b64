package dev.disclose.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The site's own theme folder, if site-config.yaml names one, and a digest of its files' names and
 * bytes: pages rendered with an equal digest render the same.
 */
public record Theme(Optional<Path> folder, String digest) {
  public static final Theme DEFAULT = new Theme(Optional.empty(), "");

  /** The theme in {@code folder}, if it is one ("" as digest without one). */
  static Theme read(Optional<Path> folder, Path root) throws IOException {
    if (folder.isEmpty() || !Files.isDirectory(folder.get())) return new Theme(folder, "");
    Path realRoot = root.toRealPath();
    StringBuilder all = new StringBuilder();
    // Following links, as Pebble's file loader does: a symlinked templates folder must count; a
    // file
    // leading out of the site is not read (ThemeFiles reports it and the build is refused).
    try (Stream<Path> walk = Files.walk(folder.get(), FileVisitOption.FOLLOW_LINKS)) {
      for (Path p : walk.filter(p -> ThemeFiles.readable(p, realRoot)).sorted().toList()) {
        all.append(folder.get().relativize(p))
            .append('\0')
            .append(sha256(Files.readAllBytes(p)))
            .append('\n');
      }
    }
    return new Theme(folder, sha256(all.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
