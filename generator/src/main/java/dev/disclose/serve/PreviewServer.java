package dev.disclose.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.Changes;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.plan.PlanRequest;
import dev.disclose.sealing.SealingKey;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * {@code disclose serve}: builds the site into a private folder, serves it on 127.0.0.1, watches
 * the advisories, themes, configuration and policy, rebuilds on change and tells open tabs to
 * reload. A rebuild that fails validation keeps the last good site, prints the findings and shows
 * them over the open tab. Pages get one extra same-origin script, allowed by the site's CSP, that
 * listens for reloads and errors.
 *
 * <p>This class serves the folder and ties the parts together: {@link SiteWatcher} watches the
 * site, {@link Rebuilder} runs the rebuilds, {@link PreviewLog} says how each went, {@link
 * OpenTabs} tells the open tabs.
 */
public final class PreviewServer implements Closeable {
  static final String RELOAD_JS = OpenTabs.SCRIPT_PATH;
  static final String EVENTS = OpenTabs.EVENTS_PATH;

  /** The folder the site is built into and served from. */
  private final Path out;

  private final HttpServer server;

  /** At most this many live-reload streams at once, each holding one of the server's threads. */
  static final int MAX_LISTENERS = OpenTabs.MAX_LISTENERS;

  /** The open tabs, told to reload after a rebuild and shown a failed one's errors. */
  private final OpenTabs tabs = new OpenTabs();

  /** The builds: each one with what the previous one made, into the served folder. */
  private final PreviewSite preview;

  private final Rebuilder rebuilder;
  private final SiteWatcher watcher;

