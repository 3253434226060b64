package dev.disclose.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The fuzz tests' inputs, and where in a site an input goes as an advisory file. */
public final class FuzzCorpus {
  /** Where every fuzz test keeps its seeds: {@code <package>/<TestName>Inputs/<method>/}. */
  public static final Path SEEDS = Path.of("src/test/resources/dev/disclose");

  private static final Pattern ID = Pattern.compile("(?m)^id: *([A-Z]{1,10}-\\d{4}-\\d{1,7}) *$");

  private FuzzCorpus() {}

  /** Every seed file of every fuzz test, in a stable order. */
  public static List<Path> seeds() {
    try (Stream<Path> walk = Files.walk(SEEDS)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> SEEDS.relativize(p).toString().contains("FuzzTestInputs/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The site path an input is written to: named after its id when it has a plain one, as the check
   * requires of a file, else a fixed name.
   */
  public static String advisoryPath(byte[] input) {
    Matcher id = ID.matcher(new String(input, StandardCharsets.UTF_8));
    return "advisories/" + (id.find() ? id.group(1) : "DEMO-2025-0001") + ".md";
  }
}
