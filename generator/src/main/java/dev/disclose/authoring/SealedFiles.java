package dev.disclose.authoring;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.load.AdvisoryReader;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.sealing.Recipient;
import dev.disclose.sealing.Sealer;
import dev.disclose.sealing.SealingException;
import dev.disclose.sealing.SealingKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Seals an advisory in place ({@code <ID>.md} → {@code <ID>.md.asc}) and unseals it back, for
 * {@code disclose seal}, {@code unseal} and {@code edit}. Each writes the new file whole before it
 * removes the old one, so an interruption leaves both files rather than neither.
 */
public final class SealedFiles {
  private SealedFiles() {}

  /** The advisory file of {@code id}, plain or sealed, wherever it lies under advisories/. */
  public static Path find(SiteRoot site, String id) throws SiteException {
    List<Path> found = new ArrayList<>();
    try {
      AdvisoryReader reader = new AdvisoryReader(site.root(), site.display());
      for (Path p : reader.walk(site.advisoriesDir(), new ArrayList<>())) {
        String name = p.getFileName().toString();
        if (name.equals(id + ".md") || name.equals(id + AdvisoryReader.SEALED_EXTENSION))
          found.add(p);
      }
    } catch (IOException e) {
      throw new SiteException("cannot list " + site.advisoriesDir() + ": " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new SiteException(
          "no advisory "
              + id
              + " under "
              + site.display().of(site.advisoriesDir())
              + " (looked for "
              + id
              + ".md and "
              + id
              + AdvisoryReader.SEALED_EXTENSION
              + ")");
    }
    if (found.size() > 1) {
      throw new SiteException(
          id
              + " is there both plain and sealed ("
              + String.join(", ", found.stream().map(p -> shown(site, p)).toList())
              + "): keep one, delete the other");
    }
    return found.get(0);
  }

  /** Seals {@code plain} to {@code recipients}; returns the sealed file. */
  public static Path seal(SiteRoot site, Path plain, List<Recipient> recipients, Instant now)
      throws SiteException {
    if (AdvisoryReader.isSealed(plain)) {
      throw new SiteException(shown(site, plain) + " is sealed already");
    }
    Path sealed = sealedPath(plain);
    refuseLink(site, plain);
    site.requireWritable(sealed);
    byte[] text = SiteRootFiles.read(plain, shown(site, plain));
    try {
      write(sealed, Sealer.seal(text, recipients, now));
    } catch (SealingException e) {
      throw new SiteException(shown(site, plain) + ": " + e.getMessage(), e);
    } finally {
      Arrays.fill(text, (byte) 0);
    }
    shred(plain);
    return sealed;
  }

  /** Writes the plaintext of {@code sealed} back as {@code <ID>.md}; returns that file. */
  public static Path unseal(SiteRoot site, Path sealed, SealingKey key) throws SiteException {
    if (!AdvisoryReader.isSealed(sealed)) {
      throw new SiteException(shown(site, sealed) + " is not sealed");
    }
    Path plain = plainPath(sealed);
    refuseLink(site, sealed);
    site.requireWritable(plain);
    byte[] text = open(site, sealed, key);
    try {
      write(plain, text);
    } finally {
      Arrays.fill(text, (byte) 0);
    }
    try {
      Files.delete(sealed);
    } catch (IOException e) {
      throw new SiteException("cannot delete " + shown(site, sealed) + ": " + e.getMessage(), e);
    }
    return plain;
  }

  /** What unsealing the lifted advisories did: files unsealed, and files that could not be. */
  public record Lifted(List<Path> unsealed, List<String> problems) {}

  /** Unseals every sealed advisory that is public at {@code now}; the others stay sealed. */
  public static Lifted unsealLifted(SiteRoot site, SealingKey key, Instant now)
      throws SiteException {
    List<Path> unsealed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    AdvisoryReader reader;
    List<Path> files;
    try {
      reader = new AdvisoryReader(site.root(), site.display(), Optional.of(key));
      files = reader.walk(site.advisoriesDir(), new ArrayList<>());
    } catch (IOException e) {
      throw new SiteException("cannot list " + site.advisoriesDir() + ": " + e.getMessage(), e);
    }
    for (Path file : files) {
      if (!AdvisoryReader.isSealed(file)) continue;
      AdvisoryFile read = reader.read(file);
      Optional<Advisory> advisory = read.advisory();
      if (advisory.isEmpty()) {
        // Only the file and the rule: a sealed advisory's findings stay out of the job's log.
        problems.add(
            shown(site, file)
                + ": cannot be read"
                + read.diagnostics().stream()
                    .findFirst()
                    .map(d -> " (" + d.rule().code() + ")")
                    .orElse("")
                + "; run `disclose validate` with the key");
        continue;
      }
      if (!EmbargoPolicy.isPublic(advisory.get(), now)) continue;
      unsealed.add(unseal(site, file, key));
    }
    return new Lifted(unsealed, problems);
  }

  /** The plaintext of {@code sealed}, in memory. */
  public static byte[] open(SiteRoot site, Path sealed, SealingKey key) throws SiteException {
    byte[] bytes = SiteRootFiles.read(sealed, shown(site, sealed));
    try {
      return key.open(bytes);
    } catch (SealingException e) {
      throw new SiteException(shown(site, sealed) + " " + e.getMessage(), e);
    }
  }

  /** {@code text} sealed to {@code recipients} over {@code sealed}, atomically. */
  public static void reseal(
      SiteRoot site, Path sealed, byte[] text, List<Recipient> recipients, Instant now)
      throws SiteException {
    site.requireWritable(sealed);
    try {
      write(sealed, Sealer.seal(text, recipients, now));
    } catch (SealingException e) {
      throw new SiteException(shown(site, sealed) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Overwrites the file with zeros, flushed to the device, then deletes it: a plaintext copy does
   * not linger in the file's blocks once it is gone (copy-on-write file systems and SSDs may still
   * keep old blocks; git history keeps whatever was committed).
   */
  public static void shred(Path file) throws SiteException {
    try {
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ByteBuffer zeros = ByteBuffer.allocate(8192);
          long written = 0;
          while (written < size) {
            zeros.clear();
            zeros.limit((int) Math.min(zeros.capacity(), size - written));
            written += channel.write(zeros, written);
          }
          channel.force(true);
        }
      }
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SiteException(
          "cannot remove the plaintext " + file + ": " + e.getMessage() + "; delete it by hand", e);
    }
  }

  private static void refuseLink(SiteRoot site, Path file) throws SiteException {
    if (Files.isSymbolicLink(file)) {
      throw new SiteException(
          shown(site, file) + " is a symbolic link: replace it with the file itself");
    }
  }

  static Path sealedPath(Path plain) {
    String name = plain.getFileName().toString();
    return plain.resolveSibling(
        name.substring(0, name.length() - ".md".length()) + AdvisoryReader.SEALED_EXTENSION);
  }

  static Path plainPath(Path sealed) {
    return sealed.resolveSibling(AdvisoryReader.sealedId(sealed) + ".md");
  }

  private static void write(Path target, String armored) throws SiteException {
    write(target, armored.getBytes(StandardCharsets.US_ASCII));
  }

  private static void write(Path target, byte[] bytes) throws SiteException {
    try {
      AtomicFiles.write(target, bytes);
    } catch (IOException e) {
      throw new SiteException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static String shown(SiteRoot site, Path p) {
    return site.display().of(p).toString().replace('\\', '/');
  }

  /** Reading a site's file, with the site's size limit and a message naming it. */
  private static final class SiteRootFiles {
    static byte[] read(Path file, String shown) throws SiteException {
      try {
        if (Files.size(file) > 4 * SiteRoot.MAX_BYTES)
          throw new SiteException(shown + " is larger than 4 MiB");
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new SiteException("cannot read " + shown + ": " + e.getMessage(), e);
      }
    }
  }
}
