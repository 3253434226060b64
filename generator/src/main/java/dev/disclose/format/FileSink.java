package dev.disclose.format;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the files of a build go as they are made: a site's staging folder, an export's folder, the
 * preview server's served folder, or memory (tests). Paths are relative, with forward slashes.
 * Large files (the zips, the VEX documents) are streamed through {@link #open} instead of being
 * held whole. Implementations may be called from several threads.
 */
public interface FileSink {
  void put(String path, byte[] bytes) throws IOException;

  /** A file written as it is made; the caller closes it, and the file is complete only then. */
  OutputStream open(String path) throws IOException;

  /**
   * Whether the file at {@code path}, made last time of a source equal to {@code source}, stays as
   * it is: then it need not be made. A sink that keeps no earlier files says no.
   */
  default boolean keep(String path, Record source) {
    return false;
  }

  /**
   * The file at {@code path}, made of {@code source} (all it is made of): the next build may keep
   * it.
   */
  default void put(String path, Record source, byte[] bytes) throws IOException {
    put(path, bytes);
  }

  /**
   * The file {@code make} makes of {@code source}, unless it is {@linkplain #keep kept}; returns
   * whether it was made.
   */
  default <S extends Record> boolean put(String path, S source, Function<? super S, byte[]> make)
      throws IOException {
    if (keep(path, source)) return false;
    put(path, source, make.apply(source));
    return true;
  }

  default void put(String path, String text) throws IOException {
    put(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** This sink with every path under {@code folder} ({@code ""}, or a path ending in {@code /}). */
  default FileSink under(String folder) {
    if (folder.isEmpty()) return this;
    FileSink outer = this;
    return new FileSink() {
      @Override
      public void put(String path, byte[] bytes) throws IOException {
        outer.put(folder + path, bytes);
      }

      @Override
      public OutputStream open(String path) throws IOException {
        return outer.open(folder + path);
      }

      @Override
      public boolean keep(String path, Record source) {
        return outer.keep(folder + path, source);
      }

      @Override
      public void put(String path, Record source, byte[] bytes) throws IOException {
        outer.put(folder + path, source, bytes);
      }
    };
  }

  /** Into {@code files}, relative path → bytes; a stream's bytes are put when it is closed. */
  static FileSink inMemory(Map<String, byte[]> files) {
    return new FileSink() {
      @Override
      public void put(String path, byte[] bytes) {
        synchronized (files) {
          files.put(path, bytes);
        }
      }

      @Override
      public OutputStream open(String path) {
        return new ByteArrayOutputStream() {
          @Override
          public void close() {
            put(path, toByteArray());
          }
        };
      }
    };
  }

  /** Into the folder {@code root}, never outside it; folders are made as needed. */
  static FileSink folder(Path root) {
    return new FileSink() {
      @Override
      public void put(String path, byte[] bytes) throws IOException {
        Files.write(file(path), bytes);
      }

      @Override
      public OutputStream open(String path) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file(path)), 1 << 16);
      }

      private Path file(String path) throws IOException {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root))
          throw new IOException("refusing to write outside " + root + ": " + path);
        Files.createDirectories(file.getParent());
        return file;
      }
    };
  }
}
