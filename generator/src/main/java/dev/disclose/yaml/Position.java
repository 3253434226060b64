package dev.disclose.yaml;

/** A place in a source file: 1-based line and column, counted in the whole file. */
public record Position(int line, int column) implements Comparable<Position> {
  public static final Position START = new Position(1, 1);

  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  @Override
  public int compareTo(Position o) {
    return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
