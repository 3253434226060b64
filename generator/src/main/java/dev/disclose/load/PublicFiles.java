package dev.disclose.load;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.sealing.SealingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

  /**
   * The advisory files public at a moment, in path order, and {@code allFiles}: the digest of every
   * advisory file's bytes, public or not ({@link #allFiles(SiteRoot)}).
   */
  public record Found(List<Public> published, String allFiles) {}

  /** The advisory files of {@code site} public at {@code now}, in path order. */
  public static List<Public> at(SiteRoot site, Optional<SealingKey> key, Instant now)
      throws SiteException {
    return find(site, key, now).published();
  }

  /** As {@link #at}, with the digest of every advisory file. */
  public static Found find(SiteRoot site, Optional<SealingKey> key, Instant now)
      throws SiteException {
    AdvisoryReader reader = reader(site, key);
    List<Path> files = list(site, reader);
    Map<Path, String> hashes = new ConcurrentHashMap<>();
    List<Public> published =
        files.parallelStream()
            .map(
                f ->
                    classify(
                        reader, f, now, key.isPresent() || !AdvisoryReader.isSealed(f), hashes))
            .flatMap(Optional::stream)
            .toList();
    return new Found(published, combined(site, files, hashes));
  }

  /**
   * The digest of every advisory file's bytes, public or not, sealed or not: a change to any of
   * them may change what a build does, if only by refusing it. One digest for all, which tells
   * nothing of any one file.
   */
  public static String allFiles(SiteRoot site) throws SiteException {
    AdvisoryReader reader = reader(site, Optional.empty());
    List<Path> files = list(site, reader);
    Map<Path, String> hashes = new ConcurrentHashMap<>();
    files.parallelStream()
        .forEach(
            f -> {
              if (reader.readBytes(f) instanceof AdvisoryReader.Read.Bytes read)
                hashes.put(f, SourceDigest.sha256(read.bytes()));
            });
    return combined(site, files, hashes);
  }

  private static AdvisoryReader reader(SiteRoot site, Optional<SealingKey> key)
      throws SiteException {
    try {
      return new AdvisoryReader(site.root(), site.display(), key);
    } catch (IOException e) {
      throw new SiteException(
          "cannot list " + site.display().of(site.advisoriesDir()) + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> list(SiteRoot site, AdvisoryReader reader) throws SiteException {
    try {
      return reader.walk(site.advisoriesDir(), new ArrayList<>());
    } catch (IOException e) {
      throw new SiteException(
          "cannot list " + site.display().of(site.advisoriesDir()) + ": " + e.getMessage(), e);
    }
  }

  private static String combined(SiteRoot site, List<Path> files, Map<Path, String> hashes) {
    MessageDigest all = SourceDigest.digest();
    files.stream()
        .map(f -> hashes.getOrDefault(f, "unreadable") + "  " + site.root().relativize(f) + "\n")
        .sorted()
        .forEach(line -> all.update(line.getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(all.digest());
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

  /**
   * {@code file} if public; {@code readable}: whether the build would read it (a sealed file needs
   * the key). Its bytes' digest goes into {@code hashes} either way.
   */
  private static Optional<Public> classify(
      AdvisoryReader reader, Path file, Instant now, boolean readable, Map<Path, String> hashes) {
    if (!(reader.readBytes(file) instanceof AdvisoryReader.Read.Bytes read)) {
      return Optional.empty(); // a file the build cannot read fails it
    }
    byte[] bytes = read.bytes();
    String sha256 = SourceDigest.sha256(bytes);
    hashes.put(file, sha256);
    if (!readable) return Optional.empty();
    if (!AdvisoryReader.isSealed(file) && HOLDS.stream().noneMatch(h -> contains(bytes, h))) {
      return Optional.of(new Public(file, sha256, Optional.empty()));
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
