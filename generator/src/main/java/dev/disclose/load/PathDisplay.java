package dev.disclose.load;

import java.nio.file.Path;

/**
 * How paths are printed in messages: relative to the directory the user ran the command in when the
 * file is below it (so GitHub annotations and editors find it), else absolute.
 */
public final class PathDisplay {
  private final Path base;

  public PathDisplay(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  public static PathDisplay currentDirectory() {
    return new PathDisplay(Path.of(""));
  }

  public Path of(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
  }
}
