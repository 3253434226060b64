package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script at the repository's root: the JVM options each command and setting starts
 * Java with. It runs a copy of the script beside a stand-in jar, with a stand-in {@code java} first
 * on the PATH that writes down its arguments.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "disclose");

  @TempDir Path root;
  private Path argsFile;

  @BeforeEach
  void launcherBesideAStandInJar() throws Exception {
    Files.copy(LAUNCHER, root.resolve("disclose"), StandardCopyOption.COPY_ATTRIBUTES);
    // No sources, pom or themes beside it: the jar is never older than them, so nothing is built.
    Files.createDirectories(root.resolve("generator/target"));
    Files.writeString(root.resolve("generator/target/disclose.jar"), "");
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_JAVA_ARGS\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    argsFile = root.resolve("java-args");
  }

  private record Run(int exitCode, String err, List<String> javaArgs) {
    /** The JVM options: what comes before {@code -jar}. */
    List<String> options() {
      return javaArgs.subList(0, Math.max(0, javaArgs.indexOf("-jar")));
    }
  }

  private Run run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("disclose").toString()));
    command.addAll(List.of(args));
    Path errFile = root.resolve("stderr");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(errFile.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("DISCLOSE_") || k.equals("BASH_ENV"));
    // As in CI: no class-data archive, whose options would depend on the runs before.
    pb.environment().put("CI", "true");
    pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("FAKE_JAVA_ARGS", argsFile.toString());
    pb.environment().putAll(env);
    Files.deleteIfExists(argsFile);
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not finish in 30 s");
    }
    String err = Files.readString(errFile, StandardCharsets.UTF_8);
    List<String> javaArgs = Files.exists(argsFile) ? Files.readAllLines(argsFile) : List.of();
    return new Run(p.exitValue(), err, javaArgs);
  }

  @Test
  void aBuildRunsC1AloneWithTheThroughputCollectorAndASmallYoungGeneration() throws Exception {
    Run run = run(Map.of(), "build", "--root", "site");
    assertThat(run.exitCode()).isZero();
    assertThat(run.options())
        .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn128m");
    assertThat(run.javaArgs())
        .endsWith(
            "-jar",
            root.resolve("generator/target/disclose.jar").toString(),
            "build",
            "--root",
            "site");
  }

  @Test
  void serveKeepsTheJvmsDefaults() throws Exception {
    assertThat(run(Map.of(), "serve", "--port", "8000").options()).isEmpty();
  }

  @Test
  void aLargeDatabaseGetsItsHeapCommittedAndTheFullJitWithShallowInlining() throws Exception {
    for (String command : List.of("build", "validate")) {
      Run run = run(Map.of("DISCLOSE_LARGE", "2g"), command);
      assertThat(run.exitCode()).isZero();
      assertThat(run.options())
          .as(command)
          .containsExactly(
              "-Xmx2g",
              "-Xms2g",
              "-XX:+UseParallelGC",
              "-Xmn128m",
              "-XX:MaxInlineLevel=4",
              "-XX:InlineSmallCode=500",
              "-XX:FreqInlineSize=150");
    }
    // The other commands are short, and keep their options with the heap added; the preview
    // server keeps the JVM's defaults.
    assertThat(run(Map.of("DISCLOSE_LARGE", "3G"), "serve").options()).containsExactly("-Xmx3G");
    assertThat(run(Map.of("DISCLOSE_LARGE", "2g"), "summary").options())
        .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn128m", "-Xmx2g");
  }

  @Test
  void aLargeSettingThatIsNoHeapSizeIsAUsageError() throws Exception {
    for (String bad : List.of("yes", "2 g", "2gb", "-Xmx2g", "g", "0g", "512k")) {
      Run run = run(Map.of("DISCLOSE_LARGE", bad), "build");
      assertThat(run.exitCode()).as(bad).isEqualTo(2);
      assertThat(run.err()).contains("DISCLOSE_LARGE is the heap for a large database, such as 2g");
      assertThat(run.javaArgs()).as("Java never started").isEmpty();
    }
  }

  @Test
  void javaOptionsOfOnesOwnReplaceEveryDefault() throws Exception {
    Run run = run(Map.of("DISCLOSE_JAVA_OPTS", "-Xmx1g -Xss2m", "DISCLOSE_LARGE", "2g"), "build");
    assertThat(run.exitCode()).isZero();
    assertThat(run.options()).containsExactly("-Xmx1g", "-Xss2m");
  }

  /** A release's tarball: the launcher and disclose.jar in one folder, with no sources. */
  @Test
  void inAReleasesFolderItRunsTheJarBesideIt() throws Exception {
    Files.writeString(root.resolve("disclose.jar"), "");
    Run run = run(Map.of(), "validate");
    assertThat(run.exitCode()).isZero();
    assertThat(run.javaArgs())
        .endsWith("-jar", root.resolve("disclose.jar").toString(), "validate");
  }

  /**
   * The action's downloaded release jar: run as it is, never rebuilt from the sources beside it.
   */
  @Test
  void discloseJarNamesTheJarToRun() throws Exception {
    Path jar = Files.writeString(root.resolve("disclose-1.2.3.jar"), "");
    Run run = run(Map.of("DISCLOSE_JAR", jar.toString()), "validate");
    assertThat(run.exitCode()).isZero();
    assertThat(run.javaArgs()).endsWith("-jar", jar.toString(), "validate");

    Run missing = run(Map.of("DISCLOSE_JAR", root.resolve("absent.jar").toString()), "validate");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("disclose: no jar at " + root.resolve("absent.jar"));
    assertThat(missing.javaArgs()).as("Java never started").isEmpty();
  }
}
