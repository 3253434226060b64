package dev.disclose.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Small sites on disk for tests. */
public final class TestSites {
  public static final String CONFIG =
      """
      title: Test advisories
      base_url: https://example.org/security/
      id_prefix: DEMO
      security_contact: mailto:security@example.org
      """;

  private TestSites() {}

  /**
   * Writes {@code site-config.yaml} (the default above unless the folder has one) into {@code
   * root}.
   */
  public static Path withConfig(Path root) throws IOException {
    Files.createDirectories(root.resolve("advisories"));
    Path config = root.resolve("site-config.yaml");
    if (!Files.exists(config)) Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
    return root;
  }

  public static Path write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Copies a folder tree (files byte for byte). */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Deletes a folder tree, if it is there. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** A complete, valid advisory: fixtures start from it and change one thing. */
  public static String validAdvisory(String id) {
    return """
        ---
        id: %s
        title: Path traversal in the model download endpoint
        published: 2025-03-04
        aliases: [CVE-2025-31337]
        severity:
          cvss_v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N
        cwes: [CWE-22]
        affected:
          - ecosystem: PyPI
            package: corvid-serve
            ranges:
              - introduced: 0.5.0
                fixed: 0.7.2
        references:
          - type: FIX
            url: https://github.com/corvid-dev/corvid-serve/commit/3f1c2a9
        ---
        The download endpoint joined the requested path to the model folder without normalizing it.
        """
        .formatted(id);
  }
}
