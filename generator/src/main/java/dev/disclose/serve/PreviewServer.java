package dev.disclose.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.plan.PlanRequest;
import dev.disclose.sealing.SealingKey;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * {@code disclose serve}: builds the site into a private folder, serves it on 127.0.0.1, watches
 * the advisories, themes, configuration and policy, rebuilds on change and tells open tabs to
 * reload. A rebuild that fails validation keeps the last good site and prints the findings. Pages
 * get one extra same-origin script, allowed by the site's CSP, that listens for reloads.
 *
 * <p>This class serves the folder and ties the parts together: {@link SiteWatcher} watches the
 * site, {@link Rebuilder} runs the rebuilds, {@link PreviewLog} says how each went.
 */
public final class PreviewServer implements Closeable {
  static final String RELOAD_JS = "/__disclose/reload.js";
  static final String EVENTS = "/__disclose/events";
  private static final String SCRIPT =
      """
      // Disclose preview: reload when the site is rebuilt.
      new EventSource("/__disclose/events").addEventListener("reload", () => location.reload());
      """;
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
          "image/svg+xml");

  /** The folder the site is built into and served from. */
  private final Path out;

  private final HttpServer server;

  /** At most this many live-reload streams at once, each holding one of the server's threads. */
  static final int MAX_LISTENERS = 32;

  private final Semaphore listenerSlots = new Semaphore(MAX_LISTENERS);

  /** The open tabs' event streams, each told to reload after a rebuild that changed a file. */
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();

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
    this.rebuilder = new Rebuilder(site, preview, changes, clock, lines, this::notifyReload);
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

  /** Runs {@code hook} first in every rebuild from now on (tests make one fail with it). */
  void beforeEachBuild(Runnable hook) {
    rebuilder.beforeEachBuild(hook);
  }

  /** Tells open tabs to reload. */
  private void notifyReload() {
    for (OutputStream listener : listeners) {
      try {
        synchronized (listener) {
          listener.write("event: reload\ndata: 1\n\n".getBytes(StandardCharsets.UTF_8));
          listener.flush();
        }
      } catch (IOException e) {
        listeners.remove(listener);
      }
    }
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
        send(
            exchange,
            200,
            "text/javascript; charset=utf-8",
            SCRIPT.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals(EVENTS)) {
        events(exchange);
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
      int status = 200;
      if (file == null || !Files.isRegularFile(file)) {
        file = out.resolve("404.html");
        status = 404;
      }
      byte[] bytes = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
      if (ext.equals("html")) {
        String html =
            new String(bytes, StandardCharsets.UTF_8)
                .replace("</body>", "<script src=\"" + RELOAD_JS + "\"></script>\n</body>");
        bytes = html.getBytes(StandardCharsets.UTF_8);
      }
      send(exchange, status, TYPES.getOrDefault(ext, "application/octet-stream"), bytes);
    }
  }

  /**
   * An open tab's live-reload stream, held until the tab goes away; beyond {@link #MAX_LISTENERS}
   * at once, a 503, since each one holds a thread.
   */
  private void events(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    if (!listenerSlots.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", "5");
      send(
          exchange,
          503,
          "text/plain; charset=utf-8",
          ("disclose serve keeps at most "
                  + MAX_LISTENERS
                  + " live-reload connections open; close some tabs\n")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    OutputStream body = exchange.getResponseBody();
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
      body.flush();
      listeners.add(body);
      // A comment every second finds a tab that went away (the write fails) and frees its slot.
      while (listeners.contains(body)) {
        Thread.sleep(1000);
        synchronized (body) {
          body.write(":\n\n".getBytes(StandardCharsets.UTF_8));
          body.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException gone) {
      // the tab was closed
    } finally {
      listeners.remove(body);
      listenerSlots.release();
    }
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

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (exchange.getRequestMethod().equals("HEAD")) {
      // The length a GET would get, and no body.
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    rebuilder.stop();
    server.stop(0);
    listeners.clear();
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
