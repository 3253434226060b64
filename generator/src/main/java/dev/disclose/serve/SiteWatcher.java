package dev.disclose.serve;

import dev.disclose.config.SiteConfig;
import dev.disclose.load.SiteRoot;
import dev.disclose.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the site's sources for the preview server: the advisories, themes, docs and release
 * notes, site-config.yaml, and wherever site-config.yaml puts the theme, the policy page and the
 * release notes. Each change goes into {@link ChangedPaths}; once a burst of saves settles, the
 * {@link Listener} hears whether any of it was to the sources.
 */
final class SiteWatcher {
  /** Told what the watcher saw. */
  interface Listener {
    /** A change was seen; its rebuild follows once the burst of saves settles. */
    void changeSeen();

    /** A burst of changes settled, and some of it was to the site's sources. */
    void sourcesChanged();
  }

  private final SiteRoot site;

  /** The configuration when the server started: which folders it watches. */
  private final SiteConfig config;

  /** The served folder, never watched. */
  private final Path out;

  private final ChangedPaths changes;
  private final PrintWriter log;
  private final Listener listener;
  private final WatchService watcher;
  private final Thread watchThread;

  /** The folders watched, by the name they were registered under. */
  private final Set<Path> watchedFolders = ConcurrentHashMap.newKeySet();

  SiteWatcher(
      SiteRoot site,
      SiteConfig config,
      Path out,
      ChangedPaths changes,
      PrintWriter log,
      Listener listener)
      throws IOException {
    this.site = site;
    this.config = config;
    this.out = out;
    this.changes = changes;
    this.log = log;
    this.listener = listener;
    this.watcher = FileSystems.getDefault().newWatchService();
    this.watchThread = new Thread(this::watch, "disclose-watch");
    this.watchThread.setDaemon(true);
  }

  /**
   * Registers the site's folders with the watcher; what changes from now on is recorded once {@link
   * #start} runs.
   */
  void registerSite() throws IOException {
    // The root only for site-config.yaml; the content folders with everything below them.
    site.root()
        .register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
    for (Path p : watched(site, config)) register(p);
    // What changed between the first build and the watching went unseen.
    changes.unknown();
  }

  void start() {
    watchThread.start();
  }

  /** Stops watching; the thread ends soon after ({@link #join}). */
  void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      // closing anyway
    }
    watchThread.interrupt();
  }

  /** Waits at most {@code millis} for the rebuild the watcher started, if one is under way. */
  void join(long millis) throws InterruptedException {
    watchThread.join(millis);
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
        // Under advisories/, the watcher's reports are trusted (see Rebuilder) only while it
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

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        listener.changeSeen();
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
        if (relevant) listener.sourcesChanged();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    } catch (IOException e) {
      log.println("disclose serve: stopped watching: " + TerminalText.visible(e.getMessage()));
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
}
