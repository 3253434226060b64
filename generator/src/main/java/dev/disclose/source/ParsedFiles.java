package dev.disclose.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the previous read of a long-running process (the preview server) parsed, reused for a
 * file whose bytes are unchanged: parsing is a pure function of the file's path and bytes, and
 * on a 10,000-advisory site it was most of a rebuild's 1.2–2.7 s of validation after one file
 * was edited. The bytes themselves are compared, not a digest or a modification time: exact,
 * and no slower than hashing them would be. Only the files of the latest read are kept.
 */
public final class ParsedFiles {
  private static final class Entry {
    final byte[] bytes;
    final AdvisoryFiles.FileResult result;
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

  /** The previous read's result for {@code file} if it had exactly these bytes, else null. */
  AdvisoryFiles.FileResult reuse(Path file, byte[] bytes) {
    Entry e = previous.get(file);
    if (e == null || !Arrays.equals(e.bytes, bytes)) return null;
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

  /** A text file's parse, and the bytes it was made of. */
  private record Text(byte[] bytes, Object parse) {}

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

  /**
   * What {@code parse} made of these bytes for {@code key} last time they were read, else
   * {@code parse} of them. The same instance, so that what is made of it (views, pages, the
   * configuration's comparisons) is found unchanged at the cost of a reference comparison.
   */
  @SuppressWarnings("unchecked")
  <T> T text(Object key, byte[] bytes, TextParse<T> parse) throws SiteException {
    Text known = texts.get(key);
    if (known != null && Arrays.equals(known.bytes(), bytes)) return (T) known.parse();
    T made = parse.parse(bytes);
    texts.put(key, new Text(bytes, made));
    return made;
  }

  void remember(Path file, byte[] bytes, AdvisoryFiles.FileResult result) {
    current.put(file, new Entry(bytes, result));
  }

  /** After a read of the whole site: what it parsed is what the next read compares with. */
  void readDone() {
    previous = current;
    current = new ConcurrentHashMap<>();
  }
}
