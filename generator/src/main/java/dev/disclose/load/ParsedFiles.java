package dev.disclose.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the previous read of a long-running process (the preview server) parsed, reused for a
 * file whose bytes are unchanged: parsing is a pure function of the file's path and bytes, and
 * on a 10,000-advisory site it was most of a rebuild's 1.2–2.7 s of validation after one file
 * was edited. The bytes themselves are compared, not a digest: exact, and no slower than
 * hashing them would be. Only the files of the latest read are kept.
 *
 * <p>Reading the bytes of 10,000 advisories still took 0.15 s of each rebuild, so a file is
 * not read at all while its attributes are those it had when it was read, as git's index does:
 * device and inode, size, modification time, and the change time and mode, which no editor or
 * tool sets back (so an edit that restores the modification time is still seen). They are
 * trusted only for a file last changed {@link #racyMillis} before it was read, so an edit in
 * the same tick of a coarse file-system clock is still seen. Without a POSIX file system the
 * bytes are always read and compared. {@code disclose build} always reads every file.
 */
public final class ParsedFiles {
  /** Files changed this shortly before they were read are read again next time, whatever their attributes (tests set 0). */
  static volatile long racyMillis = 2_000;

  /** The attributes compared (git's index compares the same). */
  private static final String ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,ctime,mode,isRegularFile";

  /** A file's attributes when it was read, if they can tell it unchanged. */
  record Stamp(Map<String, Object> attributes) {
    /** {@code file}'s attributes now, or null where the file system has no POSIX ones. */
    static Map<String, Object> read(Path file, java.nio.file.LinkOption... options) throws java.io.IOException {
      try {
        return java.nio.file.Files.readAttributes(file, ATTRIBUTES, options);
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        return null;
      }
    }

    /** The attributes of a regular file read at {@code readAtMillis}; null if not to be trusted. */
    static Stamp of(Map<String, Object> attributes, long readAtMillis) {
      if (attributes == null || !Boolean.TRUE.equals(attributes.get("isRegularFile"))) return null;
      long changed = Math.max(((java.nio.file.attribute.FileTime) attributes.get("lastModifiedTime")).toMillis(),
          ((java.nio.file.attribute.FileTime) attributes.get("ctime")).toMillis());
      if (changed > readAtMillis - racyMillis) return null;
      return new Stamp(Map.copyOf(attributes));
    }

    boolean matches(Map<String, Object> now) {
      return now != null && attributes.equals(now);
    }
  }

  private static final class Entry {
    final byte[] bytes;
    final AdvisoryFiles.FileResult result;
    /** Its attributes when last read, or null. */
    volatile Stamp stamp;
    /** The findings of the checks that depend only on the advisory and a context, and that context. */
    volatile Checked checked;

    Entry(byte[] bytes, AdvisoryFiles.FileResult result) {
      this.bytes = bytes;
      this.result = result;
    }
  }

  private record Checked(Object context, java.util.List<dev.disclose.diagnostic.Diagnostic> findings) {}

  private volatile Object context;

  private volatile Map<Path, Entry> previous = Map.of();
  private volatile Map<Path, Entry> current = new ConcurrentHashMap<>();

  /** What a file watcher reported changed, for the read under way; unknown: check every file. */
  private volatile ChangedPaths.Report changes = ChangedPaths.Report.UNKNOWN;

  /** The advisory files the latest walk of {@code dir} found, and the problems it met. */
  record Discovery(Path dir, java.util.List<Path> files, java.util.List<dev.disclose.diagnostic.Diagnostic> problems) {
    Discovery {
      files = java.util.List.copyOf(files);
      problems = java.util.List.copyOf(problems);
    }
  }

  private volatile Discovery discovery;

  /**
   * For the next read only: the files a file watcher reported changed since the previous read
   * (the preview server's rebuild after an edit). Another file is then taken as the previous
   * read left it, without looking at its attributes, and the folders are not walked again if
   * no file was created or deleted in a way that needs it: at 10,000 advisories, walking and
   * looking at every file took 0.1 s of a 0.4 s rebuild. A file read too soon after it
   * changed to trust its attributes ({@link #racyMillis}) is still looked at.
   */
  public void onlyChanged(ChangedPaths.Report report) {
    changes = report;
  }

  ChangedPaths.Report changes() {
    return changes;
  }

  Discovery discovery() {
    return discovery;
  }

  void discovered(Discovery found) {
    discovery = found;
  }

  /**
   * The previous read's result for {@code file} if the watcher's report for this read is known
   * and does not name it, and its attributes were trusted then; else null.
   */
  AdvisoryFiles.FileResult unreported(Path file) {
    ChangedPaths.Report report = changes;
    if (!report.known() || report.paths().contains(file)) return null;
    Entry e = previous.get(file);
    if (e == null || e.stamp == null) return null;
    current.put(file, e);
    return e.result;
  }

  /**
   * The previous read's result for {@code file} if its attributes are those it had then (and
   * could tell), else null: then it is read, and {@link #reuse} or {@link #remember}ed.
   */
  AdvisoryFiles.FileResult unchanged(Path file, Map<String, Object> attributes) {
    Entry e = previous.get(file);
    Stamp stamp = e == null ? null : e.stamp;
    if (stamp == null || !stamp.matches(attributes)) return null;
    current.put(file, e);
    return e.result;
  }

  /**
   * The previous read's result for {@code file} if it had exactly these bytes, else null.
   * {@code stamp}: its attributes before these bytes were read.
   */
  AdvisoryFiles.FileResult reuse(Path file, byte[] bytes, Stamp stamp) {
    Entry e = previous.get(file);
    if (e == null || !Arrays.equals(e.bytes, bytes)) return null;
    e.stamp = stamp;
    current.put(file, e);
    return e.result;
  }

  /** {@code context}, or the previous one if equal: the findings made in it are then reused. */
  Object sameContext(Object next) {
    Object previous = context;
    if (next.equals(previous)) return previous;
    context = next;
    return next;
  }

  /** Findings of {@code result} in {@code context} (from {@link #sameContext}), remembered with its parse. */
  java.util.List<dev.disclose.diagnostic.Diagnostic> checked(AdvisoryFiles.FileResult result, Object context,
      java.util.function.Supplier<java.util.List<dev.disclose.diagnostic.Diagnostic>> check) {
    // The read is done (readDone): its entries are in previous.
    Entry e = previous.get(result.path());
    if (e == null || e.result != result) return check.get();
    Checked known = e.checked;
    if (known != null && known.context() == context) return known.findings();
    java.util.List<dev.disclose.diagnostic.Diagnostic> findings = java.util.List.copyOf(check.get());
    e.checked = new Checked(context, findings);
    return findings;
  }

  /** A text file's parse, the bytes it was made of, and its attributes when read (or null). */
  private record Text(byte[] bytes, Object parse, Stamp stamp) {}

  /**
   * The other text files the site reads (its configuration, release notes), by what the caller
   * parsed them for. An entry stays until the server stops, also for a file since deleted: a
   * few kilobytes each, at most one per file the site ever had.
   */
  private final Map<Object, Text> texts = new ConcurrentHashMap<>();

  /** A parse of a text file other than an advisory: a function of {@code key} and the file's bytes. */
  @FunctionalInterface
  interface TextParse<T> {
    T parse(byte[] bytes) throws SiteException;
  }

  /** What {@code file}'s bytes are: read by the caller. */
  @FunctionalInterface
  interface Bytes {
    byte[] read() throws SiteException;
  }

  /**
   * What {@code parse} made of {@code file}'s bytes for {@code key} last time, if they are the
   * same (or its attributes say so, as for advisories), else {@code parse} of them. The same
   * instance, so that what is made of it (views, pages, the configuration's comparisons) is
   * found unchanged at the cost of a reference comparison.
   */
  @SuppressWarnings("unchecked")
  <T> T text(Object key, Path file, Bytes read, TextParse<T> parse) throws SiteException {
    Text known = texts.get(key);
    Stamp stamp = null;
    try {
      long readAt = System.currentTimeMillis();
      Map<String, Object> attributes = Stamp.read(file);
      if (known != null && known.stamp() != null && known.stamp().matches(attributes)) return (T) known.parse();
      stamp = Stamp.of(attributes, readAt);
    } catch (java.io.IOException | SecurityException e) {
      // read as always, which reports the problem
    }
    byte[] bytes = read.read();
    T made = known != null && Arrays.equals(known.bytes(), bytes) ? (T) known.parse() : parse.parse(bytes);
    texts.put(key, new Text(bytes, made, stamp));
    return made;
  }

  void remember(Path file, byte[] bytes, Stamp stamp, AdvisoryFiles.FileResult result) {
    Entry e = new Entry(bytes, result);
    e.stamp = stamp;
    current.put(file, e);
  }

  /** After a read of the whole site: what it parsed is what the next read compares with. */
  void readDone() {
    previous = current;
    current = new ConcurrentHashMap<>();
    changes = ChangedPaths.Report.UNKNOWN;
  }
}
