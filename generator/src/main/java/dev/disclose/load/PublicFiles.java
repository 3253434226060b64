package dev.disclose.load;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.sealing.SealingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The advisory files of a site that are public at a moment, found with as little parsing as the
 * answer needs: a plaintext file is parsed only when its bytes mention {@code draft} or {@code
 * embargo}, in any case (any other is published or withdrawn, so public), a sealed one only with
 * the key (without it a build skips it, so it is not). What a scheduled job needs to tell whether
 * time alone changed the site.
 */
public final class PublicFiles {
  private static final List<byte[]> HOLDS =
      List.of(
          "draft".getBytes(StandardCharsets.US_ASCII),
          "embargo".getBytes(StandardCharsets.US_ASCII));

  private PublicFiles() {}

  /**
   * A public advisory file, the SHA-256 of its bytes; {@code lifted}: the embargo it was held back
   * by until then, if any, and its advisory's ID.
   */
  public record Public(Path file, String sha256, Optional<Lift> lifted) {}

  /** An embargo that has lifted: the advisory's ID, public since {@code at}. */
  public record Lift(String id, Instant at) {}

  /** The advisory files of {@code site} public at {@code now}, in path order. */
  public static List<Public> at(SiteRoot site, Optional<SealingKey> key, Instant now)
      throws SiteException {
    AdvisoryReader reader;
    List<Path> files;
    try {
      reader = new AdvisoryReader(site.root(), site.display(), key);
      files = reader.walk(site.advisoriesDir(), new ArrayList<>());
    } catch (IOException e) {
      throw new SiteException(
          "cannot list " + site.display().of(site.advisoriesDir()) + ": " + e.getMessage(), e);
    }
    return files.parallelStream()
        .filter(f -> key.isPresent() || !AdvisoryReader.isSealed(f))
        .map(f -> classify(reader, f, now))
        .flatMap(Optional::stream)
        .toList();
  }

  /** The file of {@code advisory}, as public at {@code now}, if it is. */
  private static Optional<Public> of(Path file, byte[] bytes, Advisory advisory, Instant now) {
    if (!EmbargoPolicy.isPublic(advisory, now)) return Optional.empty();
    return Optional.of(
        new Public(
            file,
            SourceDigest.sha256(bytes),
            advisory.embargo().map(e -> new Lift(advisory.id(), e.instant()))));
  }

  private static Optional<Public> classify(AdvisoryReader reader, Path file, Instant now) {
    if (!(reader.readBytes(file) instanceof AdvisoryReader.Read.Bytes read)) {
      return Optional.empty(); // a file the build cannot read fails it
    }
    byte[] bytes = read.bytes();
    if (!AdvisoryReader.isSealed(file) && HOLDS.stream().noneMatch(h -> contains(bytes, h))) {
      return Optional.of(new Public(file, SourceDigest.sha256(bytes), Optional.empty()));
    }
    return reader.parse(file, bytes).advisory().flatMap(a -> of(file, bytes, a, now));
  }

  /** Whether {@code word} (lowercase ASCII) is in {@code bytes}, in any case. */
  private static boolean contains(byte[] bytes, byte[] word) {
    outer:
    for (int i = 0; i + word.length <= bytes.length; i++) {
      for (int j = 0; j < word.length; j++) {
        if ((bytes[i + j] | 0x20) != word[j]) continue outer;
      }
      return true;
    }
    return false;
  }
}
