package dev.disclose.load;

import dev.disclose.concurrent.Threads;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A digest of what a public build of a site is made of: site-config.yaml and every file it names
 * (the policy page, the holiday calendar, the sealing keys, the release notes, the theme), and the
 * public advisories' files with their commit times, which date them. Advisories that are not public
 * are left out, as every output leaves them out: the digest is as public as the site. Files are
 * hashed, not parsed, so that a scheduled job learns in moments whether anything changed since the
 * deployed build.
 */
public final class SourceDigest {
  private final Path root;

  /** One {@code sha256sum}-like line per file, by path, the advisories' apart. */
  private final Map<String, String> others;

  private final Map<String, String> advisories;
  private final String theme;

  private SourceDigest(
      Path root, Map<String, String> others, Map<String, String> advisories, String theme) {
    this.root = root;
    this.others = others;
    this.advisories = advisories;
    this.theme = theme;
  }

  /**
   * The digest of {@code site}, configured by {@code config}, whose public advisories are the files
   * {@code publicAdvisories} (absolute paths under advisories/), dated by {@code commits}; {@code
   * hashed}: the SHA-256 of those already read, which are not read again.
   */
  public static SourceDigest read(
      SiteRoot site,
      SiteConfig config,
      Collection<Path> publicAdvisories,
      Map<Path, String> hashed,
      LastCommitTimes commits)
      throws SiteException {
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
    for (String n : named) {
      Path file = root.resolve(n).normalize();
      if (file.startsWith(root)) files.putIfAbsent(relative(root, file), file);
    }
    try {
      for (String f : folders) {
        Path folder = root.resolve(f).normalize();
        if (!folder.startsWith(root) || !Files.isDirectory(folder)) continue;
        try (Stream<Path> walk = Files.walk(folder)) {
          walk.filter(Files::isRegularFile).forEach(p -> files.putIfAbsent(relative(root, p), p));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new SiteException(
          "cannot list the release notes in " + root + ": " + e.getMessage(), e);
    }
    Map<String, String> others = new TreeMap<>();
    Map<String, String> advisories;
    try {
      files.forEach((rel, file) -> others.put(rel, hashOf(file) + "  " + rel + "\n"));
      advisories =
          publicAdvisories.parallelStream()
              .distinct()
              .collect(
                  Collectors.toConcurrentMap(
                      p -> relative(root, p),
                      p -> {
                        String rel = relative(root, p);
                        String dated =
                            commits.all(rel).stream()
                                .map(Instant::toString)
                                .collect(Collectors.joining(" "));
                        String hash = hashed.get(p);
                        return (hash != null ? hash : hashOf(p))
                            + "  "
                            + rel
                            + "\n"
                            + "commits "
                            + dated
                            + "\n";
                      }));
    } catch (UncheckedIOException e) {
      throw new SiteException(
          "cannot read the site's files in "
              + site.display().of(root)
              + ": "
              + e.getCause().getMessage(),
          e.getCause());
    }
    Optional<Path> folder = config.theme().map(t -> root.resolve(t).normalize());
    String theme;
    try {
      theme = "theme " + Theme.read(folder, root).digest() + "\n";
    } catch (IOException e) {
      throw new SiteException(
          "cannot read the theme " + config.theme().orElse("") + ": " + e.getMessage(), e);
    }
    return new SourceDigest(root, others, new TreeMap<>(advisories), theme);
  }

  /** The digest: lowercase hex SHA-256. */
  public String hex() {
    return without(Set.of());
  }

  /**
   * The digest as if the advisory files {@code excluded} were not public: what a build made before
   * their embargoes lifted stated.
   */
  public String without(Collection<Path> excluded) {
    Set<String> out = new HashSet<>();
    for (Path p : excluded) out.add(relative(root, p));
    MessageDigest all = digest();
    for (String line : others.values()) all.update(line.getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, String> a : advisories.entrySet()) {
      if (!out.contains(a.getKey())) all.update(a.getValue().getBytes(StandardCharsets.UTF_8));
    }
    all.update(theme.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(all.digest());
  }

  /** A digest being made on a thread of its own. */
  public static final class Pending {
    private final FutureTask<SourceDigest> task;

    private Pending(FutureTask<SourceDigest> task) {
      this.task = task;
    }

    /** The digest, once made. */
    public SourceDigest get() throws SiteException {
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
   * {@link #read}, on a thread of its own: a build reads its files again while it renders, instead
   * of before.
   */
  public static Pending ahead(
      SiteRoot site,
      SiteConfig config,
      Collection<Path> publicAdvisories,
      LastCommitTimes commits) {
    return new Pending(
        Threads.alongside(
            "disclose-source-digest",
            () -> read(site, config, publicAdvisories, Map.of(), commits)));
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
