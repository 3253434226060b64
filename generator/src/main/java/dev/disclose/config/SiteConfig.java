package dev.disclose.config;

import dev.disclose.advisory.SeverityLevel;
import dev.disclose.urls.SiteUrls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code site-config.yaml}: what the site is called, where it lives, whose advisories it holds. The
 * one place defaults are applied is {@link SiteConfigLoader}; {@code baseUrl} always ends in {@code
 * /}, whatever the file says; {@code formats} names the output formats the site publishes (every
 * one, unless the file chooses); {@code redactLogs} says whether what CI prints (annotations, the
 * job summary) leaves out the text of advisories that are not public, as a public repository's logs
 * need; {@code sealingRecipients} the public key files, relative to the site root, that {@code
 * disclose seal} encrypts to; {@code embargoLimits} how long the policy lets an embargo run; {@code
 * cve} whether the project is a CNA, for the CVE records {@code disclose export cve} writes; {@code
 * announce} where {@code disclose announce} sends its posts.
 */
public record SiteConfig(
    String title,
    String baseUrl,
    String idPrefix,
    String securityContact,
    Optional<String> policy,
    Optional<String> repository,
    String branch,
    Optional<String> description,
    Optional<String> theme,
    List<PublishedPackage> packages,
    ResponseTargets responseTargets,
    List<String> languages,
    boolean osvPrefixRegistered,
    int feedItems,
    int listPageSize,
    boolean releaseNotesRequired,
    List<String> formats,
    boolean redactLogs,
    List<String> sealingRecipients,
    EmbargoLimits embargoLimits,
    CveSettings cve,
    AnnounceSettings announce) {

  /**
   * How many of the newest advisories the site-wide and ecosystem feeds hold, unless configured.
   */
  public static final int DEFAULT_FEED_ITEMS = 50;

  /**
   * How many rows a page of a list holds, unless configured: a page stays light to load and read on
   * a phone, and a few clicks reach any row of a list of thousands.
   */
  public static final int DEFAULT_LIST_PAGE_SIZE = 100;

  public SiteConfig {
    baseUrl = SiteUrls.normalized(baseUrl);
    packages = List.copyOf(packages);
    languages = List.copyOf(languages);
    formats = List.copyOf(formats);
    sealingRecipients = List.copyOf(sealingRecipients);
  }

  /** Whether the site publishes the output format named {@code format}. */
  public boolean publishes(String format) {
    return formats.contains(format);
  }

  /**
   * The response times the security policy promises: to acknowledge and to assess a report, to fix
   * it (per severity level, {@code none}…{@code critical}), to disclose it, each in calendar or
   * working days of {@code calendar} from the step the policy counts from. Empty where the policy
   * promises nothing.
   */
  public record ResponseTargets(
      Optional<ResponseTarget> acknowledge,
      Optional<ResponseTarget> assess,
      Map<SeverityLevel, ResponseTarget> fix,
      Optional<ResponseTarget> disclose,
      WorkingDays calendar) {
    public static final ResponseTargets NONE = none(WorkingDays.UTC);

    public ResponseTargets {
      fix = Map.copyOf(fix);
    }

    /** No promises, with days counted in {@code calendar}. */
    public static ResponseTargets none(WorkingDays calendar) {
      return new ResponseTargets(
          Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), calendar);
    }

    /** The same promises, with days counted in {@code other}. */
    public ResponseTargets withCalendar(WorkingDays other) {
      return new ResponseTargets(acknowledge, assess, fix, disclose, other);
    }
  }

  /** A package this project publishes, and where its release notes live. */
  public record PublishedPackage(
      String ecosystem, String name, Optional<ReleaseNotesSource> releaseNotes) {}

  /** Where one package's release notes are: exactly one of the three kinds. */
  public sealed interface ReleaseNotesSource {
    /** A folder of one Markdown file per release. */
    record Folder(String path) implements ReleaseNotesSource {}

    /** A Keep-a-Changelog file. */
    record Changelog(String path) implements ReleaseNotesSource {}

    /** Releases published elsewhere, {@code {version}} replaced by the version. */
    record UrlTemplate(String template) implements ReleaseNotesSource {}
  }

  /** Where the site lives: the base URL, and every page's URL. */
  public SiteUrls urls() {
    return new SiteUrls(baseUrl);
  }

  /** This configuration with the site served from {@code newBaseUrl} (a build's --base-url). */
  public SiteConfig withBaseUrl(String newBaseUrl) {
    return new SiteConfig(
        title,
        newBaseUrl,
        idPrefix,
        securityContact,
        policy,
        repository,
        branch,
        description,
        theme,
        packages,
        responseTargets,
        languages,
        osvPrefixRegistered,
        feedItems,
        listPageSize,
        releaseNotesRequired,
        formats,
        redactLogs,
        sealingRecipients,
        embargoLimits,
        cve,
        announce);
  }

  /** This configuration with its response targets {@code targets}: its calendar file read. */
  public SiteConfig withResponseTargets(ResponseTargets targets) {
    return new SiteConfig(
        title,
        baseUrl,
        idPrefix,
        securityContact,
        policy,
        repository,
        branch,
        description,
        theme,
        packages,
        targets,
        languages,
        osvPrefixRegistered,
        feedItems,
        listPageSize,
        releaseNotesRequired,
        formats,
        redactLogs,
        sealingRecipients,
        embargoLimits,
        cve,
        announce);
  }

  /**
   * Where the repository's web interface edits the file at {@code relativePath}, if it is named.
   */
  public Optional<String> editUrl(String relativePath) {
    return repository.map(
        r -> (r.endsWith("/") ? r : r + "/") + "edit/" + branch + "/" + relativePath);
  }

  public boolean declaresPackages() {
    return !packages.isEmpty();
  }
}
