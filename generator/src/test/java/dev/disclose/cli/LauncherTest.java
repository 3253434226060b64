package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

  /**
   * A stand-in JDK of {@code version} in its own folder, with a release file as a JDK's: its {@code
   * java} writes down each run's arguments, then the file each archiving option names, as the JVM
   * would, and exits with {@code FAKE_JAVA_EXIT}.
   */
  private Path jdk(String version) throws Exception {
    Path home = Files.createDirectories(root.resolve("jdk-" + version));
    Files.writeString(
        home.resolve("release"),
        "JAVA_VERSION=\""
            + version.replaceAll("[+].*", "")
            + "\"\nJAVA_RUNTIME_VERSION=\""
            + version
            + "\"\n");
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(
        java,
        """
        #!/bin/sh
        { printf '%s\\n' "$@"; echo ----; } >> "$FAKE_JAVA_RUNS"
        mode=; made=
        for a in "$@"; do
          case "$a" in
            -XX:AOTMode=*) mode=${a#*=} ;;
            -XX:AOTConfiguration=*) [ "$mode" = create ] || made=${a#*=} ;;
            -XX:AOTCache=*) [ "$mode" = create ] && made=${a#*=} ;;
            -XX:ArchiveClassesAtExit=*) made=${a#*=} ;;
          esac
        done
        if [ "$mode" = create ] && [ -n "${FAKE_JAVA_CREATE_EXIT:-}" ]; then exit "$FAKE_JAVA_CREATE_EXIT"; fi
        if [ -n "$made" ]; then : > "$made"; fi
        exit "${FAKE_JAVA_EXIT:-0}"
        """);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    // An hour old, so that whatever a run makes beside it is newer.
    Files.setLastModifiedTime(jar(), FileTime.from(Instant.now().minusSeconds(3600)));
    return home;
  }

  private Path jar() {
    return root.resolve("generator/target/disclose.jar");
  }

  /** Each run of a stand-in JDK's {@code java} during {@code args}, its arguments in order. */
  private List<List<String>> javaRuns(Map<String, String> env, String... args) throws Exception {
    Path runs = root.resolve("java-runs");
    Files.deleteIfExists(runs);
    Map<String, String> withLog = new HashMap<>(env);
    withLog.put("FAKE_JAVA_RUNS", runs.toString());
    Run run = run(withLog, args);
    assertThat(run.exitCode())
        .as(run.err())
        .isEqualTo(Integer.parseInt(env.getOrDefault("FAKE_JAVA_EXIT", "0")));
    List<List<String>> all = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.exists(runs) ? Files.readAllLines(runs) : List.<String>of()) {
      if (line.equals("----")) {
        all.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    return all;
  }

  /** The files beside the jar, by name. */
  private List<String> besideTheJar() throws Exception {
    try (Stream<Path> files = Files.list(jar().getParent())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void withJava25TheFirstBuildRecordsWhatItLoadsAndMakesAnAheadOfTimeCacheLaterRunsUse()
      throws Exception {
    Map<String, String> env = Map.of("DISCLOSE_JAVA", jdk("25.0.3+9-LTS").toString(), "CI", "");
    String cache = root.resolve("generator/target/disclose.25.0.3+9-LTS.aot").toString();

    List<List<String>> first = javaRuns(env, "build", "--root", "site");
    assertThat(first).hasSize(2);
    List<String> record = first.get(0);
    assertThat(record)
        .startsWith(
            "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn128m", "-XX:AOTMode=record")
        .endsWith("-Ddisclose.rebuild=true", "-jar", jar().toString(), "build", "--root", "site")
        .contains("-XX:-DisplayVMOutput", "-Xlog:disable", "-Xlog:all=error:stderr");
    String configuration =
        record.stream()
            .filter(a -> a.startsWith("-XX:AOTConfiguration="))
            .findFirst()
            .orElseThrow();
    // The cache is made of what the build recorded, and not run.
    assertThat(first.get(1))
        .contains("-XX:AOTMode=create", configuration)
        .endsWith("-cp", jar().toString())
        .anyMatch(a -> a.startsWith("-XX:AOTCache=" + cache + "."));
    assertThat(besideTheJar()).containsExactly("disclose.25.0.3+9-LTS.aot", "disclose.jar");

    // Every command maps the cache, with its own options.
    for (String command : List.of("validate", "serve", "build")) {
      List<List<String>> later = javaRuns(env, command);
      assertThat(later).as(command).hasSize(1);
      assertThat(later.get(0))
          .as(command)
          .contains("-XX:AOTCache=" + cache)
          .doesNotContain("-XX:AOTMode=record", "-Ddisclose.rebuild=true")
          .endsWith("-jar", jar().toString(), command);
    }

    // Another jar, newer or older than the cache (a release unpacked over another), makes the
    // next build record again.
    for (Instant other : List.of(Instant.now().plusSeconds(60), Instant.now().minusSeconds(7200))) {
      Files.setLastModifiedTime(jar(), FileTime.from(other));
      assertThat(javaRuns(env, "validate").get(0)).noneMatch(a -> a.startsWith("-XX:AOT"));
      List<List<String>> again = javaRuns(env, "build");
      assertThat(again).hasSize(2);
      assertThat(again.get(0)).contains("-XX:AOTMode=record");
      assertThat(javaRuns(env, "validate").get(0)).contains("-XX:AOTCache=" + cache);
    }
  }

  @Test
  void aCacheIsKeptOnlyForTheJavaThatMadeItAndOnlyAfterABuildThatSucceeded() throws Exception {
    Map<String, String> env = Map.of("DISCLOSE_JAVA", jdk("25.0.4+7-LTS").toString(), "CI", "");
    Files.writeString(root.resolve("generator/target/disclose.25.0.3+9-LTS.aot"), "");

    // A build refused early records a fraction of the classes: no cache, nothing left over.
    Map<String, String> failing = new HashMap<>(env);
    failing.put("FAKE_JAVA_EXIT", "1");
    List<List<String>> refused = javaRuns(failing, "build");
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0)).contains("-XX:AOTMode=record");
    assertThat(besideTheJar()).containsExactly("disclose.jar");

    // A cache that cannot be made leaves the build's result as it is, with a note.
    Map<String, String> unmade = new HashMap<>(env);
    unmade.put("FAKE_JAVA_CREATE_EXIT", "1");
    unmade.put("FAKE_JAVA_RUNS", root.resolve("java-runs").toString());
    Run run = run(unmade, "build");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("note: the ahead-of-time cache could not be made");
    assertThat(besideTheJar()).containsExactly("disclose.jar");

    assertThat(javaRuns(env, "build")).hasSize(2);
    assertThat(besideTheJar()).containsExactly("disclose.25.0.4+7-LTS.aot", "disclose.jar");

    // In CI nothing is recorded.
    Files.delete(root.resolve("generator/target/disclose.25.0.4+7-LTS.aot"));
    List<List<String>> ci = javaRuns(Map.of("DISCLOSE_JAVA", env.get("DISCLOSE_JAVA")), "build");
    assertThat(ci).hasSize(1);
    assertThat(ci.get(0)).noneMatch(a -> a.startsWith("-XX:AOT"));
  }

  @Test
  void belowJava25TheFirstBuildArchivesItsClassesForLaterRuns() throws Exception {
    Path jdk = jdk("17.0.15+6-Debian-1deb12u1");
    Map<String, String> env = Map.of("DISCLOSE_JAVA", jdk.resolve("bin/java").toString(), "CI", "");
    List<List<String>> first = javaRuns(env, "build");
    assertThat(first).hasSize(1);
    String archive = "disclose.17.0.15+6-Debian-1deb12u1.jsa";
    assertThat(first.get(0))
        .contains(
            "-XX:ArchiveClassesAtExit=" + root.resolve("generator/target/" + archive + ".tmp"))
        .contains("-Ddisclose.rebuild=true")
        .noneMatch(a -> a.startsWith("-XX:AOT"));
    assertThat(besideTheJar()).containsExactly(archive, "disclose.jar");
    assertThat(javaRuns(env, "validate").get(0))
        .contains("-XX:SharedArchiveFile=" + root.resolve("generator/target/" + archive));

    Files.setLastModifiedTime(jar(), FileTime.from(Instant.now().minusSeconds(7200)));
    assertThat(javaRuns(env, "validate").get(0)).noneMatch(a -> a.startsWith("-XX:Shared"));
    assertThat(javaRuns(env, "build").get(0)).anyMatch(a -> a.startsWith("-XX:ArchiveClasses"));

    // An update of the Java archives again, and its archive replaces the other's.
    Map<String, String> updated =
        Map.of("DISCLOSE_JAVA", jdk("17.0.16+8-Debian-1deb12u1").toString(), "CI", "");
    assertThat(javaRuns(updated, "validate").get(0)).noneMatch(a -> a.startsWith("-XX:Shared"));
    assertThat(javaRuns(updated, "build").get(0)).anyMatch(a -> a.startsWith("-XX:ArchiveClasses"));
    assertThat(besideTheJar())
        .containsExactly("disclose.17.0.16+8-Debian-1deb12u1.jsa", "disclose.jar");

    // A Java without a release file, whose version is unknown, makes the plain archive.
    Path unknown = jdk("17.0.17+1");
    Files.delete(unknown.resolve("release"));
    Map<String, String> plain = Map.of("DISCLOSE_JAVA", unknown.toString(), "CI", "");
    assertThat(javaRuns(plain, "build").get(0)).anyMatch(a -> a.startsWith("-XX:ArchiveClasses"));
    assertThat(besideTheJar()).containsExactly("disclose.jar", "disclose.jsa");
    assertThat(javaRuns(plain, "validate").get(0))
        .contains("-XX:SharedArchiveFile=" + root.resolve("generator/target/disclose.jsa"));
  }

  /** As Debian links /usr/bin/java to a JDK's through /etc/alternatives. */
  @Test
  void theJavaOnThePathIsFollowedThroughItsLinksToItsJdksVersion() throws Exception {
    Path jdk = jdk("25.0.3+9-LTS");
    Path alternative =
        Files.createSymbolicLink(root.resolve("alternative"), jdk.resolve("bin/java"));
    Files.delete(root.resolve("bin/java"));
    Files.createSymbolicLink(root.resolve("bin/java"), alternative);
    List<List<String>> runs = javaRuns(Map.of("CI", ""), "build");
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0)).contains("-XX:AOTMode=record");
    assertThat(besideTheJar()).containsExactly("disclose.25.0.3+9-LTS.aot", "disclose.jar");
  }

  @Test
  void ownJavaOptionsTakeNoCache() throws Exception {
    Map<String, String> env =
        Map.of(
            "DISCLOSE_JAVA", jdk("25.0.3+9-LTS").toString(),
            "CI", "",
            "DISCLOSE_JAVA_OPTS", "-Xmx1g");
    List<List<String>> runs = javaRuns(env, "build");
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0)).startsWith("-Xmx1g", "-jar");
    assertThat(besideTheJar()).containsExactly("disclose.jar");
  }

  @Test
  void discloseJavaThatNamesNoJavaIsAUsageError() throws Exception {
    for (String bad :
        List.of(root.resolve("absent").toString(), root.resolve("generator").toString())) {
      Run run = run(Map.of("DISCLOSE_JAVA", bad), "build");
      assertThat(run.exitCode()).as(bad).isEqualTo(2);
      assertThat(run.err()).contains("disclose: DISCLOSE_JAVA is a JDK's folder or its java");
      assertThat(run.javaArgs()).as("Java never started").isEmpty();
    }
  }
}
