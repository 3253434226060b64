package dev.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.TestSites;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A failed rebuild's errors, as the open tabs are told them, and the build that clears them. */
class PreviewBuildErrorsTest {
  static final String PAYLOAD = "<img src=x onerror=alert(1)>";

  @TempDir Path temp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A tab's event stream: each event as its name and data. */
  record Event(String name, String data) {}

  private BlockingQueue<Event> listen(URI server) {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    CompletableFuture.runAsync(
        () -> {
          try {
            HttpResponse<Stream<String>> r =
                http.send(
                    HttpRequest.newBuilder(server.resolve(PreviewServer.EVENTS)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            String[] name = {null};
            r.body()
                .forEach(
                    line -> {
                      if (line.startsWith("event: ")) name[0] = line.substring(7);
                      else if (line.startsWith("data: ") && name[0] != null)
                        events.add(new Event(name[0], line.substring(6)));
                    });
          } catch (Exception e) {
            // the server closed
          }
        });
    return events;
  }

  /** The next event named {@code name}, skipping others; a rebuild that never reports fails. */
  private static Event next(BlockingQueue<Event> events, String name) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Event e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && e.name().equals(name)) return e;
    }
    throw new AssertionError("no " + name + " event within 30 s");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aBrokenEditShowsItsErrorsInOpenTabsAndItsFixClearsThem() throws Exception {
    Path site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    String good = Files.readString(file);
    StringWriter log = new StringWriter();
    try (PreviewServer server = PreviewServerFilesTest.start(site, log)) {
      BlockingQueue<Event> tab = listen(server.url());
      Thread.sleep(300); // connected before the edit
      Files.writeString(file, good.replace("ecosystem: npm", "ecosystem: \"" + PAYLOAD + "\""));

      JsonNode report = new ObjectMapper().readTree(next(tab, "errors").data());
      assertThat(report.path("title").asText())
          .isEqualTo("The build failed validation: still serving the last good build");
      assertThat(report.path("errors")).hasSize(1);
      JsonNode error = report.path("errors").get(0);
      // What the terminal says: the file, line and column, the rule and its message.
      assertThat(error.path("where").asText()).matches(".*advisories/2025/FIX-2025-0002\\.md:7:16");
      assertThat(error.path("message").asText())
          .isEqualTo(
              "error[P001]: `"
                  + PAYLOAD
                  + "` is not an OSV ecosystem; see https://ossf.github.io/osv-schema/#defined-ecosystems");
      assertThat(log.toString())
          .contains("FIX-2025-0002.md:7:16: " + error.path("message").asText());

      // A tab opened now is shown them at once.
      BlockingQueue<Event> later = listen(server.url());
      assertThat(next(later, "errors").data()).isEqualTo(report.toString());

      Files.writeString(file, good);
      next(tab, "ok");
      next(later, "ok");
      // A new tab after the fix is shown nothing.
      BlockingQueue<Event> after = listen(server.url());
      assertThat(after.poll(1500, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aRebuildThatFailsOtherwiseShowsWhatTheTerminalSays() throws Exception {
    Path site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    StringWriter log = new StringWriter();
    try (PreviewServer server = PreviewServerFilesTest.start(site, log)) {
      BlockingQueue<Event> tab = listen(server.url());
      Thread.sleep(300);
      server.beforeEachBuild(
          () -> {
            if (Thread.currentThread().getName().equals("disclose-watch"))
              throw new OutOfMemoryError("Java heap space");
          });
      Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
      Files.writeString(
          file, Files.readString(file).replace("in the proxy", "in the proxy, renamed"));
      JsonNode report = new ObjectMapper().readTree(next(tab, "errors").data());
      assertThat(report.path("title").asText())
          .isEqualTo("The rebuild failed: still serving the last good build");
      assertThat(report.path("errors").findValuesAsText("message"))
          .contains(
              "disclose serve: the rebuild failed after the edit of"
                  + " advisories/2025/FIX-2025-0002.md: the build ran out of memory");
      server.beforeEachBuild(() -> {});
      Files.writeString(file, Files.readString(file).replace("renamed", "renamed again"));
      next(tab, "ok");
      next(tab, "reload");
    }
  }
}
