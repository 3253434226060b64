package dev.disclose.pages;

import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import java.io.Writer;

/**
 * What Pebble writes one page into: a StringBuilder kept by each rendering thread, because a fresh
 * StringWriter per page grows a new buffer by doubling, behind a lock taken at every append, and
 * that is much of all the memory a build allocates. Pebble's own PooledSpecializedStringWriter
 * reuses a builder too, but keeps whatever it grew to for as long as its thread lives; this one
 * lets a long page's room go.
 */
final class PageBuffer extends Writer implements SpecializedWriter {
  private static final int INITIAL_CHARS = 1 << 15;

  /**
   * A buffer grown past this (a long list page) is let go, so a thread keeps room for an ordinary
   * page only.
   */
  private static final int KEPT_CHARS = 1 << 20;

  private static final ThreadLocal<PageBuffer> PER_THREAD =
      ThreadLocal.withInitial(PageBuffer::new);

  private StringBuilder text = new StringBuilder(INITIAL_CHARS);

  private PageBuffer() {}

  /**
   * This thread's buffer, empty (a page given up half-way, its template failing, leaves nothing
   * behind). Not re-entrant: one page at a time per thread.
   */
  static PageBuffer empty() {
    PageBuffer buffer = PER_THREAD.get();
    buffer.text.setLength(0);
    buffer.trim();
    return buffer;
  }

  /** The page written so far; the buffer is replaced when a long page made it large. */
  String page() {
    String page = text.toString();
    trim();
    return page;
  }

  private void trim() {
    if (text.capacity() > KEPT_CHARS) text = new StringBuilder(INITIAL_CHARS);
  }

  /** What the buffer can hold before it grows again (for tests). */
  int capacity() {
    return text.capacity();
  }

  // Writer's other methods (write(char[]), append) come down to these three; the String ones
  // spare its copy into a char[].
  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(String s) {
    text.append(s);
  }

  @Override
  public void write(String s, int offset, int length) {
    text.append(s, offset, offset + length);
  }

  @Override
  public void writeSpecialized(int i) {
    text.append(i);
  }

  @Override
  public void writeSpecialized(long l) {
    text.append(l);
  }

  @Override
  public void writeSpecialized(double d) {
    text.append(d);
  }

  @Override
  public void writeSpecialized(float f) {
    text.append(f);
  }

  @Override
  public void writeSpecialized(short s) {
    text.append(s);
  }

  @Override
  public void writeSpecialized(byte b) {
    text.append(b);
  }

  @Override
  public void writeSpecialized(char c) {
    text.append(c);
  }

  @Override
  public void writeSpecialized(String s) {
    text.append(s);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
