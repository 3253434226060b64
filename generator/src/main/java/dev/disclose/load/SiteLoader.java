package dev.disclose.load;

import dev.disclose.concurrent.Threads;
import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.load.ReleaseNotesReader.ReleaseNotes;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The load stage: a site root → its {@link SiteSources}: the configuration, every advisory file
 * read and parsed (in parallel, in path order whatever the scheduling), the release notes, the
 * policy page, and for a build git's commit times and the theme.
 *
 * <p>With a memo that remembers, a file is parsed again only when it changed (see {@link
 * SourceFiles}), and advisories/ is walked again only when the file watcher cannot say what changed
 * or the previous walk met problems.
 */
public final class SiteLoader {
  static final Slot<Changes, Listing> LISTING = new Slot<>("advisory files listed");

  /** The advisory files a walk found, and the problems it met. */
  record Listing(List<Path> files, List<Diagnostic> problems) {
    Listing {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  private final Memo memo;
  private final SourceFiles sourceFiles;

  /** {@code formatNames}: the output formats there are, which site-config.yaml may choose among. */
  public SiteLoader(Memo memo, List<String> formatNames) {
    this.memo = memo;
    this.sourceFiles = new SourceFiles(memo, formatNames);
  }

  public SiteSources load(LoadRequest request) throws SiteException {
    SiteRoot site = request.root();
    Changes changes = request.changes();
    List<Diagnostic> namedFileProblems = new ArrayList<>();
    SiteConfigLoader.Loaded config =
        NamedFiles.holidays(site, sourceFiles.config(site, changes), namedFileProblems);
    namedFileProblems.addAll(NamedFiles.problems(site, config));
    Optional<String> policy = NamedFiles.policy(site, config, namedFileProblems);
    List<SealingRecipient> recipients =
        NamedFiles.sealingRecipients(site, config, namedFileProblems);
    AdvisoryReader reader;
    try {
      reader = new AdvisoryReader(site.root(), site.display(), request.sealingKey());
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
        Threads.alongside(
            "disclose-release-notes",
            () ->
                ReleaseNotesReader.read(
                    site.root(), config.config(), sourceFiles::releaseNotesText));
    List<AdvisoryFile> files =
        toRead.parallelStream().map(f -> sourceFiles.advisory(reader, f, changes)).toList();
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
        build,
        recipients,
        policy);
  }

  /** The site's configuration alone. */
  public SiteConfigLoader.Loaded config(SiteRoot site) throws SiteException {
    return sourceFiles.config(site, Changes.UNKNOWN);
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

  /** What a build reads besides the advisories. */
  private static BuildSources buildSources(SiteRoot site, SiteConfig config) {
    Optional<Path> themeFolder = config.theme().map(t -> site.root().resolve(t).normalize());
    Theme theme = new Theme(themeFolder, "");
    Optional<SiteException> problem = Optional.empty();
    try {
      theme = Theme.read(themeFolder, site.root());
    } catch (IOException e) {
      problem =
          Optional.of(
              new SiteException(
                  "cannot read the theme " + config.theme().orElse("") + ": " + e.getMessage(), e));
    }
    return new BuildSources(LastCommitTimes.read(site.root()), theme, problem);
  }

  /** A folder that could not be listed, carried out of a memo's function. */
  private static final class Unlisted extends RuntimeException {
    Unlisted(IOException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
