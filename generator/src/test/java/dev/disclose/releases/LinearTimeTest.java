package dev.disclose.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.markdown.MarkdownLimits;
import dev.disclose.markdown.MarkdownText;
import dev.disclose.text.Urls;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Every check that runs a pattern or a scan on untrusted text, fed a mebibyte shaped to make a
 * backtracking pattern rescan it: each answers at once, and refuses the text.
 */
class LinearTimeTest {
  private static final int MIB = 1 << 20;
  private static final Duration QUICKLY = Duration.ofSeconds(5);

  private static String times(String unit, int length) {
    return unit.repeat(length / unit.length());
  }

  private static boolean refusedName(String ecosystem, String name) {
    return Ecosystems.packageNameProblem(ecosystem, name).isPresent();
  }

  @Test
  void everyValidatorRefusesAMebibyteWorstCaseQuickly() {
    Map<String, BooleanSupplier> cases = new LinkedHashMap<>();
    cases.put("Packagist vendor", () -> refusedName("Packagist", times("a", MIB) + "!"));
    cases.put("Packagist name", () -> refusedName("Packagist", "a/" + times("a-", MIB) + "!"));
    cases.put("Hackage letters", () -> refusedName("Hackage", times("a", MIB) + "!"));
    cases.put("Hackage digits", () -> refusedName("Hackage", times("1", MIB) + "-!"));
    cases.put("NuGet", () -> refusedName("NuGet", times("a.", MIB) + "!"));
    cases.put("PyPI", () -> refusedName("PyPI", times("a.", MIB) + "!"));
    cases.put("GitHub Actions", () -> refusedName("GitHub Actions", "a/a" + times("/a", MIB)));
    cases.put("Maven", () -> refusedName("Maven", times("a", MIB) + ":"));
    cases.put("Go", () -> refusedName("Go", "a.b" + times("/a", MIB)));
    cases.put("npm", () -> refusedName("npm", "@" + times("a", MIB) + "/a"));
    cases.put("CRAN", () -> refusedName("CRAN", times("a.", MIB)));
    cases.put("unknown ecosystem", () -> refusedName("Nothing", times("a", MIB)));
    cases.put("mailto: without a dot", () -> !Urls.isContactUrl("mailto:a@" + times("a", MIB)));
    cases.put("mailto: without an @", () -> !Urls.isContactUrl("mailto:" + times("a.", MIB)));
    cases.put("http", () -> !Urls.isHttpUrl("https://" + times("a", MIB) + " "));
    cases.put(
        "release-notes link definition",
        () ->
            !ReleaseNotesParser.LINK_DEFINITION
                .matcher("[a]: " + times("b", MIB) + "\r b")
                .matches());
    cases.put(
        "release-notes heading",
        () ->
            !ReleaseNotesParser.CHANGELOG_HEADING
                .matcher("## [a]" + times(" ", MIB) + "-" + times(" ", MIB) + "\r\r")
                .matches());
    cases.put("Markdown", () -> MarkdownLimits.check(times("[a](", MIB)).isPresent());
    cases.put(
        "plain text of blanks", () -> MarkdownText.of("a" + times(" ", MIB) + "b").length() > 2);
    cases.put(
        "plain text of an HTML block",
        () -> MarkdownText.of("<div>" + times("<", MIB) + "\n").length() >= MIB);

    String slowest = "";
    long slowestNanos = -1;
    for (var c : cases.entrySet()) {
      long start = System.nanoTime();
      boolean refused = assertTimeoutPreemptively(QUICKLY, c.getValue()::getAsBoolean, c.getKey());
      long nanos = System.nanoTime() - start;
      assertThat(refused).as(c.getKey()).isTrue();
      if (nanos > slowestNanos) {
        slowestNanos = nanos;
        slowest = c.getKey();
      }
    }
    System.out.println("slowest 1 MiB case: " + slowest + ", " + slowestNanos / 1_000_000 + " ms");
  }

  @Test
  void theLinearPatternsAcceptWhatTheirBacktrackingFormsDid() {
    assertThat(Ecosystems.packageNameProblem("Packagist", "vendor-x/pkg.name--two_3")).isEmpty();
    assertThat(Ecosystems.packageNameProblem("Packagist", "vendor/pkg---x")).isPresent();
    assertThat(Ecosystems.packageNameProblem("Packagist", "vendor/-pkg")).isPresent();
    assertThat(Ecosystems.packageNameProblem("Hackage", "12a-b3-x")).isEmpty();
    assertThat(Ecosystems.packageNameProblem("Hackage", "a-12")).isPresent();
    assertThat(Ecosystems.packageNameProblem("Hackage", "a--b")).isPresent();
    assertThat(Urls.isContactUrl("mailto:sec@example.org")).isTrue();
    assertThat(Urls.isContactUrl("MAILTO:sec@example.org")).isTrue();
    assertThat(Urls.isContactUrl("mailto:sec@.org")).isFalse();
    assertThat(Urls.isContactUrl("mailto:sec@a.")).isFalse();
    assertThat(Urls.isContactUrl("mailto:@a.org")).isFalse();
    assertThat(Urls.isContactUrl("mailto:a@b@c.org")).isFalse();
    assertThat(Urls.isContactUrl("mailto:a b@c.org")).isFalse();
    assertThat(ReleaseNotesParser.LINK_DEFINITION.matcher("[1.2.3]: https://x/y z").matches())
        .isTrue();
    assertThat(ReleaseNotesParser.LINK_DEFINITION.matcher("[1.2.3]:   ").matches()).isFalse();
  }
}
