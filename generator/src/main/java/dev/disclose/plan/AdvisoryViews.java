package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.Status;
import dev.disclose.advisory.Timestamp;
import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.config.SiteConfig;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.plan.Views.AdvisoryView;
import dev.disclose.plan.Views.LinkView;
import dev.disclose.releases.ExternalReleaseNotes;
import dev.disclose.releases.Release;
import dev.disclose.severity.CvssBreakdown;
import dev.disclose.severity.CvssScore;
import dev.disclose.text.Urls;
import dev.disclose.urls.SitePaths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One advisory's page as the site shows it: its view, a function of the advisory and of {@link
 * Context}, what the rest of the site contributes to it. What lists, search and feeds show of the
 * advisory is made of this view: its row ({@link Views.RowView}), its search document ({@link
 * SearchDocs}) and its feed item ({@link FeedItems}).
 */
final class AdvisoryViews {
  /**
   * What an advisory's view shows of the rest of the site: the configuration, the release notes its
   * fixed versions link to, every public advisory's ID and title (links and similar advisories name
   * them), and the preview's time.
   */
  record Context(
      SiteConfig config,
      List<Release> releases,
      Map<String, String> titles,
      Optional<Instant> previewAt) {}

  /** A package's release, for lookups. */
  private record ReleaseKey(String ecosystem, String name, String version) {}

  private final Context context;
  private final String base;
  private final Map<ReleaseKey, Release> releases = new HashMap<>();
  private final ExternalReleaseNotes externalNotes;

  AdvisoryViews(Context context) {
    this.context = context;
    this.base = context.config().baseUrl();
    this.externalNotes = ExternalReleaseNotes.of(context.config());
    for (Release r : context.releases())
      releases.putIfAbsent(new ReleaseKey(r.ecosystem(), r.packageName(), r.version()), r);
  }

  Context context() {
    return context;
  }

  /** Whether the site holds notes of this release, so a fixed version links to its page. */
  boolean holdsRelease(String ecosystem, String name, String version) {
    return releases.containsKey(new ReleaseKey(ecosystem, name, version));
  }

  /** The releases the site holds notes of, each once, in the order they were read. */
  List<Release> heldReleases() {
    Map<ReleaseKey, Release> ordered = new LinkedHashMap<>();
    for (Release r : context.releases())
      ordered.putIfAbsent(new ReleaseKey(r.ecosystem(), r.packageName(), r.version()), r);
    return List.copyOf(ordered.values());
  }

