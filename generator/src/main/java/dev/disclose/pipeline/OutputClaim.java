package dev.disclose.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build's claim on the folders it makes beside an output folder {@code out}: a lock file {@code
 * .out.lock-N}, locked for as long as the build runs, whose number N every such folder carries
 * ({@code .out.building-N}, {@code .out.reusing-N}, {@code .out.built-N}, {@code .out.old-N}). The
 * kernel releases the lock when the process ends, however it ends, so a lock file no one holds is a
 * killed build's, and one that is held belongs to a live build. A name without such a lock file
 * beside it is not a build's, whatever it looks like.
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

  /** Whose a claim's number is, judged by its lock file. */
  enum Holder {
    /** A running build's: its lock is held. */
    LIVE,
    /** A killed build's: its lock file is there, a build's, and no one holds it. */
    DEAD,
    /** No build's: no lock file, or none a build makes. */
    NONE
  }

  /**
   * The lock files this process holds, never opened to probe them: closing any channel on a file
   * drops every lock the process holds on it.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

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
      // Known as held before it bears its name, so that no probe of this process ever opens it.
      HELD.add(file);
      try {
        Files.move(unnamed, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        HELD.remove(file);
        throw e;
      }
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
   * Who holds the claim of {@code number}: a lock file a build made is an empty regular file, not a
   * link, and anything else under its name is no build's.
   */
  static Holder holder(Path target, String number) {
    Path lock = sibling(target, LOCK, number);
    if (HELD.contains(lock)) return Holder.LIVE;
    if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) return Holder.NONE;
    try (FileChannel channel =
        FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock held = channel.tryLock();
      if (held == null) return Holder.LIVE;
      held.release();
      return channel.size() == 0 ? Holder.DEAD : Holder.NONE;
    } catch (NoSuchFileException e) {
      return Holder.NONE;
    } catch (OverlappingFileLockException e) {
      return Holder.LIVE; // held by this process
    } catch (IOException e) {
      // Not to be probed (another user's, say): taken for a live build's, so that nothing of it
      // is touched.
      return Holder.LIVE;
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
    HELD.remove(file);
  }
}
