package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published files are world-readable whatever the umask: the CLI runs in a process of its own
 * under umask 077, and every file of the output is 0644, every folder 0755.
 */
class WorldReadableOutputTest {
  static final Path BASIC = Path.of("src/test/resources/sites/basic");

  @TempDir Path temp;

  /** Runs disclose in {@code dir} under umask 077; its exit code. */
  private static int underUmask077(Path dir, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder command =
        new StringBuilder("umask 077; exec \"$0\" -cp \"$1\" dev.disclose.cli.Main");
    for (int i = 0; i < args.length; i++) command.append(" \"$").append(i + 2).append('"');
    List<String> argv =
        new java.util.ArrayList<>(
            List.of("sh", "-c", command.toString(), java, System.getProperty("java.class.path")));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return p.exitValue();
  }

  private static void assertWorldReadable(Path out) throws IOException {
    assertThat(out).isDirectory();
    try (Stream<Path> all = Files.walk(out)) {
      for (Path p : all.toList()) {
        String perms =
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        assertThat(perms)
            .as(out.relativize(p).toString())
            .isEqualTo(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwxr-xr-x" : "rw-r--r--");
      }
    }
  }

  @Test
  void aBuildUnderUmask077PublishesWorldReadableFilesAndFolders() throws Exception {
    Path site = temp.resolve("site");
    TestSites.copyTree(BASIC, site);
    underUmask077(site, "build", "--now", "2025-12-01T00:00:00Z");
    assertWorldReadable(site.resolve("_site"));
    // A second build reuses the kept copy of the one before: its files too.
    underUmask077(site, "build", "--now", "2025-12-02T00:00:00Z");
    assertWorldReadable(site.resolve("_site"));
  }

  @Test
  void anExportUnderUmask077IsWorldReadable() throws Exception {
    Path site = temp.resolve("site");
    TestSites.copyTree(BASIC, site);
    underUmask077(site, "export", "osv", "--out", "osv-out", "--now", "2025-12-01T00:00:00Z");
    assertWorldReadable(site.resolve("osv-out"));
  }
}
