package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, byte-identical output, whatever the machine: the demo site built by two processes
 * that differ in time zone, locale, default charset, umask and working directory, at the same
 * {@code --now}, is the same tree of files, byte for byte and mode for mode.
 */
class ReproducibleBuildTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final String NOW = "2026-11-23T00:00:00Z";
  private static final int DIFFERENCES_SHOWN = 10;

  @TempDir Path temp;

  /** How a child process differs from the other: its umask, environment and JVM options. */
  private record Settings(String umask, Map<String, String> environment, List<String> jvmOptions) {}

  private static final Settings PLAIN =
      new Settings("022", Map.of("TZ", "UTC", "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"), List.of());

  // The JVM is told Turkish (dotted and dotless i, a comma for decimals) and a legacy charset
  // directly, because tr_TR.UTF-8 is often not generated and the C library then falls back to C.
  private static final Settings HOSTILE =
      new Settings(
          "077",
          Map.of("TZ", "Pacific/Chatham", "LANG", "tr_TR.UTF-8", "LC_ALL", "tr_TR.UTF-8"),
          List.of("-Duser.language=tr", "-Duser.country=TR", "-Dfile.encoding=ISO-8859-9"));

  @Test
  void theDemoSiteBuildsIdenticallyUnderAnyTimeZoneLocaleUmaskAndFolder() throws Exception {
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Path first = temp.resolve("first");
    Path second = elsewhere.resolve("second");
    // Both at once: each is one process, and the test waits for the slower.
    Child a =
        Child.start(
            PLAIN,
            REPOSITORY,
            temp.resolve("first.log"),
            "build",
            "--no-cache",
            "--out",
            first.toString(),
            "--now",
            NOW);
    Child b =
        Child.start(
            HOSTILE,
            elsewhere,
            temp.resolve("second.log"),
            "build",
            "--no-cache",
            "--root",
            REPOSITORY.toString(),
            "--out",
            "second",
            "--now",
            NOW);
    a.assertBuilt();
    b.assertBuilt();

    SortedMap<String, FileState> one = tree(first);
    SortedMap<String, FileState> two = tree(second);
    assertThat(one).containsKey("index.html").hasSizeGreaterThan(100);
    assertThat(differences(one, two)).as("files that differ between the two builds").isEmpty();
  }

  /** A child JVM running the CLI, its output going to files beside the trees. */
  private record Child(Process process, Path log) {
    static Child start(Settings settings, Path directory, Path log, String... args)
        throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> argv = new ArrayList<>();
      // The umask is the shell's, so that the JVM starts under it; "$@" passes each word as is.
      argv.addAll(List.of("sh", "-c", "umask " + settings.umask() + "; exec \"$0\" \"$@\"", java));
      argv.addAll(settings.jvmOptions());
      argv.addAll(
          List.of(
              "-XX:TieredStopAtLevel=1",
              "-cp",
              System.getProperty("java.class.path"),
              "dev.disclose.cli.Main"));
      argv.addAll(Arrays.asList(args));
      ProcessBuilder builder =
          new ProcessBuilder(argv)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // Only what the two runs set, and what git needs: nothing of this machine's own settings.
      Map<String, String> env = builder.environment();
      env.clear();
      for (String kept : List.of("PATH", "HOME")) {
        String value = System.getenv(kept);
        if (value != null) env.put(kept, value);
      }
      env.putAll(settings.environment());
      return new Child(builder.start(), log);
    }

    void assertBuilt() throws Exception {
      boolean ended = process.waitFor(180, TimeUnit.SECONDS);
      if (!ended) process.destroyForcibly();
      String output = Files.readString(log, StandardCharsets.ISO_8859_1);
      assertThat(ended).as("the build ended: %s", output).isTrue();
      assertThat(process.exitValue()).as("exit code: %s", output).isZero();
    }
  }

  /** A file's or folder's mode and, for a file, its bytes. */
  private record FileState(String mode, byte[] bytes) {
    String differenceFrom(FileState other) {
      if (!mode.equals(other.mode)) return "mode " + mode + " then " + other.mode;
      if (!Arrays.equals(bytes, other.bytes)) return "content differs";
      return null;
    }
  }

  private static SortedMap<String, FileState> tree(Path root) throws IOException {
    SortedMap<String, FileState> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String mode =
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        String name = root.relativize(p).toString() + (folder ? "/" : "");
        files.put(name, new FileState(mode, folder ? new byte[0] : Files.readAllBytes(p)));
      }
    }
    return files;
  }

  /** The first differing paths, in order, each with how it differs. */
  private static List<String> differences(
      SortedMap<String, FileState> one, SortedMap<String, FileState> two) {
    Set<String> all = new TreeSet<>(one.keySet());
    all.addAll(two.keySet());
    List<String> found = new ArrayList<>();
    for (String path : all) {
      FileState a = one.get(path);
      FileState b = two.get(path);
      String difference =
          a == null ? "only in the second" : b == null ? "only in the first" : a.differenceFrom(b);
      if (difference != null) found.add(path + ": " + difference);
      if (found.size() == DIFFERENCES_SHOWN) break;
    }
    return found;
  }
}
