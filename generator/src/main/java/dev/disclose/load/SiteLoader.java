package dev.disclose.load;

import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.load.ReleaseNotesReader.ReleaseNotes;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * The load stage: a site root → its {@link SiteSources}: the configuration, every advisory file
 * read and parsed (in parallel, in path order whatever the scheduling), the release notes, and for
 * a build git's commit times, the policy page and the theme.
 *
 * <p>With a memo that remembers, a file is parsed again only when it changed: not looked at if the
 * file watcher vouches for it, not read while its {@link FileVersion} is the same, not parsed while
 * its bytes are.
 */
public final class SiteLoader {
  static final Slot<Path, SourceFile<SiteConfigLoader.Loaded>> CONFIG = new Slot<>("configuration");
  static final Slot<Path, SourceFile<AdvisoryFile>> ADVISORY = new Slot<>("advisory file");
  static final Slot<Path, SourceFile<ReleaseNotesReader.Parsed<?>>> RELEASE_NOTES =
      new Slot<>("release notes file");
  static final Slot<Changes, Listing> LISTING = new Slot<>("advisory files listed");

  /** The advisory files a walk found, and the problems it met. */
  record Listing(List<Path> files, List<Diagnostic> problems) {
    Listing {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  private final Memo memo;
  private final List<String> formatNames;

  /** {@code formatNames}: the output formats there are, which site-config.yaml may choose among. */
  public SiteLoader(Memo memo, List<String> formatNames) {
    this.memo = memo;
    this.formatNames = List.copyOf(formatNames);
  }

  public SiteSources load(LoadRequest request) throws SiteException {
    SiteRoot site = request.root();
    Changes changes = request.changes();
    SiteConfigLoader.Loaded config = config(site, changes);
    List<Diagnostic> namedFileProblems = namedFileProblems(site, config);
    AdvisoryReader reader;
    try {
      reader = new AdvisoryReader(site.root(), site.display());
    } catch (IOException e) {
      throw new SiteException(
          "cannot read the site root " + site.root() + ": " + e.getMessage(), e);
    }
    List<Diagnostic> folderProblems = new ArrayList<>();
    Set<Path> all = new LinkedHashSet<>(discover(reader, site, changes, folderProblems));
    Optional<Set<Path>> reported = Optional.empty();
    if (!request.selection().isEmpty()) {
      Set<Path> selected = selected(reader, site, request.selection());
      all.addAll(selected);
      reported = Optional.of(selected);
    }
    List<Path> toRead = all.stream().sorted().toList();
    // The release notes do not depend on the advisories: read on a thread of their own while the
    // advisories are parsed.
    FutureTask<ReleaseNotes> releaseNotes =
        new FutureTask<>(
            () -> ReleaseNotesReader.read(site.root(), config.config(), this::releaseNotesText));
    Thread notesReader = new Thread(releaseNotes, "disclose-release-notes");
    notesReader.setDaemon(true);
    notesReader.start();
    List<AdvisoryFile> files =
        toRead.parallelStream().map(f -> advisory(reader, f, changes)).toList();
    ReleaseNotes notes = ReleaseNotes.NONE;
    Optional<String> notesProblem = Optional.empty();
    try {
      notes = releaseNotes.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SiteException unreadable)
        notesProblem = Optional.of(unreadable.getMessage());
      else if (e.getCause() instanceof RuntimeException r) throw r;
      else throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SiteException("interrupted while reading the release notes", e);
    }
    Optional<BuildSources> build =
        request.forBuild() ? Optional.of(buildSources(site, config.config())) : Optional.empty();
    return new SiteSources(
        site,
        config,
        files,
        reported,
        folderProblems,
        namedFileProblems,
        notes,
        notesProblem,
        build);
  }

  /** The site's configuration alone. */
  public SiteConfigLoader.Loaded config(SiteRoot site) throws SiteException {
    return config(site, Changes.UNKNOWN);
  }

  /** site-config.yaml, parsed again only when it changed. */
  private SiteConfigLoader.Loaded config(SiteRoot site, Changes changes) throws SiteException {
    Path file = site.configFile();
    Path shown = site.display().of(file);
    try {
      return memo.update(
              CONFIG,
              file.toString(),
              file,
              (f, previous) -> {
                Look<SiteConfigLoader.Loaded> look = look(f, changes, previous);
                if (look.unchanged() != null) return look.unchanged();
                try {
                  return parsed(
                      SiteRoot.bytes(f, shown),
                      look.version(),
                      previous,
                      bytes -> configOf(bytes, shown, formatNames));
                } catch (SiteException e) {
                  throw new Unreadable(e);
                }
              })
          .parse();
    } catch (Unreadable e) {
      throw e.problem;
    }
  }

