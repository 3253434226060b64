package dev.disclose.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.disclose.config.SiteConfig;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.DiagnosticSeverity;
import dev.disclose.load.Changes;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.PhaseTimings;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Progress;
import dev.disclose.pipeline.Refused;
import dev.disclose.report.DiagnosticFormat;
import dev.disclose.report.DiagnosticPrinter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code disclose serve}: builds the site into a private folder, serves it on 127.0.0.1, watches
 * the advisories, themes, configuration and policy, rebuilds on change and tells open tabs to
 * reload. A rebuild that fails validation keeps the last good site and prints the findings. Pages
 * get one extra same-origin script, allowed by the site's CSP, that listens for reloads.
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

  private final SiteRoot site;

  /** The configuration when the server started: which folders it watches. */
  private final SiteConfig config;

  private final Path out;
  private final Clock clock;
  private final PrintWriter log;
  private final HttpServer server;
  private final WatchService watcher;
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
  private final Thread watchThread;
  private volatile int builds;

  /** The builds: each one with what the previous one made, into the served folder. */
  private final PreviewSite preview;

  /**
   * Runs the warm-up rebuilds, then each rebuild that shows similar advisories computed in the
   * background.
   */
  private final ExecutorService settler =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "disclose-settle");
            t.setDaemon(true);
            return t;
          });

  /**
   * What the watcher saw change since the latest rebuild began: the rebuild after an edit reads
   * only that.
   */
  private final ChangedPaths changes = new ChangedPaths();

  /** Why a rebuild runs. */
  private enum Trigger {
    /** The first build. */
    START,
    /**
     * Warming up the JIT on the unchanged site (see {@link #warmUp}): quiet if it writes nothing.
     */
    WARM_UP,
    /** The watcher saw a change: reads only the files it reported (see {@link #rebuild}). */
    EDIT,
    /** Shows the similar advisories computed in the background. */
    SETTLE
  }

  /** Whether each build's phases are printed after its line ({@code serve --timings}). */
  private final boolean timings;

  private PreviewServer(
      SiteRoot site, Path out, int port, Clock clock, PrintWriter log, boolean timings)
      throws IOException, SiteException {
    this.site = site;
    this.preview = new PreviewSite(out, true);
    this.config = Pipeline.oneOff().config(site);
    this.timings = timings;
    this.out = out;
    this.clock = clock;
    this.log = log;
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
    this.watcher = FileSystems.getDefault().newWatchService();
    this.watchThread = new Thread(this::watch, "disclose-watch");
    this.watchThread.setDaemon(true);
    preview
        .served()
        .listener(
            new ServedFolder.Listener() {
              @Override
              public void bundlesWritten(int files, int written, long millis) {
                if (timings)
                  say(
                      String.format(
                          Locale.ROOT,
                          "exports' bundles made: %d files (%d written) in %.2f s",
                          files,
                          written,
                          millis / 1000.0));
              }

              @Override
              public void bundlesFailed(String message) {
                say(
                    "disclose serve: making the exports' zips and VEX documents failed: "
                        + message
                        + "; still serving the previous ones");
              }
            });
    preview
        .memo()
        .listener(
            new PreviewMemo.Listener() {
              @Override
              public void ready(Memo.Slot<?, ?> slot, long millis) {
                if (timings)
                  say(
                      String.format(
                          Locale.ROOT, "%s computed in %.2f s", slot.name(), millis / 1000.0));
                try {
                  settler.execute(PreviewServer.this::settle);
                } catch (RejectedExecutionException closing) {
                  // closed meanwhile: nothing to show them to
                }
              }

              @Override
              public void failed(Memo.Slot<?, ?> slot, String message) {
                say(
                    "disclose serve: computing "
                        + slot.name()
                        + " failed: "
                        + message
                        + "; the next rebuild tries again");
              }
            });
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
    Path out = Files.createTempDirectory("disclose-serve-").resolve("site");
    PreviewServer preview = new PreviewServer(site, out, port, clock, log, timings);
    preview.rebuild(Trigger.START);
    // The root only for site-config.yaml; the content folders with everything below them.
    site.root()
        .register(
            preview.watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
    for (Path p : watched(site, preview.config)) preview.register(p);
    // What changed between the first build and the watching went unseen.
    preview.changes.unknown();
    preview.server.start();
    preview.watchThread.start();
    preview.settler.execute(preview::warmUp);
    return preview;
  }

  /** The folder the site is built into and served from (tests). */
  Path folder() {
    return out;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** A line of the background work's, never inside a build's lines. */
  private void say(String line) {
    synchronized (log) {
      log.println(line);
      log.flush();
    }
  }

  /**
   * How many builds were printed (warm-up rebuilds that found nothing to write are not); tests wait
   * on it.
   */
  public int builds() {
    return builds;
  }

  private static List<Path> watched(SiteRoot site, SiteConfig config) {
    Path root = site.root();
    // The conventional folders, and wherever site-config.yaml puts the theme and the policy page.
    Stream<Path> configured =
        Stream.concat(
            config.theme().map(root::resolve).stream(),
            config.policy().map(p -> root.resolve(p).getParent()).stream());
    return Stream.concat(
            Stream.of(
                root.resolve("advisories"),
                root.resolve("themes"),
                root.resolve("docs"),
                root.resolve("releases")),
            Stream.concat(configured, releaseNotes(site, config)))
        .map(Path::normalize)
        .filter(p -> p.startsWith(root) && !p.equals(root))
        .filter(Files::isDirectory)
        .distinct()
        .toList();
  }

  private void register(Path dir) throws IOException {
    Path advisories = site.root().resolve("advisories").toAbsolutePath().normalize();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path d : walk.filter(Files::isDirectory).toList()) {
        // Under advisories/, the watcher's reports are trusted (see rebuild) only while it
        // watches every folder a walk lists files of, each under its own name: not a skipped
        // folder, nor a linked one (reported under the link's name, which a walk does not follow).
        boolean inAdvisories = d.toAbsolutePath().normalize().startsWith(advisories);
        if (d.startsWith(out.getParent())
            || d.getFileName().toString().startsWith(".")
            || d.getFileName().toString().equals("_site")
            || d.getFileName().toString().equals("target")) {
          if (inAdvisories) changes.distrust();
          continue;
        }
        if (inAdvisories && Files.isSymbolicLink(d)) changes.distrust();
        WatchKey key =
            d.register(
                watcher,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        watchedFolders.add(d.toAbsolutePath().normalize());
        // A folder renamed while watched keeps its watch under its old name: its events would name
        // files that are not there.
        if (!key.watchable().equals(d)) changes.distrust();
      }
    }
  }

  /** The folders watched, by the name they were registered under. */
  private final Set<Path> watchedFolders = ConcurrentHashMap.newKeySet();

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        edited = true;
        // Let a burst of saves settle into one rebuild.
        Thread.sleep(150);
        boolean relevant = false;
        do {
          for (var event : key.pollEvents()) {
            Path dir = (Path) key.watchable();
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
              changes.unknown(); // events were lost
              relevant = true;
              continue;
            }
            Path changed = event.context() instanceof Path p ? dir.resolve(p) : dir;
            changes.changed(changed);
            // A watched folder deleted or renamed: a watch made again under its new name would
            // report under the old one.
            if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE
                && watchedFolders.contains(changed.toAbsolutePath().normalize())) {
              changes.distrust();
            }
            if (isRelevant(changed)) relevant = true;
            if (Files.isDirectory(changed) && isRelevant(changed)) {
              register(changed);
              changes.unknown(); // what was made in it before it was watched went unreported
            }
          }
          if (!key.reset()) changes.unknown(); // a watched folder went away
        } while ((key = watcher.poll(100, TimeUnit.MILLISECONDS)) != null);
        if (relevant) rebuildQuietly(Trigger.EDIT);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    } catch (IOException e) {
      log.println("disclose serve: stopped watching: " + e.getMessage());
      log.flush();
    }
  }

  /** The folders of the release notes site-config.yaml declares (a changelog's own folder). */
  private static Stream<Path> releaseNotes(SiteRoot site, SiteConfig config) {
    Path root = site.root();
    return config.packages().stream()
        .flatMap(p -> p.releaseNotes().stream())
        .flatMap(
            r -> {
              if (r instanceof SiteConfig.ReleaseNotesSource.Folder f)
                return Stream.of(root.resolve(f.path()));
              if (r instanceof SiteConfig.ReleaseNotesSource.Changelog c)
                return Stream.of(root.resolve(c.path()).getParent());
              return Stream.empty();
            });
  }

  private boolean isRelevant(Path changed) {
    Path rel = site.root().relativize(changed);
    String first = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
    if (first.equals("advisories")
        || first.equals("themes")
        || first.equals("docs")
        || first.equals("releases")
        || rel.toString().equals("site-config.yaml")) {
      return true;
    }
    // A policy page or theme folder elsewhere in the site (SECURITY.md at the root, say).
    Path absolute = changed.normalize();
    return releaseNotes(site, config).map(Path::normalize).anyMatch(absolute::startsWith)
        || config
            .policy()
            .map(p -> site.root().resolve(p).normalize())
            .filter(absolute::equals)
            .isPresent()
        || config
            .theme()
            .map(t -> site.root().resolve(t).normalize())
            .filter(absolute::startsWith)
            .isPresent();
  }

  /**
   * Rebuilds, reloads the tabs if a file changed, and reports a failure; returns whether the build
   * succeeded. Warming up, a failure is not reported if the watcher saw an edit meanwhile (its
   * rebuild follows and reports).
   */
  private boolean rebuildQuietly(Trigger trigger) {
    boolean warmingUp = trigger == Trigger.WARM_UP;
    if (closed) return false;
    try {
      // Nothing to see if no file changed (a settle that left every similar list as it was).
      if (rebuild(trigger)) notifyReload();
      return true;
    } catch (SiteException | RuntimeException e) {
      // Never let a failed rebuild end the watch: the next save must rebuild again.
      if (!(warmingUp && edited)) reportFailed(e);
      return false;
    }
  }

  /** Says that a rebuild failed, and that the last good build is still served. */
  private void reportFailed(Exception e) {
    if (closed) return; // stopped under way by closing
    synchronized (log) {
      if (e instanceof SiteException) {
        log.println("disclose serve: " + e.getMessage());
        log.println("disclose serve: still serving the last good build");
      } else {
        log.println(
            "disclose serve: the rebuild failed: " + e + "; still serving the last good build");
      }
      log.flush();
    }
  }

  /** Tells open tabs to reload. */
  private void notifyReload() {
    for (OutputStream listener : listeners) {
      try {
        listener.write("event: reload\ndata: 1\n\n".getBytes(StandardCharsets.UTF_8));
        listener.flush();
      } catch (IOException e) {
        listeners.remove(listener);
      }
    }
  }

  /**
   * The rebuild after similar advisories were computed in the background, unless a rebuild since
   * showed them already.
   */
  private void settle() {
    synchronized (this) {
      if (!preview.memo().settled()) return;
      rebuildQuietly(Trigger.SETTLE);
    }
  }

  /** Set at the first change the watcher sees: warming up gives way to the edit's rebuild. */
  private volatile boolean edited;

  /** Set when closing: no rebuild starts after it. */
  private volatile boolean closed;

  /** At most this many warm-up rebuilds, and no more once they took this long. */
  private static final int WARM_UP_REBUILDS = 8;

  private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(15);

  /**
   * Rebuilds of the unchanged site while the server waits for its first edit. They find nothing to
   * write and print nothing, but leave the code a rebuild runs compiled by the JIT: the first
   * edit's rebuild then takes the time of the tenth, not twice it (10,000 advisories: about 1.0,
   * 0.6, 0.58, 0.56, 0.51 s for the first five, 0.45 s once warm). A person edits seconds after
   * starting; the first change they make stops the warming, and waits for at most the rebuild under
   * way. A rebuild that does find something (an embargo lifted meanwhile) is a real one.
   */
  private void warmUp() {
    long start = System.nanoTime();
    int rebuilds = 0;
    while (rebuilds < WARM_UP_REBUILDS && System.nanoTime() - start < WARM_UP_NANOS) {
      synchronized (this) {
        if (edited || closed || !rebuildQuietly(Trigger.WARM_UP)) return;
      }
      rebuilds++;
    }
    if (timings)
      say(
          String.format(
              Locale.ROOT,
              "warmed up: %d rebuilds of the unchanged site in %.2f s",
              rebuilds,
              (System.nanoTime() - start) / 1e9));
  }

  /**
   * Returns whether a file changed. Warming up, a build that writes nothing is neither printed nor
   * counted, nor is one refused.
   *
   * <p>The rebuild after an edit reads only the files the watcher reported changed (inotify and its
   * kind report every change on a local disk, and say when they lost some); every other rebuild
   * looks at every file, so a change the watcher missed shows at the latest with the next of those.
   * A rebuild that fails before it has read the site leaves the next one to look at every file too.
   */
  private synchronized boolean rebuild(Trigger trigger) throws SiteException {
    boolean quietIfUnchanged = trigger == Trigger.WARM_UP;
    long start = System.nanoTime();
    PhaseTimings phases = timings ? new PhaseTimings(Progress.NONE) : null;
    Changes seen = changes.take();
    Pipeline.Built r;
    try {
      r =
          preview.rebuild(
              site,
              trigger == Trigger.EDIT ? seen : Changes.UNKNOWN,
              clock.instant(),
              phases != null ? phases : Progress.NONE);
    } catch (Refused refused) {
      changes.unknown(); // the watcher's reports this build took are not in the memo
      if (quietIfUnchanged)
        return false; // a file saved mid-warm-up: the watcher's rebuild reports it
      // The errors that stop the build, not every warning of a large site (disclose validate lists
      // those).
      List<Diagnostic> errors =
          refused.checked().diagnostics().stream()
              .filter(d -> d.severity() == DiagnosticSeverity.ERROR)
              .toList();
      new DiagnosticPrinter(Path.of("").toAbsolutePath(), site.root())
          .print(errors, refused.checked().filesChecked(), DiagnosticFormat.TEXT, log);
      log.println("disclose serve: still serving the last good build; fix the errors above");
      log.flush();
      return false;
    } catch (SiteException | RuntimeException | Error e) {
      changes.unknown();
      throw e;
    }
    if (quietIfUnchanged && preview.written() == 0) return false;
    builds++;
    synchronized (log) { // not split by the background bundles' line
      log.println(
          String.format(
              Locale.ROOT,
              "built %d advisories: %d pages (%d rendered, %d files written) in %.2f s",
              r.advisories(),
              r.pages(),
              r.rendered(),
              preview.written(),
              (System.nanoTime() - start) / 1e9));
      if (phases != null) phases.print(log);
      log.flush();
    }
    return preview.written() > 0;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
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
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        listeners.add(body);
        try {
          while (listeners.contains(body)) Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
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
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    listeners.clear();
    try {
      watcher.close();
    } catch (IOException e) {
      // closing anyway
    }
    watchThread.interrupt();
    try {
      // Whatever rebuild is under way ends before the folder it writes into is deleted: the
      // watcher's, a warm-up or settling one, then the exports' bundles (written after the
      // deletion, they made the folder again).
      watchThread.join(30_000);
      settler.shutdown();
      if (!settler.awaitTermination(30, TimeUnit.SECONDS)) settler.shutdownNow();
      preview.close(30_000);
    } catch (InterruptedException e) {
      settler.shutdownNow();
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
