package dev.disclose.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output committed beside the test input. {@code -Dgolden.update=true}
 * rewrites them (review the diff like code); otherwise a difference fails the test.
 */
public final class Golden {
  private Golden() {}

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  public static void assertMatches(Path golden, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(golden)
          .as("golden file %s (create it with -Dgolden.update=true)", golden)
          .exists();
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      assertThat(actual)
          .as("output differs from %s (rerun with -Dgolden.update=true to accept)", golden)
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
