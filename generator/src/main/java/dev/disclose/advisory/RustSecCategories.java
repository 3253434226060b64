package dev.disclose.advisory;

import java.util.List;

/**
 * RustSec's categories (rustsec crate, advisory/category.rs): the only values advisory-db's linter
 * accepts in {@code categories}, which validation (C002) and the RustSec export both hold to.
 */
public final class RustSecCategories {
  public static final List<String> ALL =
      List.of(
          "code-execution",
          "crypto-failure",
          "denial-of-service",
          "file-disclosure",
          "format-injection",
          "logic-bug",
          "malicious",
          "memory-corruption",
          "memory-exposure",
          "parser-confusion",
          "privilege-escalation",
          "thread-safety");

  private RustSecCategories() {}
}
