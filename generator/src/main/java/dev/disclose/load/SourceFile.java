package dev.disclose.load;

/**
 * What a load made of one file, kept for the next load: the file's version when read (null if it
 * cannot tell the file unchanged), its bytes (null for a file that could not be read), and the
 * parse. The next load reuses the parse while the version, or else the bytes, are the same.
 */
record SourceFile<T>(FileVersion version, byte[] bytes, T parse) {
  SourceFile<T> withVersion(FileVersion newVersion) {
    return new SourceFile<>(newVersion, bytes, parse);
  }
}
