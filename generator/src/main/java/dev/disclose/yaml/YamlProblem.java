package dev.disclose.yaml;

/** Why a YAML text could not be read, where, and which kind of problem it is. */
public record YamlProblem(Kind kind, String message, Position position) {
  public enum Kind {
    SYNTAX,
    DUPLICATE_KEY,
    LIMIT,
    EXPANSION,
    TAG
  }
}