  private static SiteConfigLoader.Loaded configOf(
      byte[] bytes, Path shown, List<String> formatNames) {
    if (StrictUtf8.decode(bytes) instanceof StrictUtf8.Decoded.Invalid invalid) {
      return new SiteConfigLoader.Loaded(
          SiteConfigLoader.parse("", shown, formatNames).config(),
          List.of(
              Diagnostic.of(
                  shown,
                  invalid.position(),
                  Rule.INVALID_UTF8,
                  "the file is not valid UTF-8; re-save it as UTF-8")),
          Map.of());
    }
    return SiteConfigLoader.parse(
        ((StrictUtf8.Decoded.Text) StrictUtf8.decode(bytes)).text(), shown, formatNames);
  }

  /**
   * F009 for site-config.yaml: the policy page and the theme folder it names exist inside the site.
   */
  private static List<Diagnostic> namedFileProblems(SiteRoot site, SiteConfigLoader.Loaded loaded) {
    List<Diagnostic> out = new ArrayList<>();
    SiteConfig config = loaded.config();
    Path shown = site.display().of(site.configFile());
    config
        .policy()
        .ifPresent(
            p ->
                namedFileProblem(site, p, false)
                    .ifPresent(
                        why ->
                            out.add(
                                Diagnostic.of(
                                    shown,
                                    loaded.valuePosition("policy"),
                                    Rule.UNREADABLE,
                                    "`policy` names `" + p + "`, " + why))));
    config
        .theme()
        .ifPresent(
            t ->
                namedFileProblem(site, t, true)
                    .ifPresent(
                        why ->
                            out.add(
                                Diagnostic.of(
                                    shown,
                                    loaded.valuePosition("theme"),
                                    Rule.UNREADABLE,
                                    "`theme` names `" + t + "`, " + why))));
    return out;
  }

  private static Optional<String> namedFileProblem(SiteRoot site, String relative, boolean folder) {
    Path path = site.root().resolve(relative).normalize();
    try {
      if (!SiteRoot.isInside(site.root(), path))
        return Optional.of("which is outside the site; name a path inside it");
    } catch (IOException e) {
      return Optional.of("which cannot be read (" + e.getMessage() + ")");
    }
    if (folder ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
      return Optional.of("which does not exist; create it or fix the path");
    }
    return Optional.empty();
  }

