package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.config.SiteConfig;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.load.SealingRecipient;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteSources;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.releases.Release;
import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The check stage: a site's sources → every finding, in one run. The configuration, every advisory
 * (in parallel), then the rules that span files and the release notes. Cross-file rules always see
 * every advisory; with a selection of files, only the findings in those (and in site-config.yaml,
 * which they depend on) are reported. Reads no file: the load stage did.
 */
public final class SiteChecker {
  /** The checks whose findings depend only on the advisory and the configuration. */
  private static final List<AdvisoryCheck> TIMELESS =
      List.of(
          new IdentifierCheck(),
          new PackageCheck(),
          new RangeCheck(),
          new SeverityCheck(),
          new WeaknessCheck(),
          new LinkCheck(),
          new ContentCheck());

  /** The checks that read the clock (a date in the future is one only until it passes). */
  private static final List<AdvisoryCheck> CLOCKED =
      List.of(
          new LifecycleCheck(),
          new EmbargoLengthCheck(),
          new CvePendingCheck(),
          new EmbargoWindowCheck());

  static final List<AdvisoryCheck> CHECKS =
      Stream.concat(TIMELESS.stream(), CLOCKED.stream()).toList();

  /** The findings of the timeless checks on an advisory, made in a configuration. */
  static final Slot<Timeless, List<Diagnostic>> TIMELESS_FINDINGS = new Slot<>("timeless findings");

  /** What the timeless checks read: the advisory and the configuration. */
  record Timeless(Advisory advisory, SiteConfig config) {}

  /** The findings of a public advisory against the names held back. */
  static final Slot<Disclosures, List<Diagnostic>> DISCLOSURES =
      new Slot<>("names held back a public advisory names");

  /** What those findings read: the advisory and the names. */
  record Disclosures(Advisory advisory, EmbargoedNames held) {}

  private final Memo memo;

  public SiteChecker(Memo memo) {
    this.memo = memo;
  }

  /** Every finding in {@code sources} as of {@code now}. */
  public CheckedSite check(SiteSources sources, Instant now) {
    SiteRoot site = sources.root();
    SiteConfig config = sources.siteConfig();
    List<Diagnostic> diagnostics = new ArrayList<>(sources.config().diagnostics());
    diagnostics.addAll(sources.namedFileProblems());
    diagnostics.addAll(sources.folderProblems());
    Path shownConfig = site.display().of(site.configFile());
    for (SealingRecipient r : sources.sealingRecipients()) {
      // Judged at now: a key that expires is good until then, and refused from then on.
      r.key()
          .problemAt(now)
          .ifPresent(
              why ->
                  diagnostics.add(
                      Diagnostic.of(
                          shownConfig,
                          r.position(),
                          Rule.SEALING_KEY,
                          "`sealing.recipients` names `" + r.path() + "`: " + why)));
    }
    CheckContext context = new CheckContext(config, now, CweCatalog.bundled());
    diagnostics.addAll(
        sources.files().parallelStream().flatMap(file -> perFile(file, context).stream()).toList());
    List<Advisory> advisories = sources.advisories();
    diagnostics.addAll(CatalogCheck.check(advisories, config.idPrefix()));
    diagnostics.addAll(OutputPathCheck.check(advisories));
    diagnostics.addAll(ConfusableNameCheck.check(advisories, sources.config(), shownConfig));
    List<Release> releases = sources.releaseNotes().releases();
    Map<String, String> releaseTexts = sources.releaseNotes().texts();
    diagnostics.addAll(
        ReservedNameCheck.check(site, sources.config(), advisories, releases, releaseTexts));
    diagnostics.addAll(
        InputCollisionCheck.check(
            site,
            sources.files().stream().map(AdvisoryFile::path).toList(),
            releases,
            releaseTexts));
    // A sealed file this load could not open is held back by its ID: its lift waits for the key.
    EmbargoedNames held = EmbargoedNames.of(advisories, now, sources.sealedIds());
    diagnostics.addAll(
        sources.files().parallelStream()
            .flatMap(file -> file.advisory().stream())
            .filter(a -> EmbargoPolicy.isPublic(a, now))
            .flatMap(a -> disclosures(a, held).stream())
            .toList());
    Path configFile = site.display().of(site.configFile());
    if (sources.releaseNotesProblem().isPresent()) {
      diagnostics.add(
          Diagnostic.of(
              configFile, Position.START, Rule.UNREADABLE, sources.releaseNotesProblem().get()));
    } else {
      diagnostics.addAll(
          ReleaseCheck.check(
              site,
              advisories,
              sources.releaseNotes().releases(),
              sources.releaseNotes().texts(),
              config,
              now,
              held,
              memo));
    }
    diagnostics.addAll(
        PolicyAndNotesMarkdownCheck.check(
            site,
            config,
            sources.policy(),
            sources.releaseNotes().releases(),
            sources.releaseNotes().texts()));
    int checked = sources.files().size();
    if (sources.reported().isPresent()) {
      // Report on the selected files, and always on the configuration they depend on.
      Set<Path> shown = new HashSet<>();
      for (Path p : sources.reported().get()) shown.add(site.display().of(p));
      shown.add(configFile);
      diagnostics.removeIf(d -> !shown.contains(d.file()));
      checked = sources.reported().get().size();
    }
    return new CheckedSite(
        sources, now, diagnostics.stream().distinct().sorted().toList(), checked);
  }

  /**
   * A public advisory's findings of names held back; kept while the advisory and the names are the
   * same, which a preview rebuild mostly finds.
   */
  private List<Diagnostic> disclosures(Advisory a, EmbargoedNames held) {
    if (held.isEmpty()) return List.of();
    return memo.get(
        DISCLOSURES,
        a.source().file().toString(),
        new Disclosures(a, held),
        in -> {
          Findings findings = new Findings(a.source().file());
          DisclosureCheck.check(a, held, findings);
          return List.copyOf(findings.diagnostics());
        });
  }

  /** One file's findings: its parse's, and the checks' of its advisory. */
  private List<Diagnostic> perFile(AdvisoryFile file, CheckContext context) {
    List<Diagnostic> out = new ArrayList<>(file.diagnostics());
    file.advisory()
        .ifPresent(
            a -> {
              // The timeless checks depend only on the advisory and the configuration: kept with
              // the parse.
              out.addAll(
                  memo.get(
                      TIMELESS_FINDINGS,
                      file.path().toString(),
                      new Timeless(a, context.config()),
                      in -> {
                        Findings findings = new Findings(a.source().file());
                        for (AdvisoryCheck check : TIMELESS) check.check(a, context, findings);
                        return List.copyOf(findings.diagnostics());
                      }));
              Findings findings = new Findings(a.source().file());
              for (AdvisoryCheck check : CLOCKED) check.check(a, context, findings);
              out.addAll(findings.diagnostics());
            });
    return out;
  }
}
