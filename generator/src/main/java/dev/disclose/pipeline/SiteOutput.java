package dev.disclose.pipeline;

import dev.disclose.format.FileSink;
import dev.disclose.load.SiteException;
import java.io.IOException;

/**
 * Where a build's files go: written as they are made, then committed once every file is, or
 * abandoned, leaving what was there before.
 */
public interface SiteOutput extends FileSink {
  /** Every file is written: the output becomes the build's. */
  void commit() throws IOException, SiteException;

  /** The build failed: nothing it wrote stays, the previous output does. */
  void abandon(Throwable failure);

  /**
   * Puts the file the last build wrote at {@code path}, as {@code file} describes it, into this
   * output unchanged; false when this output cannot (it is gone or changed), and the file is made
   * again.
   */
  default boolean carry(String path, BuildCache.RememberedFile file) {
    return false;
  }

  /** Opens the output once the site checked clean. */
  @FunctionalInterface
  interface Opener {
    SiteOutput open() throws SiteException;
  }
}
