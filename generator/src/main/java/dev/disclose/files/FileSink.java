package dev.disclose.files;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an export's files go as they are made: a site's staging folder, an export's folder, or
 * memory (tests, the preview server). Large files (the zips, the VEX document) are streamed
 * through {@link #open} instead of being held whole: at 100,000 advisories the two VEX documents are
 * over 500 MB of text, and held as strings they took the build out of a 2 GB heap.
 * Implementations may be called from several threads.
 */
public interface FileSink {
  void put(String relative, byte[] bytes) throws IOException;

  /** A file written as it is made; the caller closes it, and the file is complete only then. */
  OutputStream open(String relative) throws IOException;

  /** Into {@code files}, relative path → bytes; a stream's bytes are put when it is closed. */
  static FileSink inMemory(Map<String, byte[]> files) {
    return new FileSink() {
      @Override
      public void put(String relative, byte[] bytes) {
        synchronized (files) {
          files.put(relative, bytes);
        }
      }

      @Override
      public OutputStream open(String relative) {
        return new ByteArrayOutputStream() {
          @Override
          public void close() {
            put(relative, toByteArray());
          }
        };
      }
    };
  }

  /** Into the folder {@code root}, never outside it; folders are made as needed. */
  static FileSink folder(Path root) {
    return new FileSink() {
      @Override
      public void put(String relative, byte[] bytes) throws IOException {
        Files.write(file(relative), bytes);
      }

      @Override
      public OutputStream open(String relative) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file(relative)), 1 << 16);
      }

      private Path file(String relative) throws IOException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) throw new IOException("refusing to write outside " + root + ": " + relative);
        Files.createDirectories(file.getParent());
        return file;
      }
    };
  }
}