  /**
   * The advisory files under advisories/. When the file watcher says which files changed, the
   * previous listing is updated with them instead of walking the folders again; a walk that met
   * problems (a link leading out, a folder it could not read) is made again, since only a walk can
   * tell whether they are gone.
   */
  private List<Path> discover(
      AdvisoryReader reader, SiteRoot site, Changes changes, List<Diagnostic> problems)
      throws SiteException {
    Path dir = site.advisoriesDir();
    try {
      Listing listing =
          memo.update(
              LISTING,
              dir.toString(),
              changes,
              (seen, previous) -> {
                List<Path> updated =
                    previous
                        .filter(p -> p.problems().isEmpty() && seen.known())
                        .map(p -> AdvisoryReader.updated(p.files(), seen.paths(), dir))
                        .orElse(null);
                if (updated != null) return new Listing(updated, List.of());
                List<Diagnostic> found = new ArrayList<>();
                try {
                  return new Listing(reader.walk(dir, found), found);
                } catch (IOException e) {
                  throw new Unlisted(e);
                }
              });
      problems.addAll(listing.problems());
      return listing.files();
    } catch (Unlisted e) {
      throw new SiteException(
          "cannot list " + dir + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The advisory files a selection of files and folders names, all under advisories/. */
  private static Set<Path> selected(AdvisoryReader reader, SiteRoot site, List<Path> selection)
      throws SiteException {
    Set<Path> selected = new LinkedHashSet<>();
    for (Path p : selection) {
      Path absolute = p.toAbsolutePath().normalize();
      if (absolute.equals(site.configFile())) continue; // always checked
      if (!reader.isInsideAdvisories(absolute)) {
        throw new SiteException(
            site.display().of(absolute)
                + " is not inside "
                + site.display().of(site.advisoriesDir())
                + "; validate checks the advisories of the site (and its site-config.yaml, always)");
      }
      if (Files.isDirectory(absolute)) {
        try {
          selected.addAll(reader.walk(absolute, new ArrayList<>()));
        } catch (IOException e) {
          throw new SiteException("cannot list " + p + ": " + e.getMessage(), e);
        }
      } else if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        selected.add(absolute);
      } else {
        throw new SiteException("no such file: " + p);
      }
    }
    return selected;
  }

  /** One advisory file, parsed again only when it changed. */
  private AdvisoryFile advisory(AdvisoryReader reader, Path file, Changes changes) {
    return memo.update(
            ADVISORY,
            file.toString(),
            file,
            (f, previous) -> {
              Look<AdvisoryFile> look = look(f, changes, previous);
              if (look.unchanged() != null) return look.unchanged();
              AdvisoryReader.Read read = reader.readBytes(f);
              // A file that could not be read is kept without version or bytes: it is read again.
              if (read instanceof AdvisoryReader.Read.Failed failed)
                return new SourceFile<>(null, null, failed.file());
              return parsed(
                  ((AdvisoryReader.Read.Bytes) read).bytes(),
                  look.version(),
                  previous,
                  bytes -> reader.parse(f, bytes));
            })
        .parse();
  }

  /**
   * A file of release notes, parsed again only when it changed (release notes have no watcher of
   * their own).
   */
  @SuppressWarnings("unchecked")
  private <T> ReleaseNotesReader.Parsed<T> releaseNotesText(
      Path file, Path shown, String key, Function<String, T> parse) throws SiteException {
    try {
      return (ReleaseNotesReader.Parsed<T>)
          memo.update(
                  RELEASE_NOTES,
                  key,
                  file,
                  (f, previous) -> {
                    Look<ReleaseNotesReader.Parsed<?>> look = look(f, Changes.UNKNOWN, previous);
                    if (look.unchanged() != null) return look.unchanged();
                    try {
                      return parsed(
                          SiteRoot.bytes(f, shown),
                          look.version(),
                          previous,
                          bytes -> {
                            String text;
                            try {
                              text = SiteRoot.text(bytes, shown);
                            } catch (SiteException e) {
                              throw new Unreadable(e);
                            }
                            return new ReleaseNotesReader.Parsed<>(text, parse.apply(text));
                          });
                    } catch (SiteException e) {
                      throw new Unreadable(e);
                    }
                  })
              .parse();
    } catch (Unreadable e) {
      throw e.problem;
    }
  }

  /**
   * What looking at a file tells without reading it: the previous read, if the file is unchanged
   * since; its version now.
   */
  private record Look<T>(SourceFile<T> unchanged, FileVersion version) {}

  /**
   * The previous read of {@code file} if the watcher vouches for the file, or its version is the
   * same; else its version now. A memo that keeps nothing looks at nothing.
   */
  private <T> Look<T> look(Path file, Changes changes, Optional<SourceFile<T>> previous) {
    SourceFile<T> before = previous.orElse(null);
    if (before != null && before.version() != null && changes.unchanged(file))
      return new Look<>(before, before.version());
    FileVersion version = memo.remembers() ? FileVersion.of(file) : null;
    if (before != null && version != null && version.equals(before.version()))
      return new Look<>(before, version);
    return new Look<>(null, version);
  }

  /**
   * The previous parse if made of the same bytes (now of {@code version}), else {@code parse} of
   * them.
   */
  private static <T> SourceFile<T> parsed(
      byte[] bytes,
      FileVersion version,
      Optional<SourceFile<T>> previous,
      Function<byte[], T> parse) {
    if (previous.isPresent() && Arrays.equals(previous.get().bytes(), bytes))
      return previous.get().withVersion(version);
    return new SourceFile<>(version, bytes, parse.apply(bytes));
  }

  /** What a build reads besides the advisories. */
  private static BuildSources buildSources(SiteRoot site, SiteConfig config) {
    Optional<String> policy = Optional.empty();
    Optional<SiteException> problem = Optional.empty();
    try {
      policy = policy(site, config);
    } catch (SiteException e) {
      problem = Optional.of(e);
    }
    Optional<Path> themeFolder = config.theme().map(t -> site.root().resolve(t).normalize());
    Theme theme = new Theme(themeFolder, "");
    try {
      theme = Theme.read(themeFolder);
    } catch (IOException e) {
      if (problem.isEmpty()) {
        problem =
            Optional.of(
                new SiteException(
                    "cannot read the theme " + config.theme().orElse("") + ": " + e.getMessage(),
                    e));
      }
    }
    return new BuildSources(LastCommitTimes.read(site.root()), policy, theme, problem);
  }

  /**
   * The security policy page's Markdown, from the file site-config.yaml names (inside the site).
   */
  private static Optional<String> policy(SiteRoot site, SiteConfig config) throws SiteException {
    if (config.policy().isEmpty()) return Optional.empty();
    Path file = site.root().resolve(config.policy().get()).normalize();
    try {
      if (!SiteRoot.isInside(site.root(), file)) {
        throw new SiteException(
            "`policy` in site-config.yaml must name a file inside the site: "
                + config.policy().get());
      }
    } catch (IOException e) {
      throw new SiteException(
          "cannot read the policy page " + config.policy().get() + ": " + e.getMessage(), e);
    }
    return Optional.of(SiteRoot.readText(file, config.policy().get()));
  }

  /** A file that could not be read, carried out of a memo's function. */
  private static final class Unreadable extends RuntimeException {
    final SiteException problem;

    Unreadable(SiteException problem) {
      super(problem.getMessage(), problem, false, false);
      this.problem = problem;
    }
  }

  /** A folder that could not be listed, carried out of a memo's function. */
  private static final class Unlisted extends RuntimeException {
    Unlisted(IOException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
