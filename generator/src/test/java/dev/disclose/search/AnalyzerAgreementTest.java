package dev.disclose.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser's analyzer (themes/default/assets/search/analyzer.js, run with Node) and Lucene's,
 * which built the index, give the same terms for the same text: every line of every advisory of the
 * demo and the fixtures, and a list of words chosen to be hard (possessives, versions, identifiers,
 * code, Porter's special cases).
 */
class AnalyzerAgreementTest {
  static final Path ANALYZER = Path.of("../themes/default/assets/search/analyzer.js");
  static final List<String> HARD =
      List.of(
          "the maintainer's patch",
          "users’ data",
          "O'Reilly isn't",
          "CVE-2025-1234",
          "GHSA-2x2x-3c3c-4f4f",
          "versions 1.2.3 and 0.10.0-rc.1",
          "x86_64 aarch64",
          "Region::unmap",
          "__init__ and _private",
          "e.g. U.S.A. i.e.",
          "1,000,000 requests; 3.14",
          "pkg:npm/%40corvid/console@1.2.3",
          "https://example.org/a_b?c=d",
          "caresses ponies ties caress cats feed agreed disabled matting mating meeting",
          "milling messing meetings happy sky relational conditional rational valenci hesitanci digitizer",
          "conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism",
          "decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize",
          "electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable",
          "defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti",
          "homologous effective bowdlerize probate rate cease controll roll generalization oscillators",
          "deserialization deserializing sanitizer sanitization SSRF XSS XXE RCE TOCTOU",
          "naïve café résumé Straße ÆON",
          "日本語のテキスト",
          "emoji 🔥 fire",
          "👍🏽 ok 👨‍👩‍👧 family 🇯🇵 flag ©️ sign",
          "a-b_c.d:e'f",
          "''quoted'' \"double\"",
          "end.",
          "...",
          "_",
          "tab\tnew\nline",
          "UPPER lower MiXeD",
          "yyy yay boys enjoying",
          "ll all alll",
          "abc's");

  @TempDir Path temp;

  @Test
  void theBrowserAnalyzesTextExactlyAsLuceneIndexedIt() throws Exception {
    ExternalTools.requireNode();
    List<String> lines = new ArrayList<>(HARD);
    for (String root : List.of("../advisories", "src/test/resources/sites")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        for (Path f : walk.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8))
            if (!line.isBlank()) lines.add(line);
        }
      }
    }
    Files.copy(ANALYZER, temp.resolve("analyzer.mjs"));
    Path input = temp.resolve("lines.json");
    new ObjectMapper().writeValue(input.toFile(), lines);
    Files.writeString(
        temp.resolve("run.mjs"),
        """
        import { analyze } from './analyzer.mjs';
        import { readFileSync } from 'node:fs';
        const lines = JSON.parse(readFileSync(process.argv[2], 'utf8'));
        process.stdout.write(JSON.stringify(lines.map(analyze)));
        """);
    Process p =
        new ProcessBuilder("node", "run.mjs", input.toString())
            .directory(temp.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    List<?> browser = new ObjectMapper().readValue(out, List.class);

    List<String> disagreements = new ArrayList<>();
    int terms = 0;
    for (int i = 0; i < lines.size(); i++) {
      List<String> lucene = SearchAnalyzer.terms(lines.get(i));
      terms += lucene.size();
      if (!lucene.equals(browser.get(i))) {
        disagreements.add(
            lines.get(i) + "\n    lucene:  " + lucene + "\n    browser: " + browser.get(i));
      }
    }
    assertThat(lines).hasSizeGreaterThan(500);
    assertThat(terms).isGreaterThan(5000);
    assertThat(disagreements)
        .as("%d of %d lines disagree", disagreements.size(), lines.size())
        .isEmpty();
  }
}
