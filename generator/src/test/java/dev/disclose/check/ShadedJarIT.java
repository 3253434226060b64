package dev.disclose.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar users run, not the classes the other tests load: the jar leaves out data of its
 * libraries (ICU's locale and collation data, for one), so the rules that use them run from the jar
 * on their lint fixtures, and the demo site builds from it.
 */
class ShadedJarIT {
  private static final Path JAR = Path.of("target/disclose.jar");

  /** Rules whose checks read Unicode data through ICU. */
  private static final Set<String> UNICODE_RULES = Set.of("C006", "F013", "P009", "P010");

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> unicodeRulesPrintTheirExpectedDiagnosticsFromTheJar() throws IOException {
    return LintGoldenTest.cases()
        .filter(dir -> UNICODE_RULES.contains(dir.getParent().getFileName().toString()))
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    LintGoldenTest.LINT.relativize(dir).toString(),
                    () -> {
                      Path site = temp.resolve(LintGoldenTest.LINT.relativize(dir).toString());
                      TestSites.copyTree(dir, site);
                      Files.deleteIfExists(site.resolve("expected.txt"));
                      Files.deleteIfExists(site.resolve("setup.txt"));
                      LintGoldenTest.applySetup(dir.resolve("setup.txt"), site);
                      TestSites.withConfig(site);
                      Run run = jar(site, "validate", "--now", CliRun.NOW.toString());
                      Golden.assertMatches(dir.resolve("expected.txt"), run.out());
                    }));
  }

  @Test
  void theDemoSiteBuildsFromTheJar() throws Exception {
    Path out = temp.resolve("site");
    Run run =
        jar(
            Path.of(".."),
            "build",
            "--no-cache",
            "--out",
            out.toString(),
            "--now",
            CliRun.NOW.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("index.html")).isRegularFile();
    assertThat(out.resolve("osv/all.zip")).isRegularFile();
  }

  /** Jakarta Mail finds its SMTP provider and the text/plain handler through merged resources. */
  @Test
  void theJarSendsAnAnnouncementToARealSmtpServer() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try {
      smtp.setUser("security@corvid.example.org", "s3cret");
      Path demo = temp.resolve("demo");
      for (String part : List.of("advisories", "docs", "releases"))
        TestSites.copyTree(Path.of("..").resolve(part), demo.resolve(part));
      Files.writeString(
          demo.resolve("site-config.yaml"),
          Files.readString(Path.of("../site-config.yaml"))
              .replace("host: smtp.corvid.example.org", "host: 127.0.0.1")
              .replace("port: 587", "port: " + smtp.getSmtp().getPort())
              .replace("security: starttls", "security: none"));
      Run run =
          jar(
              demo,
              Map.of("DISCLOSE_SMTP_PASSWORD", "s3cret"),
              "announce",
              "DEMO-2025-0004",
              "--send",
              "--now",
              CliRun.NOW.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(smtp.getReceivedMessages()).hasSize(2);
    } finally {
      smtp.stop();
    }
  }

  private record Run(int exitCode, String out, String err) {}

  private Run jar(Path workingDirectory, String... args) throws Exception {
    return jar(workingDirectory, Map.of(), args);
  }

  private Run jar(Path workingDirectory, Map<String, String> env, String... args) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        Stream.concat(
                Stream.of(java.toString(), "-jar", JAR.toAbsolutePath().toString()),
                Stream.of(args))
            .toList();
    Path outFile = temp.resolve("stdout");
    Path errFile = temp.resolve("stderr");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(outFile.toFile())
            .redirectError(errFile.toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the jar finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(outFile, StandardCharsets.UTF_8),
        Files.readString(errFile, StandardCharsets.UTF_8));
  }
}
