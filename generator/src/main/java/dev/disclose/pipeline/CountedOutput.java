package dev.disclose.pipeline;

import dev.disclose.load.SiteException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.LongAdder;

/**
 * An output that counts the files written into it and their bytes, so that a build can say how
 * large the site it wrote is without walking the folder again. Pages are written from several
 * threads, hence the adders.
 */
final class CountedOutput implements SiteOutput {
  private final SiteOutput output;
  private final LongAdder files = new LongAdder();
  private final LongAdder bytes = new LongAdder();

  CountedOutput(SiteOutput output) {
    this.output = output;
  }

  /** The files written so far. */
  long files() {
    return files.sum();
  }

  /** The bytes of the files written so far. */
  long bytes() {
    return bytes.sum();
  }

  @Override
  public void put(String path, byte[] content) throws IOException {
    output.put(path, content);
    count(content.length);
  }

  @Override
  public void put(String path, Record source, byte[] content) throws IOException {
    output.put(path, source, content);
    count(content.length);
  }

  @Override
  public boolean keep(String path, Record source) {
    return output.keep(path, source);
  }

  @Override
  public boolean carry(String path, BuildCache.RememberedFile file) {
    if (!output.carry(path, file)) return false;
    files.increment();
    bytes.add(file.size());
    return true;
  }

  @Override
  public OutputStream open(String path) throws IOException {
    OutputStream stream = output.open(path);
    files.increment();
    return new FilterOutputStream(stream) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        bytes.increment();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        bytes.add(len);
      }
    };
  }

  @Override
  public void commit() throws IOException, SiteException {
    output.commit();
  }

  @Override
  public void abandon(Throwable failure) {
    output.abandon(failure);
  }

  private void count(int length) {
    files.increment();
    bytes.add(length);
  }
}
