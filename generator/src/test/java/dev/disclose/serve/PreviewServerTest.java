package dev.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.testing.TestSites;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {
  @TempDir Path temp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final Clock DECEMBER =
      Clock.fixed(Instant.parse("2025-12-01T00:00:00Z"), ZoneOffset.UTC);

  /** The basic fixture site, copied into the test's folder. */
  private Path basicSite() throws IOException {
    Path site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    return site;
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void servesRebuildsOnChangeAndTellsTheTabToReload() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site, log)) {
      assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
      HttpResponse<String> home = get(server.url());
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body())
          .contains("Fixture Advisories", "<script src=\"/__disclose/reload.js\"></script>");
      assertThat(get(server.url().resolve("__disclose/reload.js")).body()).contains("EventSource");
      assertThat(get(server.url().resolve("advisories/FIX-2025-0003/")).statusCode())
          .isEqualTo(404);
      assertThat(get(server.url().resolve("..%2f..%2fsite-config.yaml")).statusCode())
          .isEqualTo(404);

      CompletableFuture<String> reload =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  HttpResponse<InputStream> events =
                      http.send(
                          HttpRequest.newBuilder(server.url().resolve("__disclose/events")).build(),
                          HttpResponse.BodyHandlers.ofInputStream());
                  BufferedReader reader =
                      new BufferedReader(
                          new InputStreamReader(events.body(), StandardCharsets.UTF_8));
                  String line;
                  while ((line = reader.readLine()) != null)
                    if (line.startsWith("event: reload")) return line;
                  return "closed";
                } catch (Exception e) {
                  return e.toString();
                }
              });
      Thread.sleep(300);
      int before = server.builds();
      renameAdvisory(site);
      Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
      assertThat(reload.get(20, TimeUnit.SECONDS)).isEqualTo("event: reload");
      assertThat(server.builds()).isGreaterThan(before);
      assertThat(get(server.url().resolve("advisories/FIX-2025-0002/")).body())
          .contains("Request smuggling, renamed");
      // The zips are remade in the background; a download waits for them.
      HttpResponse<byte[]> zip =
          http.send(
              HttpRequest.newBuilder(server.url().resolve("osv/all.zip")).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(zip.statusCode()).isEqualTo(200);
      try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
        String record = "";
        for (var e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
          if (e.getName().equals("x_FIX-2025-0002.json"))
            record = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(record).contains("Request smuggling, renamed");
      }

      // A broken edit keeps the last good site and says why.
      Files.writeString(file, Files.readString(file).replace("fixed: 0.3.7", "fixed: 0.1.0"));
      awaitLog(log, "still serving the last good build");
      assertThat(log.toString()).contains("error[R002]", "still serving the last good build");
      assertThat(get(server.url().resolve("advisories/FIX-2025-0002/")).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void warmsUpOnTheUnchangedSiteWithoutPrintingOrCountingBuilds() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    try (PreviewServer server = startWithTimings(site, DECEMBER, log)) {
      awaitLog(log, "warmed up:");
      // Eight, unless a slow machine reached the time limit first.
      assertThat(log.toString()).containsPattern("warmed up: [1-8] rebuilds of the unchanged site");
      // Only the first build is one a person sees.
      assertThat(builtLines(log)).isEqualTo(1);
      assertThat(server.builds()).isEqualTo(1);

      renameAdvisory(site);
      awaitBuilds(server, 2);
      assertThat(get(server.url().resolve("advisories/FIX-2025-0002/")).body())
          .contains("Request smuggling, renamed");
      // The warm-up read every file, so the first edit's rebuild reads only what the watcher saw.
      assertThat(server.lastEdit().known()).isTrue();
      assertThat(server.lastEdit().paths())
          .contains(site.resolve("advisories/2025/FIX-2025-0002.md").toAbsolutePath().normalize());
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aWarmUpRebuildThatFindsAnEmbargoLiftedIsARealBuild() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    // The first build (on this thread) before FIX-2025-0003's embargo (2026-01-15T16:00Z); the
    // warm-up's rebuilds (on the server's background thread) after it.
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return Thread.currentThread().getName().equals("disclose-settle")
                ? Instant.parse("2026-01-15T16:01:00Z")
                : Instant.parse("2026-01-15T15:59:00Z");
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    try (PreviewServer server = startWithTimings(site, clock, log)) {
      awaitLog(log, "warmed up:");
      // Printed and counted (then, likely, the rebuild that shows its similar advisories).
      assertThat(builtLines(log)).isGreaterThanOrEqualTo(2);
      assertThat(server.builds()).isGreaterThanOrEqualTo(2);
      assertThat(get(server.url().resolve("advisories/FIX-2025-0003/")).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void closingRightAfterAnEditLeavesNoFolderBehind() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    PreviewServer server = startWithTimings(site, DECEMBER, log);
    Path folder = server.folder().getParent();
    awaitLog(log, "warmed up:");
    renameAdvisory(site);
    awaitBuilds(server, 2);
    // The edit's exports' bundles are being made in the background now; they wrote into the
    // folder after closing had deleted it, and made it again.
    server.close();
    Thread.sleep(1_000);
    assertThat(folder).doesNotExist();
    assertThat(log.toString()).doesNotContain("failed");
  }

  /**
   * {@code serve --preview}: drafts and embargoed advisories with their banners and their status as
   * it is, search engines kept out, live-reloaded, and served to this machine's own name only.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aPreviewServesDraftsAndEmbargoedAdvisoriesMarkedNotPublic() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    try (PreviewServer server =
        PreviewServer.start(
            SiteRoot.open(site, new PathDisplay(site)),
            0,
            DECEMBER,
            new PrintWriter(log, true),
            false,
            true)) {
      assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
      URI embargoed = server.url().resolve("advisories/FIX-2025-0003/");
      HttpResponse<String> page = get(embargoed);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains(
              "EMBARGOED — NOT PUBLIC until 2026-01-15T16:00:00Z",
              "<dt>Status</dt><dd>Embargoed until 2026-01-15T16:00:00Z</dd>",
              "noindex",
              "<script src=\"/__disclose/reload.js\"></script>");
      URI draft = server.url().resolve("advisories/FIX-2025-0004/");
      assertThat(get(draft).body()).contains("DRAFT — NOT PUBLIC", "<dd>Draft</dd>");
      assertThat(get(server.url().resolve("robots.txt")).body())
          .isEqualTo("User-agent: *\nDisallow: /\n");

      // An edit of the draft shows, still marked.
      Path file = site.resolve("advisories/2025/FIX-2025-0004.md");
      String title = get(draft).body().replaceAll("(?s).*<h1>([^<]*)</h1>.*", "$1");
      Files.writeString(file, Files.readString(file).replace(title, "A renamed draft"));
      await(() -> get(draft).body().contains("A renamed draft"), 20_000);
      assertThat(get(draft).body()).contains("A renamed draft", "DRAFT — NOT PUBLIC");

      // A page elsewhere whose name was rebound to 127.0.0.1 gets nothing.
      String rebound = rawGet(server.url(), "/advisories/FIX-2025-0003/", "attacker.example");
      assertThat(rebound).startsWith("HTTP/1.1 403").doesNotContain("EMBARGOED");
      assertThat(rawGet(server.url(), "/advisories/FIX-2025-0003/", "localhost"))
          .startsWith("HTTP/1.1 200")
          .contains("EMBARGOED");
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void answersGetAndHeadOnly() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site, log)) {
      URI page = server.url().resolve("advisories/FIX-2025-0001/");
      for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"}) {
        HttpResponse<String> refused =
            http.send(
                HttpRequest.newBuilder(page)
                    .method(method, HttpRequest.BodyPublishers.ofString("x"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(method).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
        assertThat(refused.body()).as(method).doesNotContain("FIX-2025-0001");
      }
      HttpResponse<String> get = get(page);
      HttpResponse<String> head =
          http.send(
              HttpRequest.newBuilder(page)
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(head.headers().firstValueAsLong("Content-Length"))
          .hasValue(get.body().getBytes(StandardCharsets.UTF_8).length);
      assertThat(get(page).statusCode()).isEqualTo(200);
    }
  }

  /**
   * DNS rebinding: a page elsewhere whose name resolves to 127.0.0.1 reads nothing, draft or not.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void answersOnlyRequestsForThisMachinesOwnName() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site, log)) {
      for (String path : new String[] {"/", "/advisories/FIX-2025-0001/", "/__disclose/events"}) {
        assertThat(rawGet(server.url(), path, "attacker.example"))
            .as(path)
            .startsWith("HTTP/1.1 403")
            .doesNotContain("FIX-2025-0001");
        assertThat(rawRequest(server.url(), path, "Host: 127.0.0.1\r\n"))
            .as(path + " on another port")
            .startsWith("HTTP/1.1 403");
        assertThat(rawRequest(server.url(), path, ""))
            .as(path + " with no Host")
            .startsWith("HTTP/1.");
      }
      assertThat(rawRequest(server.url(), "/", "")).doesNotStartWith("HTTP/1.1 200");
      for (String host : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
        assertThat(rawGet(server.url(), "/advisories/FIX-2025-0001/", host))
            .as(host)
            .startsWith("HTTP/1.1 200")
            .contains("FIX-2025-0001");
      }
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void boundsTheLiveReloadConnectionsAndFreesThoseOfClosedTabs() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site, log)) {
      List<Socket> tabs = new ArrayList<>();
      try {
        for (int i = 0; i < PreviewServer.MAX_LISTENERS; i++) {
          Socket tab = openEvents(server.url());
          tabs.add(tab);
          assertThat(readUntil(tab, ": connected")).as("tab " + i).startsWith("HTTP/1.1 200");
        }
        Socket extra = openEvents(server.url());
        tabs.add(extra);
        assertThat(readUntil(extra, "\r\n\r\n")).startsWith("HTTP/1.1 503");
        // Pages are still served.
        assertThat(get(server.url()).statusCode()).isEqualTo(200);
      } finally {
        for (Socket tab : tabs) tab.close();
      }
      // The closed tabs' slots are freed: a new tab gets its stream.
      List<String> answers = new ArrayList<>();
      await(
          () -> {
            try (Socket tab = openEvents(server.url())) {
              answers.add(readUntil(tab, "\r\n\r\n"));
              return answers.get(answers.size() - 1).startsWith("HTTP/1.1 200");
            }
          },
          30_000);
      assertThat(answers.get(answers.size() - 1)).startsWith("HTTP/1.1 200");
    }
  }

  /** An Error in a rebuild (out of memory here) is reported, and the next edit rebuilds. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void survivesAnErrorInARebuildAndRebuildsTheNextEdit() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    try (PreviewServer server = startWithTimings(site, DECEMBER, log)) {
      awaitLog(log, "warmed up:");
      URI page = server.url().resolve("advisories/FIX-2025-0002/");
      // Only the edit's rebuild, on the watcher's thread, not a warm-up one.
      server.beforeEachBuild(
          () -> {
            if (Thread.currentThread().getName().equals("disclose-watch"))
              throw new OutOfMemoryError("Java heap space");
          });
      renameAdvisory(site);
      awaitLog(log, "still serving the last good build");
      assertThat(log.toString())
          .contains(
              "the rebuild failed after the edit of advisories/2025/FIX-2025-0002.md: the build"
                  + " ran out of memory")
          .doesNotContain("OutOfMemoryError", "java.lang");
      assertThat(get(page).statusCode()).isEqualTo(200);

      server.beforeEachBuild(() -> {});
      Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
      Files.writeString(
          file, Files.readString(file).replace("Request smuggling, renamed", "Smuggling, again"));
      await(() -> get(page).body().contains("Smuggling, again"), 20_000);
      assertThat(get(page).body()).contains("Smuggling, again");
    }
  }

  /**
   * Markdown nested far deeper than the limit allows: a rebuild that fails on it (a stack overflow)
   * or refuses it keeps the last good site, and the fix after it is rebuilt.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void survivesDeeplyNestedMarkdownAndRebuildsItsFix() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site, log)) {
      URI page = server.url().resolve("advisories/FIX-2025-0002/");
      Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
      String good = Files.readString(file);
      Files.writeString(file, good + "\n" + ">".repeat(5_000) + " deep\n");
      awaitLog(log, "still serving the last good build");
      assertThat(log.toString()).doesNotContain("StackOverflowError", "java.lang");
      assertThat(get(page).statusCode()).isEqualTo(200);

      Files.writeString(
          file, good.replace("Request smuggling in the proxy", "Request smuggling, renamed"));
      await(() -> get(page).body().contains("Request smuggling, renamed"), 20_000);
      assertThat(get(page).body()).contains("Request smuggling, renamed");
    }
  }

  /** A tab's live-reload request, its response left to read. */
  private static Socket openEvents(URI server) throws IOException {
    Socket socket = new Socket(server.getHost(), server.getPort());
    socket.setSoTimeout(10_000);
    socket
        .getOutputStream()
        .write(
            ("GET "
                    + PreviewServer.EVENTS
                    + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + server.getPort()
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  /** What the socket sends until {@code end} (or until it closes). */
  private static String readUntil(Socket socket, String end) throws IOException {
    StringBuilder read = new StringBuilder();
    InputStream in = socket.getInputStream();
    int c;
    while (read.indexOf(end) < 0 && (c = in.read()) >= 0) read.append((char) c);
    return read.toString();
  }

  /**
   * A GET with {@code hostLine} ("Host: ...\r\n", or nothing) as its only header but Connection.
   */
  private static String rawRequest(URI server, String path, String hostLine) throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A GET sent as a browser would for a page of {@code host} resolved to the server's address. */
  private static String rawGet(URI server, String path, String host) throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: "
                      + host
                      + ":"
                      + server.getPort()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static PreviewServer start(Path site, StringWriter log) throws Exception {
    return PreviewServer.start(
        SiteRoot.open(site, new PathDisplay(site)), 0, DECEMBER, new PrintWriter(log, true));
  }

  private static PreviewServer startWithTimings(Path site, Clock clock, StringWriter log)
      throws Exception {
    return PreviewServer.start(
        SiteRoot.open(site, new PathDisplay(site)), 0, clock, new PrintWriter(log, true), true);
  }

  /**
   * The rebuild after an edit reads what the watcher reported; an advisory moved into a new folder
   * (the folder reported, not the file made in it) is found there all the same.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anAdvisoryMovedIntoANewFolderIsFoundThere() throws Exception {
    Path site = basicSite();
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site, log)) {
      URI page = server.url().resolve("advisories/FIX-2025-0001/");
      assertThat(get(page).body()).contains("Edit advisories/2025/FIX-2025-0001.md");
      Path archive = site.resolve("advisories/archive");
      Files.createDirectories(archive);
      Files.move(
          site.resolve("advisories/2025/FIX-2025-0001.md"), archive.resolve("FIX-2025-0001.md"));
      await(() -> get(page).body().contains("Edit advisories/archive/FIX-2025-0001.md"), 20_000);
      assertThat(get(page).body()).contains("Edit advisories/archive/FIX-2025-0001.md");
    }
  }

  /** Edits FIX-2025-0002's title to "Request smuggling, renamed". */
  private static void renameAdvisory(Path site) throws IOException {
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("Request smuggling in the proxy", "Request smuggling, renamed"));
  }

  /**
   * A condition polled for at most {@code millis}: the caller asserts what it expects afterwards.
   */
  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.holds() && System.currentTimeMillis() < deadline) Thread.sleep(20);
  }

  private static void awaitBuilds(PreviewServer server, int builds) throws Exception {
    await(() -> server.builds() >= builds, 20_000);
  }

  /** The builds printed, one line each. */
  private static long builtLines(StringWriter log) {
    return log.toString().lines().filter(l -> l.startsWith("built ")).count();
  }

  private static void awaitLog(StringWriter log, String text) throws Exception {
    await(() -> log.toString().contains(text), 30_000);
    assertThat(log.toString()).as("the log after 30 s").contains(text);
  }
}
