package dev.disclose.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build's claim on the folders it makes beside an output folder {@code out}: a lock file {@code
 * .out.lock-N}, locked for as long as the build runs, whose number N every such folder carries
 * ({@code .out.building-N}, {@code .out.reusing-N}, {@code .out.built-N}, {@code .out.old-N}). The
 * kernel releases the lock when the process ends, however it ends, so a folder whose lock no one
 * holds is a killed build's leftover, and one whose lock is held belongs to a live build.
 */
final class OutputClaim implements AutoCloseable {
  /** A staging folder being written. */
  static final String BUILDING = "building";

  /** The output before last, claimed by a build to write only what changed. */
  static final String REUSING = "reusing";

  /** A staging folder every file of which is written: complete, about to become the output. */
  static final String BUILT = "built";

  /** The previous output on its way out. */
  static final String OLD = "old";

  static final String LOCK = "lock";

  private final Path target;
  private final String number;
  private final Path file;
  private final FileChannel channel;

  private OutputClaim(Path target, String number, Path file, FileChannel channel) {
    this.target = target;
    this.number = number;
    this.file = file;
    this.channel = channel;
  }

  /** Claims a fresh number beside {@code target} (an absolute, normalized path). */
  static OutputClaim take(Path target) throws IOException {
    Path parent = target.getParent();
    Files.createDirectories(parent);
    // Locked under a name no one looks for, then renamed: a lock file under its own name is
    // always locked while its build lives, so no one takes it for a dead build's.
    String prefix = "." + target.getFileName() + ".claiming-";
    Path unnamed = Files.createTempFile(parent, prefix, "");
    FileChannel channel = FileChannel.open(unnamed, StandardOpenOption.WRITE);
    try {
      channel.lock();
      String number = unnamed.getFileName().toString().substring(prefix.length());
      Path file = sibling(target, LOCK, number);
      Files.move(unnamed, file, StandardCopyOption.ATOMIC_MOVE);
      return new OutputClaim(target, number, file, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      Files.deleteIfExists(unnamed);
      throw e;
    }
  }

  String number() {
    return number;
  }

  /** The folder of this build's of the given kind ({@link #BUILDING}, …), beside the output. */
  Path folder(String kind) {
    return sibling(target, kind, number);
  }

  static Path sibling(Path target, String kind, String number) {
    return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + number);
  }

  /** A name beside {@code target} a build made: its kind and number. */
  record Name(String kind, String number) {}

  /** What a name beside {@code target} is, if a build made it. */
  static Optional<Name> parse(Path target, String name) {
    Matcher m =
        Pattern.compile(
                Pattern.quote("." + target.getFileName() + ".")
                    + "("
                    + String.join("|", BUILDING, REUSING, BUILT, OLD, LOCK)
                    + ")-([A-Za-z0-9]+)")
            .matcher(name);
    return m.matches() ? Optional.of(new Name(m.group(1), m.group(2))) : Optional.empty();
  }

  /**
   * Whether a live build holds the claim of {@code number}; without a lock file, its build ended or
   * predates claims.
   */
  static boolean isLive(Path target, String number) throws IOException {
    Path lock = sibling(target, LOCK, number);
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
      FileLock held = channel.tryLock();
      if (held == null) return true;
      held.release();
      return false;
    } catch (NoSuchFileException e) {
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // held by this process
    }
  }

  /** Releases the claim: every folder of this build's is renamed or removed by now. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Best effort: an unlocked lock file is removed by the next build.
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closing releases the lock whatever it says
    }
  }
}