  /**
   * The view of an advisory's page; {@code details}: its details as HTML, {@code similar}: the IDs
   * of its similar advisories.
   */
  AdvisoryView view(
      Advisory a, Optional<Instant> lastCommit, SafeHtml details, List<String> similar) {
    String path = SitePaths.advisory(a.id());
    Optional<Timestamp> modified = a.effectiveModified(lastCommit);
    SiteConfig config = context.config();
    String editUrl = config.editUrl(a.source().relativePath()).orElse("");
    List<Views.AffectedView> affected = a.affected().stream().map(this::affected).toList();
    String packages =
        a.affected().stream()
            .map(p -> p.packageName() + " (" + p.ecosystem() + ")")
            .distinct()
            .collect(Collectors.joining(", "));
    return new AdvisoryView(
        a.id(),
        a.title(),
        PageDescription.of(a.title(), a.details()),
        path,
        base + path,
        status(a),
        a.withdrawn().isPresent(),
        a.withdrawn().map(w -> w.date().date().toString()).orElse(""),
        a.withdrawn().map(w -> w.reason()).orElse(""),
        a.informational().map(i -> capitalize(i.spelling())).orElse(""),
        a.effectivePublished().map(t -> t.date().toString()).orElse(""),
        modified
            .filter(m -> !m.equals(a.effectivePublished().orElse(null)))
            .map(t -> t.date().toString())
            .orElse(""),
        severity(a.severity()),
        a.aliases().stream().map(this::link).toList(),
        a.related().stream().map(this::link).toList(),
        a.upstream().stream().map(this::link).toList(),
        affected,
        packages,
        a.cwes().stream().map(AdvisoryViews::cwe).toList(),
        a.keywords(),
        a.references().stream()
            .map(
                r ->
                    new Views.ReferenceView(
                        capitalize(r.type().name().toLowerCase(Locale.ROOT)), r.url()))
            .toList(),
        a.credits().stream()
            .map(
                c ->
                    new Views.CreditView(
                        c.name(),
                        c.type()
                            .map(
                                t ->
                                    capitalize(t.name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                            .orElse(""),
                        c.contact()))
            .toList(),
        timeline(a),
        details,
        // Another database's record is not in the site's OSV export (OsvFormat): no link.
        AdvisoryId.isOtherDatabase(a.id(), config.idPrefix())
            ? ""
            : SitePaths.osvJson(
                AdvisoryId.osvId(a.id(), config.idPrefix(), config.osvPrefixRegistered())),
        editUrl,
        a.source().relativePath(),
        similar.stream()
            .filter(context.titles()::containsKey)
            .map(id -> new Views.SimilarView(id, context.titles().get(id), SitePaths.advisory(id)))
            .toList(),
        banner(a),
        a.importedFrom().map(from -> new Views.ImportedView(from.database(), link(from.id()))));
  }

  private Views.AffectedView affected(Affected p) {
    List<String> fixed = FixAdvice.fixedVersions(p);
    List<LinkView> fixedLinks =
        fixed.stream().map(v -> fixedLink(p.ecosystem(), p.packageName(), v)).toList();
    return new Views.AffectedView(
        p.ecosystem(),
        p.packageName(),
        SitePaths.packagePage(p.ecosystem(), p.packageName()),
        p.purl().or(() -> Ecosystems.purlFor(p.ecosystem(), p.packageName())).orElse(""),
        p.ranges().stream().map(RangeText::describe).toList(),
        fixed,
        fixedLinks,
        p.versions(),
        List.copyOf(p.functions().keySet()),
        p.os(),
        p.arch(),
        FixAdvice.advice(p),
        FixAdvice.fixedIn(p),
        FixAdvice.affected(p),
        fixedLinks.stream().filter(LinkView::hasHref).toList());
  }

  /**
   * Where a fixed version's release notes are: its page on this site, the project's URL, or
   * nowhere.
   */
  private LinkView fixedLink(String ecosystem, String name, String version) {
    if (holdsRelease(ecosystem, name, version)) {
      return new LinkView(version, SitePaths.release(ecosystem, name, version), true);
    }
    return externalNotes
        .url(ecosystem, name, version)
        .filter(Urls::isHttpUrl)
        .map(u -> new LinkView(version, u, false))
        .orElse(LinkView.plain(version));
  }

  /** In a preview, what an advisory that is not public is: the banner its page carries. */
  private String banner(Advisory a) {
    if (!hiddenInPreview(a)) return "";
    if (a.status() == Status.DRAFT) return "DRAFT — NOT PUBLIC";
    return "EMBARGOED — NOT PUBLIC" + a.embargo().map(e -> " until " + e.instant()).orElse("");
  }

  /**
   * The status its page states; in a preview, a draft or embargoed advisory's as it is, so that the
   * page never says "Published" under its banner.
   */
  private String status(Advisory a) {
    if (hiddenInPreview(a)) {
      if (a.status() == Status.DRAFT) return "Draft";
      return "Embargoed" + a.embargo().map(e -> " until " + e.instant()).orElse("");
    }
    return a.withdrawn().isPresent() ? "Withdrawn" : "Published";
  }

  /** Whether this is a preview and the advisory one that is not public at its time. */
  private boolean hiddenInPreview(Advisory a) {
    return context.previewAt().isPresent() && !EmbargoPolicy.isPublic(a, context.previewAt().get());
  }

  private static Views.SeverityView severity(Severity s) {
    List<Views.VectorView> vectors = new ArrayList<>();
    Views.SeverityView primary = null;
    for (String v :
        List.of(s.cvssV4(), s.cvssV3(), s.cvssV2()).stream().flatMap(Optional::stream).toList()) {
      CvssScore score;
      try {
        score = CvssScore.of(v);
      } catch (IllegalArgumentException e) {
        continue; // validation refused the build already; nothing sensible to show
      }
      if (primary == null) {
        primary =
            new Views.SeverityView(
                score.level().spelling(),
                score.level().label(),
                score.formattedScore(),
                "CVSS " + score.versionLabel(),
                v,
                CvssBreakdown.of(v),
                List.of());
      } else {
        vectors.add(
            new Views.VectorView(
                "CVSS " + score.versionLabel(), v, score.formattedScore(), score.level().label()));
      }
    }
    if (primary != null) {
      return new Views.SeverityView(
          primary.level(),
          primary.label(),
          primary.score(),
          primary.version(),
          primary.vector(),
          primary.metrics(),
          vectors);
    }
    return s.level()
        .map(l -> new Views.SeverityView(l.spelling(), l.label(), "", "", "", List.of(), List.of()))
        .orElse(new Views.SeverityView("", "", "", "", "", List.of(), List.of()));
  }

  // Compiled once: String.matches compiles its pattern on every call, for every alias of every
  // advisory.
  private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final Pattern OSV_ID = Pattern.compile("[A-Za-z0-9._:-]+");

  private LinkView link(String id) {
    if (context.titles().containsKey(id)) return new LinkView(id, SitePaths.advisory(id), true);
    if (CVE_ID.matcher(id).matches())
      return new LinkView(id, "https://www.cve.org/CVERecord?id=" + id, false);
    if (id.startsWith("GHSA-"))
      return new LinkView(id, "https://github.com/advisories/" + id, false);
    if (OSV_ID.matcher(id).matches())
      return new LinkView(id, "https://osv.dev/vulnerability/" + id, false);
    return LinkView.plain(id);
  }

  private static Views.CweView cwe(String id) {
    OptionalInt number = CweCatalog.number(id);
    String name = "";
    String href = "";
    if (number.isPresent()) {
      name = CweCatalog.bundled().name(number.getAsInt()).orElse("");
      // The digits as written, so that CWE-079 links to 079.html as its ID reads.
      href = "https://cwe.mitre.org/data/definitions/" + id.substring(4) + ".html";
    }
    return new Views.CweView(id, name, href);
  }

  private static List<Views.StepView> timeline(Advisory a) {
    List<Views.StepView> steps = new ArrayList<>();
    Optional<Timestamp> reported = a.timeline().reported();
    add(steps, "Reported", reported, reported);
    add(steps, "Acknowledged", a.timeline().acknowledged(), reported);
    add(steps, "Assessed", a.timeline().assessed(), reported);
    add(steps, "Fixed", a.timeline().fixed(), reported);
    add(steps, "Disclosed", a.timeline().disclosed(), reported);
    return steps;
  }

  private static void add(
      List<Views.StepView> steps,
      String label,
      Optional<Timestamp> when,
      Optional<Timestamp> reported) {
    when.ifPresent(
        t -> {
          String days =
              reported
                  .filter(r -> r != t)
                  .map(
                      r -> {
                        long d = ChronoUnit.DAYS.between(r.date(), t.date());
                        return d == 1 ? "1 day after the report" : d + " days after the report";
                      })
                  .orElse("");
          steps.add(new Views.StepView(label, t.date().toString(), days));
        });
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
