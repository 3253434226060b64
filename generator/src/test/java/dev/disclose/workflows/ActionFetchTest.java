package dev.disclose.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.disclose.testing.ExternalTools;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's download-and-verify step (.github/actions/disclose/fetch.sh) against a stub of
 * GitHub on loopback: release downloads under /OWNER/REPO/releases/download/ and the API's tag
 * list.
 */
class ActionFetchTest {
  static final Path FETCH = Path.of("../.github/actions/disclose/fetch.sh");
  static final String JAR = "the release jar";

  @TempDir Path temp;
  private HttpServer github;
  private Path served;

  @BeforeEach
  void aStubOfGitHubWithTwoReleases() throws Exception {
    for (String tool : List.of("curl", "jq", "sha256sum"))
      ExternalTools.require(
          ExternalTools.works("sh", "-c", "command -v " + tool),
          tool + " is not installed (apt-get install " + tool + ")");
    served = temp.resolve("served");
    release("1.2.2", JAR, sha256(JAR));
    release("1.2.3", JAR, sha256(JAR));
    // v1 and v1.2 move to the newest release; v1.2.2 is at an older commit.
    write(
        "repos/o/r/tags",
        """
        [{"name": "v1", "commit": {"sha": "c3"}},
         {"name": "v1.2", "commit": {"sha": "c3"}},
         {"name": "v1.2.3", "commit": {"sha": "c3"}},
         {"name": "v1.2.2", "commit": {"sha": "c2"}},
         {"name": "v0", "commit": {"sha": "c0"}}]
        """);
    github = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    github.createContext(
        "/",
        exchange -> {
          Path file = served.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
          boolean found = file.startsWith(served) && Files.isRegularFile(file);
          byte[] body = found ? Files.readAllBytes(file) : "Not Found".getBytes();
          exchange.sendResponseHeaders(found ? 200 : 404, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    github.start();
  }

  @AfterEach
  void stop() {
    github.stop(0);
  }

  @Test
  void aReleaseTagFetchesThatReleasesJarAfterCheckingItsChecksum() throws Exception {
    Run run = fetch("v1.2.3");
    assertThat(run.exitCode()).as(run.stdout()).isZero();
    assertThat(run.outputs())
        .containsEntry("version", "1.2.3")
        .containsEntry("jar", temp.resolve("dl/disclose-1.2.3.jar").toString());
    assertThat(temp.resolve("dl/disclose-1.2.3.jar")).hasContent(JAR);
    assertThat(run.stdout()).contains("disclose-1.2.3.jar verified against checksums_sha256.txt");
  }

  @Test
  void aMajorTagRunsTheReleaseAtItsCommit() throws Exception {
    assertThat(fetch("v1").outputs()).containsEntry("version", "1.2.3");
    assertThat(fetch("v1.2").outputs()).containsEntry("version", "1.2.3");
    Run orphan = fetch("v0");
    assertThat(orphan.exitCode()).isEqualTo(1);
    assertThat(orphan.stdout())
        .contains("::error title=disclose::the tag v0 of o/r is at commit c0")
        .contains("which no release tag vX.Y.Z names");
  }

  @Test
  void aJarThatFailsItsChecksumIsRefusedWithTheTwoHashes() throws Exception {
    String expected = sha256(JAR);
    release("1.2.3", "a tampered jar", expected);
    Run run = fetch("v1.2.3");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout())
        .contains(
            "::error title=disclose::the SHA-256 of disclose-1.2.3.jar is "
                + sha256("a tampered jar")
                + ", but checksums_sha256.txt of release v1.2.3 says "
                + expected
                + ": the download is damaged or is not the release's jar, and is not run");
    assertThat(run.outputs()).doesNotContainKey("jar");
    assertThat(temp.resolve("dl/disclose-1.2.3.jar")).doesNotExist();
    assertThat(temp.resolve("dl/disclose-1.2.3.jar.part")).doesNotExist();
  }

  @Test
  void aMissingReleaseFailsAndSaysWhich() throws Exception {
    Run run = fetch("v9.9.9");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout())
        .contains("::error title=disclose::could not download http://")
        .contains(
            "/o/r/releases/download/v9.9.9/checksums_sha256.txt: is v9.9.9 a release of o/r?");
  }

  @Test
  void aBranchOrACommitBuildsFromTheActionsSources() throws Exception {
    for (String ref : List.of("main", "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a", "")) {
      Run run = fetch(ref);
      assertThat(run.exitCode()).as(ref).isZero();
      assertThat(run.outputs())
          .as(ref)
          .containsEntry("source", "true")
          .containsKeys("poms", "sources");
    }
  }

  /** The action's second use in a job finds the jar its first use built from these sources. */
  @Test
  void aJarBuiltFromTheSameSourcesIsUsedAgainAndAChangeBuildsAnew() throws Exception {
    Path sources = temp.resolve("action");
    for (String f :
        List.of("pom.xml", "generator/pom.xml", "generator/src/main/A.java", "themes/t"))
      Files.createDirectories(sources.resolve(f).getParent());
    for (String f :
        List.of("pom.xml", "generator/pom.xml", "generator/src/main/A.java", "themes/t"))
      Files.writeString(sources.resolve(f), f);
    Run first = fetch("main", sources);
    assertThat(first.outputs()).containsEntry("source", "true");
    Files.createDirectories(sources.resolve("generator/target"));
    Files.writeString(sources.resolve("generator/target/disclose.jar"), JAR);
    Files.writeString(
        sources.resolve("generator/target/disclose.sources"),
        first.outputs().get("sources") + "\n");
    assertThat(fetch("main", sources).outputs())
        .containsOnlyKeys("jar")
        .containsEntry("jar", sources.resolve("generator/target/disclose.jar").toString());
    Files.writeString(sources.resolve("generator/src/main/A.java"), "changed");
    assertThat(fetch("main", sources).outputs()).containsEntry("source", "true");
  }

  private void release(String version, String jar, String listedSha) throws Exception {
    String dir = "o/r/releases/download/v" + version + "/";
    write(dir + "disclose-" + version + ".jar", jar);
    write(
        dir + "checksums_sha256.txt",
        listedSha
            + "  disclose-"
            + version
            + ".jar\n"
            + "0".repeat(64)
            + "  disclose-"
            + version
            + ".tar.gz\n");
  }

  private void write(String path, String content) throws Exception {
    Path file = served.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private record Run(int exitCode, String stdout, Map<String, String> outputs) {}

  private Run fetch(String ref) throws Exception {
    return fetch(ref, Path.of("..").toAbsolutePath().normalize());
  }

  private Run fetch(String ref, Path actionPath) throws Exception {
    Path outputs = temp.resolve("outputs-" + System.nanoTime());
    Files.createDirectories(temp.resolve("dl"));
    String stub = "http://127.0.0.1:" + github.getAddress().getPort();
    ProcessBuilder pb = new ProcessBuilder("bash", FETCH.toString()).redirectErrorStream(true);
    pb.environment()
        .putAll(
            Map.of(
                "DISCLOSE_REF",
                ref,
                "DISCLOSE_REPOSITORY",
                "o/r",
                "DISCLOSE_DIR",
                temp.resolve("dl").toString(),
                "ACTION_PATH",
                actionPath.toString(),
                "GITHUB_SERVER_URL",
                stub,
                "GITHUB_API_URL",
                stub,
                "GITHUB_OUTPUT",
                outputs.toString()));
    pb.environment().remove("GITHUB_TOKEN");
    Process p = pb.start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Map<String, String> values = new TreeMap<>();
    if (Files.exists(outputs)) {
      for (String line : Files.readAllLines(outputs)) {
        int eq = line.indexOf('=');
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new Run(p.exitValue(), stdout, values);
  }

  private static String sha256(String content) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
  }
}
