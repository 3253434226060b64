package dev.disclose.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CSAF document of the demo and the fixture sites passes the CSAF 2.0 mandatory tests as
 * BSI's secvisogram csaf-validator-lib runs them (section 6.1, with the strict schema), run by
 * {@code src/test/csaf/validate.mjs}; its optional tests warn only where the advisory lacks what
 * they ask for. Needs node and the pinned npm package: skipped without them, except in CI.
 */
class CsafValidatorLibTest {
  static final Path TOOL = Path.of("src/test/csaf").toAbsolutePath();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  /** Installs the pinned package if it is not there yet; skips (or fails in CI) without npm. */
  static void npmPackage() throws Exception {
    if (Files.isDirectory(TOOL.resolve("node_modules/@secvisogram/csaf-validator-lib"))) return;
    ExternalTools.require(
        ExternalTools.works("npm", "--version"),
        "npm is not installed (apt-get install nodejs npm)");
    String output =
        run(
            List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
            TOOL,
            TimeUnit.MINUTES.toSeconds(5));
    assertThat(TOOL.resolve("node_modules/@secvisogram/csaf-validator-lib"))
        .as("npm ci in %s:\n%s", TOOL, output)
        .isDirectory();
  }

  @Test
  void everyDocumentPassesTheMandatoryTests() throws Exception {
    ExternalTools.requireNode();
    npmPackage();
    List<String> paths = new ArrayList<>();
    Map<String, String> names = new TreeMap<>();
    for (Path root : List.of(CsafFiles.DEMO, CsafFiles.CVE_FIXTURE, CsafFiles.EXPORTS_FIXTURE)) {
      Map<String, byte[]> files = CsafFiles.of(root);
      for (String doc : CsafFiles.documents(files)) {
        Path file = temp.resolve(root.getFileName() + "-" + doc.replace('/', '-'));
        Files.write(file, files.get(doc));
        paths.add(file.toString());
        names.put(file.toString(), doc);
      }
    }
    List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
    command.addAll(paths);
    String output = run(command, TOOL, 300);
    int documents = 0;
    int errors = 0;
    List<String> warnings = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (!line.startsWith("{")) continue;
      JsonNode result = JSON.readTree(line);
      String doc = names.get(result.get("file").asText());
      assertThat(result.get("errors")).as("%s:%n%s", doc, result.get("errors")).isEmpty();
      errors += result.get("errors").size();
      result.get("warnings").forEach(w -> warnings.add(doc + ": " + w.asText()));
      documents++;
    }
    assertThat(documents).as(output).isEqualTo(paths.size());
    System.out.printf(
        "csaf-validator-lib: %d documents, %d errors, %d warnings%n",
        documents, errors, warnings.size());
    // Only scores CSAF 2.0 cannot hold (CVSS 4.0 alone, or none), and purls of ecosystems
    // without a purl type, are missing.
    assertThat(warnings)
        .allMatch(
            w -> w.contains("optionalTest_6_2_3 ") || w.contains("optionalTest_6_2_16 "),
            "only missing scores and identification helpers");
    assertThat(documents).isEqualTo(16 + 4 + 5);
  }

  /** Runs {@code command} in {@code dir}; its output and errors together. */
  static String run(List<String> command, Path dir, long seconds)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[][] out = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                out[0] = p.getInputStream().readAllBytes();
              } catch (IOException e) {
                out[0] = new byte[0];
              }
            });
    reader.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join(5000);
      throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
    }
    reader.join();
    String text = new String(out[0], java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s:%n%s", String.join(" ", command), text).isZero();
    return text;
  }
}
