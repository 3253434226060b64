package dev.disclose.load;

import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfig.ReleaseNotesSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * A digest of everything a build of a site reads from the site: site-config.yaml, every file it
 * names (the policy page, the holiday calendar, the sealing keys, the release notes, the theme),
 * every advisory file, and the git commit that last touched advisories/, whose history dates them.
 * Files are hashed, not parsed, so that a scheduled job learns in moments whether anything changed
 * since the deployed build.
 */
public final class SourceDigest {
  private SourceDigest() {}

  /** A digest being made on a thread of its own. */
  public static final class Pending {
    private final FutureTask<String> task;

    private Pending(FutureTask<String> task) {
      this.task = task;
    }

    /** The digest, once made. */
    public String get() throws SiteException {
      try {
        return task.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof SiteException s) throw s;
        if (e.getCause() instanceof RuntimeException r) throw r;
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SiteException("interrupted while hashing the site's files", e);
      }
    }
  }

  /**
   * The digest of {@code site}, made on a thread of its own: a build reads its files again while it
   * renders, instead of before.
   */
  public static Pending ahead(SiteRoot site, SiteConfig config) {
    FutureTask<String> task = new FutureTask<>(() -> of(site, config));
    Thread t = new Thread(task, "disclose-source-digest");
    t.setDaemon(true);
    t.start();
    return new Pending(task);
  }

  /** The digest of {@code site}, configured by {@code config}: lowercase hex SHA-256. */
  public static String of(SiteRoot site, SiteConfig config) throws SiteException {
    Path root = site.root();
    Map<String, Path> files = new TreeMap<>();
    files.put(relative(root, site.configFile()), site.configFile());
    List<String> named = new ArrayList<>();
    config.policy().ifPresent(named::add);
    config.responseTargets().calendar().holidaysFile().ifPresent(named::add);
    named.addAll(config.sealingRecipients());
    List<String> folders = new ArrayList<>();
    for (SiteConfig.PublishedPackage p : config.packages()) {
      Optional<ReleaseNotesSource> notes = p.releaseNotes();
      if (notes.isEmpty()) continue;
      if (notes.get() instanceof ReleaseNotesSource.Changelog c) named.add(c.path());
      if (notes.get() instanceof ReleaseNotesSource.Folder f) folders.add(f.path());
    }
    for (String n : named) add(files, root, root.resolve(n).normalize());
    try {
      for (String f : folders) {
        Path folder = root.resolve(f).normalize();
        if (!folder.startsWith(root) || !Files.isDirectory(folder)) continue;
        try (Stream<Path> walk = Files.walk(folder)) {
          walk.filter(Files::isRegularFile).forEach(p -> add(files, root, p));
        }
      }
      AdvisoryReader reader = new AdvisoryReader(root, site.display());
      for (Path p : reader.walk(site.advisoriesDir(), new ArrayList<>())) add(files, root, p);
    } catch (IOException | UncheckedIOException e) {
      throw new SiteException("cannot list the site's files in " + root + ": " + e.getMessage(), e);
    }
    List<String> lines;
    try {
      lines =
          files.entrySet().parallelStream()
              .map(e -> hashOf(e.getValue()) + "  " + e.getKey() + "\n")
              .toList();
    } catch (UncheckedIOException e) {
      throw new SiteException(
          "cannot read " + site.display().of(root) + "'s files: " + e.getCause().getMessage(),
          e.getCause());
    }
    StringBuilder all = new StringBuilder();
    lines.forEach(all::append);
    Optional<Path> theme = config.theme().map(t -> root.resolve(t).normalize());
    try {
      all.append("theme ").append(Theme.read(theme, root).digest()).append('\n');
    } catch (IOException e) {
      throw new SiteException(
          "cannot read the theme " + config.theme().orElse("") + ": " + e.getMessage(), e);
    }
    all.append("git ").append(lastCommit(root)).append('\n');
    return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The commit that last touched advisories/, with whether the clone is shallow: a rewritten
   * history re-dates advisories without changing a byte of them.
   */
  private static String lastCommit(Path root) {
    try {
      String head =
          Git.run(root, "log", "-1", "--format=%H", "--", SiteRoot.ADVISORIES_DIR)
              .map(String::strip)
              .orElse("");
      if (head.isEmpty()) return "none";
      return head + (LastCommitTimes.isShallow(root) ? " shallow" : "");
    } catch (IOException e) {
      return "none"; // no git here
    }
  }

  private static void add(Map<String, Path> files, Path root, Path file) {
    if (file.startsWith(root)) files.putIfAbsent(relative(root, file), file);
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** The file's SHA-256, or {@code missing} for a file that is not there. */
  private static String hashOf(Path file) {
    try {
      return sha256(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return "missing";
    } catch (IOException e) {
      if (!Files.exists(file)) return "missing";
      throw new UncheckedIOException(e);
    }
  }

  /** Lowercase hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** A new SHA-256 digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
