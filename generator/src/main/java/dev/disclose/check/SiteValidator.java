package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.load.AdvisoryFiles;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a site: its configuration, every advisory file (in parallel), then the rules that
 * span files. Cross-file rules always see every advisory; with a selection of paths, only the
 * findings in those files are reported (a PR check can pass the files it changed).
 */
public final class SiteValidator {
  /** The checks whose findings depend only on the advisory and the configuration. */
  private static final List<AdvisoryCheck> TIMELESS = List.of(
      new IdentifierCheck(), new PackageCheck(), new RangeCheck(),
      new SeverityCheck(), new WeaknessCheck(), new LinkCheck(), new ContentCheck());

  /** The checks that read the clock (a date in the future is one only until it passes). */
  private static final List<AdvisoryCheck> CLOCKED = List.of(new LifecycleCheck());

  static final List<AdvisoryCheck> CHECKS = java.util.stream.Stream.concat(TIMELESS.stream(), CLOCKED.stream()).toList();

  /**
   * The findings, sorted by file and position, and what was checked: the advisories, and the
   * release notes (none if they could not be read, which is an error).
   */
  public record Report(List<Diagnostic> diagnostics, int filesChecked, List<Advisory> advisories,
      List<dev.disclose.releases.Release> releases) {
    public Report {
      diagnostics = List.copyOf(diagnostics);
      advisories = List.copyOf(advisories);
      releases = List.copyOf(releases);
    }

    public long errors() {
      return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
      return diagnostics.size() - errors();
    }
  }

  private SiteValidator() {}

  /**
   * Validates {@code site} as of {@code now}. {@code selection} lists files or folders to report
   * on; empty means the whole site.
   */
  public static Report validate(SiteRoot site, Instant now, Collection<Path> selection) throws SiteException {
    AdvisoryFiles files = site.files();
    List<Diagnostic> diagnostics = new ArrayList<>(site.config().diagnostics());
    diagnostics.addAll(ConfigFilesCheck.check(site));
    List<Path> discovered;
    try {
      discovered = files.discover(diagnostics);
    } catch (IOException e) {
      throw new SiteException("cannot list " + site.advisoriesDir() + ": " + e.getMessage(), e);
    }
    Set<Path> all = new LinkedHashSet<>(discovered);
    Set<Path> selected = new LinkedHashSet<>();
    Path configFile = site.root().resolve(dev.disclose.config.SiteConfigLoader.FILE_NAME);
    for (Path p : selection) {
      Path absolute = p.toAbsolutePath().normalize();
      if (absolute.equals(configFile)) continue; // always checked
      if (!files.isInsideAdvisories(absolute)) {
        throw new SiteException(site.display().of(absolute) + " is not inside " + site.display().of(site.advisoriesDir())
            + "; validate checks the advisories of the site (and its site-config.yaml, always)");
      }
      if (Files.isDirectory(absolute)) {
        try {
          selected.addAll(files.discover(absolute, new ArrayList<>()));
        } catch (IOException e) {
          throw new SiteException("cannot list " + p + ": " + e.getMessage(), e);
        }
      } else if (Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        selected.add(absolute);
      } else {
        throw new SiteException("no such file: " + p);
      }
    }
    all.addAll(selected);
    List<Path> toRead = all.stream().sorted().toList();
    // The release notes do not depend on the advisories: read on a thread of their own while the
    // advisories are parsed (0.2-0.4 s of one core on a site with a thousand releases).
    java.util.concurrent.FutureTask<List<dev.disclose.releases.Release>> releaseNotes = new java.util.concurrent.FutureTask<>(
        () -> dev.disclose.releases.ReleaseNotesReader.read(site));
    Thread reader = new Thread(releaseNotes, "disclose-release-notes");
    reader.setDaemon(true);
    reader.start();
    AdvisoryFiles.Loaded loaded = files.read(toRead);
    CheckContext context = new CheckContext(site.config().config(), now, CweCatalog.bundled());

    // The checks but the one that reads the clock depend only on the advisory and the
    // configuration: the preview server keeps their findings with the parse of the file.
    Object timeless = files.sameContext(context.config());
    List<Diagnostic> perFile = loaded.files().parallelStream().flatMap(result -> {
      List<Diagnostic> out = new ArrayList<>(result.diagnostics());
      result.advisory().ifPresent(a -> {
        out.addAll(files.checked(result, timeless, () -> {
          Findings findings = new Findings(a.source().file());
          for (AdvisoryCheck check : TIMELESS) check.check(a, context, findings);
          return findings.diagnostics();
        }));
        Findings findings = new Findings(a.source().file());
        for (AdvisoryCheck check : CLOCKED) check.check(a, context, findings);
        out.addAll(findings.diagnostics());
      });
      return out.stream();
    }).toList();
    diagnostics.addAll(perFile);
    diagnostics.addAll(CatalogCheck.check(loaded.advisories(), context.config().idPrefix()));
    List<dev.disclose.releases.Release> releases = List.of();
    try {
      releases = releaseNotes.get();
      diagnostics.addAll(ReleaseCheck.check(site.root(), site.display(), loaded.advisories(), releases, context.config(), now));
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof SiteException unreadable) {
        diagnostics.add(Diagnostic.of(site.display().of(configFile), dev.disclose.yaml.Position.START, Rule.UNREADABLE,
            unreadable.getMessage()));
      } else if (e.getCause() instanceof RuntimeException r) {
        throw r;
      } else {
        throw new IllegalStateException(e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SiteException("interrupted while reading the release notes", e);
    }

    if (!selection.isEmpty()) {
      // Report on the selected files, and always on the configuration they depend on.
      Set<Path> shown = new java.util.HashSet<>();
      for (Path p : selected) shown.add(site.display().of(p));
      shown.add(site.display().of(configFile));
      diagnostics.removeIf(d -> !shown.contains(d.file()));
    }
    List<Diagnostic> sorted = diagnostics.stream().distinct().sorted().toList();
    int checked = selection.isEmpty() ? toRead.size() : selected.size();
    return new Report(sorted, checked, loaded.advisories(), releases);
  }
}