  private PreviewServer(
      SiteRoot site,
      Path out,
      int port,
      Clock clock,
      PrintWriter log,
      boolean timings,
      boolean drafts,
      Optional<SealingKey> sealingKey)
      throws IOException, SiteException {
    this.preview =
        new PreviewSite(
            out,
            true,
            drafts ? new PlanRequest(Optional.empty(), true) : PlanRequest.PUBLIC,
            sealingKey);
    SiteConfig config = Pipeline.oneOff().config(site);
    this.out = out;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    this.server.createContext("/", this::handle);
    this.server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "disclose-serve");
              t.setDaemon(true);
              return t;
            }));
    PreviewLog lines = new PreviewLog(log, site, timings);
    preview.served().listener(lines);
    ChangedPaths changes = new ChangedPaths();
    this.rebuilder = new Rebuilder(site, preview, changes, clock, lines, tabs);
    this.watcher = new SiteWatcher(site, config, out, changes, log, rebuilder);
  }

  /** Builds, starts serving and watching. {@code port} 0 picks a free one. */
  public static PreviewServer start(SiteRoot site, int port, Clock clock, PrintWriter log)
      throws IOException, SiteException {
    return start(site, port, clock, log, false);
  }

  /**
   * As {@link #start(SiteRoot, int, Clock, PrintWriter)}; {@code timings}: each build's phases
   * after its line.
   */
  public static PreviewServer start(
      SiteRoot site, int port, Clock clock, PrintWriter log, boolean timings)
      throws IOException, SiteException {
    return start(site, port, clock, log, timings, false, Optional.empty());
  }

  /** As {@link #start(SiteRoot, int, Clock, PrintWriter, boolean)}, a preview if {@code drafts}. */
  public static PreviewServer start(
      SiteRoot site, int port, Clock clock, PrintWriter log, boolean timings, boolean drafts)
      throws IOException, SiteException {
    return start(site, port, clock, log, timings, drafts, Optional.empty());
  }

  /**
   * As {@link #start(SiteRoot, int, Clock, PrintWriter, boolean)}; {@code drafts}: a preview,
   * drafts and embargoed advisories included with their NOT PUBLIC banners, as {@code build
   * --preview} makes it; {@code sealingKey}: the key sealed advisories are opened with, if there is
   * one. It is served on the loopback address only, as every site this server serves.
   */
  public static PreviewServer start(
      SiteRoot site,
      int port,
      Clock clock,
      PrintWriter log,
      boolean timings,
      boolean drafts,
      Optional<SealingKey> sealingKey)
      throws IOException, SiteException {
    // A private folder (0700) that no other user can read drafts from.
    Path out = Files.createTempDirectory("disclose-serve-").resolve("site");
    PreviewServer preview =
        new PreviewServer(site, out, port, clock, log, timings, drafts, sealingKey);
    preview.rebuilder.first();
    preview.watcher.registerSite();
    preview.server.start();
    preview.watcher.start();
    preview.rebuilder.startWarmUp();
    return preview;
  }

  /** The folder the site is built into and served from (tests). */
  Path folder() {
    return out;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /**
   * How many builds were printed (warm-up rebuilds that found nothing to write are not); tests wait
   * on it.
   */
  public int builds() {
    return rebuilder.builds();
  }

  /** What the latest edit's rebuild was told changed (tests). */
  Changes lastEdit() {
    return rebuilder.lastEdit();
  }

  /** Runs {@code hook} first in every rebuild from now on (tests make one fail with it). */
  void beforeEachBuild(Runnable hook) {
    rebuilder.beforeEachBuild(hook);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      // Every site is checked, not only a preview: a public build's pages are still the user's
      // local work, and the live-reload stream holds a thread.
      if (!addressedToLoopback(exchange)) {
        send(
            exchange,
            403,
            "text/plain; charset=utf-8",
            ("disclose serve answers requests for http://127.0.0.1:"
                    + port()
                    + "/ or http://localhost:"
                    + port()
                    + "/ only\n")
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(
            exchange,
            405,
            "text/plain; charset=utf-8",
            "disclose serve answers GET and HEAD only\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals(RELOAD_JS)) {
        send(exchange, 200, MediaTypes.of("reload.js"), OpenTabs.SCRIPT);
        return;
      }
      if (path.equals(EVENTS)) {
        tabs.stream(exchange);
        return;
      }
      // The zips and VEX documents are remade in the background after each build: a download
      // waits for them rather than getting last build's.
      if (path.startsWith("/osv/") || path.startsWith("/cyclonedx/")) {
        try {
          preview.served().awaitBundles(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      Path file = resolve(path);
      if (file != null && Files.isRegularFile(file)) {
        send(exchange, 200, file);
        return;
      }
      // A browser asks for /favicon.ico whatever a page links: a bare 404, not a page.
      if (path.equals("/favicon.ico")) {
        send(exchange, 404, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      send(exchange, 404, out.resolve("404.html"));
    }
  }

  /**
   * {@code file} with {@code status}, as its type; a page with the reload script, and the 404 page
   * with its links at the preview's root.
   */
  private void send(HttpExchange exchange, int status, Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String type = MediaTypes.of(file.getFileName().toString());
    if (type.startsWith("text/html")) {
      String html = new String(bytes, StandardCharsets.UTF_8);
      if (status == 404) html = PreviewPages.notFoundAtRoot(html, preview.basePath());
      bytes = PreviewPages.withReloadScript(html).getBytes(StandardCharsets.UTF_8);
    }
    send(exchange, status, type, bytes);
  }

  private int port() {
    return server.getAddress().getPort();
  }

  /**
   * Whether the request names this machine as its host: a web page elsewhere that rebinds its own
   * name to 127.0.0.1 sends that name, and must not read the drafts.
   */
  private boolean addressedToLoopback(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null) return false;
    int port = port();
    String h = host.strip().toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1:" + port)
        || h.equals("localhost:" + port)
        || h.equals("[::1]:" + port);
  }

  /** The file for a URL path, never outside the served folder. */
  private Path resolve(String urlPath) {
    String decoded = URI.create("x:" + urlPath.replace(" ", "%20")).getSchemeSpecificPart();
    Path file = out.resolve(decoded.replaceFirst("^/+", "")).normalize();
    if (!file.startsWith(out)) return null;
    return Files.isDirectory(file) ? file.resolve("index.html") : file;
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (exchange.getRequestMethod().equals("HEAD")) {
      // The length a GET would get, and no body.
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    // -1: no body at all; 0 would mean a chunked body of unknown length.
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    rebuilder.stop();
    server.stop(0);
    tabs.close();
    watcher.close();
    try {
      // Whatever rebuild is under way ends before the folder it writes into is deleted: the
      // watcher's, a warm-up or settling one, then the exports' bundles (written after the
      // deletion, they would make the folder again).
      watcher.join(30_000);
      rebuilder.awaitStopped(30);
      preview.close(30_000);
    } catch (InterruptedException e) {
      rebuilder.stopNow();
      Thread.currentThread().interrupt();
    }
    try {
      if (Files.exists(out.getParent())) deleteTree(out.getParent());
    } catch (IOException e) {
      // a temporary folder; the OS cleans it eventually
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
