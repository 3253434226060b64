package dev.disclose.pipeline;

import dev.disclose.format.FileSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes into the staging folder from one thread of its own, creating each folder once: on ext4,
 * threads creating files and folders at once contend on the folder's lock, and making a folder for
 * every file adds to the cost. Pages render in parallel and queue their bytes here; a full queue
 * makes the renderers wait. The few large files ({@link #open}: zips, the VEX documents) are the
 * exception, streamed by the thread that makes them.
 */
final class StagedOutput implements FileSink, AutoCloseable {
  /** A file queued for the writer: where it goes and what it holds. */
  private record QueuedFile(Path file, byte[] bytes) {}

  /** Queued last, by {@link #close}: the writer stops at it. */
  private static final QueuedFile END = new QueuedFile(null, null);

  private final Path root;
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<QueuedFile> queue = new ArrayBlockingQueue<>(512);
  private final Thread writer;
  private volatile Throwable failure;

  /**
   * Files the reused folder held and this build has not written yet (see AtomicPublisher.Staging).
   */
  private final Map<Path, Long> unwritten;

  private final List<Path> emptyFolders;

  StagedOutput(AtomicPublisher.Staging staging) {
    this.root = staging.folder();
    this.unwritten = staging.reused() ? staging.files() : null;
    this.emptyFolders = staging.emptyFolders();
    writer = new Thread(this::drain, "disclose-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void put(String relative, byte[] bytes) {
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root))
      throw new IllegalStateException("refusing to write outside the output: " + relative);
    rethrow();
    try {
      queue.put(new QueuedFile(file, bytes));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * A large file (a zip, the VEX document), written by the calling thread straight into the staging
   * folder instead of through the queue, so that it is never held in memory whole.
   */
  @Override
  public OutputStream open(String relative) throws IOException {
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root))
      throw new IllegalStateException("refusing to write outside the output: " + relative);
    rethrow();
    if (unwritten != null) unwritten.remove(root.relativize(file));
    return new BufferedOutputStream(Files.newOutputStream(file, makeWay(file)), 1 << 16);
  }

  /**
   * Makes {@code file}'s folder; in a reused folder, files standing where its folders are now are
   * removed first.
   */
  private void makeRoom(Path file) throws IOException {
    Path parent = file.getParent();
    // Added once made: the writer and the exports' threads may make the same folder at once.
    if (folders.contains(parent)) return;
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      if (unwritten == null) throw e;
      // A file of the reused folder on the way down (not a directory, or already exists).
      Path p = root;
      for (Path name : root.relativize(parent)) {
        p = p.resolve(name);
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
            && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(p);
          unwritten.remove(root.relativize(p));
        }
      }
      Files.createDirectories(parent);
    }
    folders.add(parent);
  }

  private static final OpenOption[] CREATE = {
    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE
  };
  private static final OpenOption[] CREATE_NEW = {
    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE
  };

  /**
   * Makes room for {@code file} and says how to open it: in a reused folder as a new file, in place
   * of whatever stood there (removed without following a link): never written through a link, nor
   * into a file someone made read-only.
   */
  private OpenOption[] makeWay(Path file) throws IOException {
    makeRoom(file);
    if (unwritten == null) return CREATE;
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) AtomicPublisher.deleteTree(file);
    else Files.deleteIfExists(file);
    return CREATE_NEW;
  }

  /**
   * Leaves the reused folder's file at {@code relative} as it is, if it has {@code size} bytes and
   * this build has not written it: the caller knows it holds what this build would write there.
   */
  boolean keepAsIs(String relative, long size) {
    if (unwritten == null) return false;
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) return false;
    Path rel = root.relativize(file);
    Long had = unwritten.get(rel);
    return had != null && had == size && unwritten.remove(rel, had);
  }

  /** Whether the reused folder already holds {@code bytes} at {@code file}. */
  private boolean unchanged(Path file, byte[] bytes) throws IOException {
    if (unwritten == null) return false;
    Long size = unwritten.remove(root.relativize(file));
    if (size == null || size != bytes.length) return false;
    // Read without following a link (one put there since the listing fails here, and is replaced).
    byte[] had = new byte[bytes.length];
    try (SeekableByteChannel in =
        Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.wrap(had);
      while (buffer.hasRemaining() && in.read(buffer) >= 0) {}
      if (buffer.hasRemaining() || in.read(ByteBuffer.allocate(1)) >= 0) return false;
    } catch (IOException e) {
      return false;
    }
    return Arrays.equals(had, bytes);
  }

  /**
   * Removes what the reused folder held and this build did not write, and the folders left empty;
   * once every file is written (after {@link #close}).
   */
  void removeUnwritten() throws IOException {
    if (unwritten == null) return;
    for (Path rel : unwritten.keySet()) {
      Path file = root.resolve(rel);
      // Gone already, or a folder of this build's in its place; a link put there is removed.
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) continue;
      Files.delete(file);
      AtomicPublisher.removeEmptyFolders(file.getParent(), root);
    }
    unwritten.clear();
    // Folders the reused one held empty (none is made empty by a build), with the parents they
    // leave empty.
    for (Path rel : emptyFolders) AtomicPublisher.removeEmptyFolders(root.resolve(rel), root);
  }

  private void drain() {
    try {
      for (QueuedFile item; (item = queue.take()) != END; ) {
        if (failure != null) continue; // keep taking, so that no renderer waits forever
        Path file = item.file();
        try {
          byte[] bytes = item.bytes();
          if (!unchanged(file, bytes)) Files.write(file, bytes, makeWay(file));
        } catch (FileSystemException | RuntimeException e) {
          failure = e;
        } catch (IOException e) {
          // A write that fails midway (a full disk, say) says why but not where.
          failure = new FileSystemException(file.toString(), null, e.getMessage()).initCause(e);
        }
      }
    } catch (InterruptedException e) {
      failure = e;
    }
  }

  private void rethrow() {
    Throwable f = failure;
    if (f instanceof IOException io) throw new UncheckedIOException(io);
    if (f instanceof RuntimeException r) throw r;
    if (f != null) throw new IllegalStateException(f);
  }

  /** Waits until every queued file is written; rethrows the first write failure. */
  @Override
  public void close() {
    try {
      queue.put(END);
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    rethrow();
  }
}
