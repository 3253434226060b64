package dev.disclose.config;

import dev.disclose.advisory.Fields;
import dev.disclose.advisory.Source;
import dev.disclose.advisory.TextCharacters;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.text.DidYouMean;
import dev.disclose.text.Urls;
import dev.disclose.yaml.Position;
import dev.disclose.yaml.YamlNode;
import dev.disclose.yaml.YamlProblem;
import dev.disclose.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code site-config.yaml}, reporting problems the way advisory problems are reported. */
public final class SiteConfigLoader {
  public static final String FILE_NAME = "site-config.yaml";
  static final List<String> KEYS =
      List.of(
          "title",
          "base_url",
          "id_prefix",
          "security_contact",
          "policy",
          "repository",
          "branch",
          "description",
          "theme",
          "packages",
          "response_targets",
          "time_zone",
          "holidays",
          "languages",
          "osv_prefix_registered",
          "feed_items",
          "list_page_size",
          "release_notes_required",
          "formats",
          "redact_logs",
          "sealing",
          "embargo_policy",
          "cve",
          "announce");
  static final Pattern ID_PREFIX = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

  /**
   * The output formats a site publishes only when {@code formats:} names them: CVE records are what
   * a CNA submits to CVE Services, and a site that publishes its own copies beside cve.org's should
   * choose to; CSAF's files declare the site a CSAF provider to aggregators, whose trusted role
   * needs a signing key in CI.
   */
  static final List<String> OPT_IN_FORMATS = List.of("cve", "csaf");

  /** The configuration (with defaults where the file was wrong) and what was wrong with it. */
  public record Loaded(
      SiteConfig config, List<Diagnostic> diagnostics, Map<String, Source.Located> positions) {
    public Loaded {
      diagnostics = List.copyOf(diagnostics);
      positions = Map.copyOf(positions);
    }

    /** Where the value of {@code key} was written, or the top of the file. */
    public Position valuePosition(String key) {
      Source.Located at = positions.get(key);
      return at == null ? Position.START : at.value();
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private SiteConfigLoader() {}

  /**
   * The configuration of {@code text}; {@code formatNames}: the output formats there are, which
   * {@code formats:} may name.
   */
  public static Loaded parse(String text, Path file, Collection<String> formatNames) {
    Findings findings = new Findings(file);
    YamlReader.Result result = YamlReader.read(text, 1);
    YamlNode.Mapping root;
    if (result instanceof YamlReader.Result.Failed failed) {
      report(findings, failed.problem());
      root = new YamlNode.Mapping(List.of(), Position.START);
    } else {
      YamlReader.Result.Read read = (YamlReader.Result.Read) result;
      read.problems().forEach(p -> report(findings, p));
      if (read.root() instanceof YamlNode.Mapping m) {
        root = m;
      } else {
        findings.report(
            Rule.WRONG_TYPE,
            read.root().position(),
            "site-config.yaml must be a map of `key: value` lines, not " + read.root().kindName());
        root = new YamlNode.Mapping(List.of(), read.root().position());
      }
    }
    // The site's title, description and the policy's quoted words are shown on every page.
    TextCharacters.checkFrontMatter(root, "", findings);
    Map<String, Source.Located> positions = new HashMap<>();
    Fields f = Fields.of(root, "", "site-config.yaml", KEYS, findings, positions);
    String title = f.requiredString("title").orElse("Security advisories");
    String baseUrl = f.requiredString("base_url").orElse("/");
    if (f.has("base_url") && !Urls.isHttpUrl(baseUrl)) {
      findings.report(
          Rule.URL,
          f.valuePosition("base_url"),
          "`base_url` is `"
              + baseUrl
              + "`; write the absolute address the site is served from, "
              + "like `https://example.org/security/`");
    }
    String idPrefix = f.requiredString("id_prefix").orElse("");
    if (!idPrefix.isEmpty() && !ID_PREFIX.matcher(idPrefix).matches()) {
      findings.report(
          Rule.INVALID_VALUE,
          f.valuePosition("id_prefix"),
          "`id_prefix` is `"
              + idPrefix
              + "`; use 2 to 16 capital letters and digits starting "
              + "with a letter, like `DEMO`");
      idPrefix = idPrefix.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
    String contact = f.requiredString("security_contact").orElse("");
    if (!contact.isEmpty() && !Urls.isContactUrl(contact)) {
      findings.report(
          Rule.URL,
          f.valuePosition("security_contact"),
          "`security_contact` is `" + contact + "`; write a `mailto:` or `https:` URL");
    }
    Optional<String> repository = f.string("repository");
    repository
        .filter(r -> !Urls.isHttpUrl(r))
        .ifPresent(
            r ->
                findings.report(
                    Rule.URL,
                    f.valuePosition("repository"),
                    "`repository` is `" + r + "`; write an https URL"));
    // Edit links need a real branch: GitHub refuses to edit a file at HEAD (a commit, not a
    // branch).
    String branch = f.string("branch").orElse("main");
    if (!isBranchName(branch)) {
      findings.report(
          Rule.INVALID_VALUE,
          f.valuePosition("branch"),
          "`branch` is `"
              + branch
              + "`; write the name of the branch advisories are merged into, like `main`");
      branch = "main";
    }

    List<SiteConfig.PublishedPackage> packages = new ArrayList<>();
    f.eachMapping(
        "packages",
        "one package with `ecosystem` and `name`",
        (i, m) -> PublishedPackageParser.parse(f, i, m, findings).ifPresent(packages::add));
    WorkingDays calendar = ResponseTargetsParser.calendar(f, findings);
    SiteConfig.ResponseTargets targets =
        f.mapping("response_targets")
            .map(m -> ResponseTargetsParser.parse(f, m, calendar, findings))
            .orElse(SiteConfig.ResponseTargets.none(calendar));
    List<String> languages = f.strings("languages");
    SiteConfig config =
        new SiteConfig(
            title,
            baseUrl,
            idPrefix,
            contact,
            f.string("policy"),
            repository,
            branch,
            f.string("description"),
            f.string("theme"),
            packages,
            targets,
            languages.isEmpty() ? List.of("en") : languages,
            osvPrefixRegistered(f, findings),
            feedItems(f, findings),
            listPageSize(f, findings),
            bool(f, "release_notes_required", findings),
            formats(f, formatNames, findings),
            bool(f, "redact_logs", true, findings),
            sealingRecipients(f, findings),
            f.mapping("embargo_policy")
                .map(m -> EmbargoLimitsParser.parse(f, m, findings))
                .orElse(EmbargoLimits.NONE),
            f.mapping("cve")
                .map(m -> CveSettingsParser.parse(f, m, findings))
                .orElse(CveSettings.NONE),
            f.mapping("announce")
                .map(m -> AnnounceSettingsParser.parse(f, m, findings))
                .orElse(AnnounceSettings.NONE));
    return new Loaded(config, findings.diagnostics(), positions);
  }

  /**
   * Whether OSV has registered {@code id_prefix}; until then OSV IDs carry the {@code x_} prefix.
   */
  private static boolean osvPrefixRegistered(Fields f, Findings findings) {
    return bool(f, "osv_prefix_registered", findings);
  }

  /** A yes/no setting, false unless written {@code true}. */
  private static boolean bool(Fields f, String key, Findings findings) {
    return bool(f, key, false, findings);
  }

  /**
   * A yes/no setting, {@code unset} unless written; a wrong value is reported and taken as unset.
   */
  private static boolean bool(Fields f, String key, boolean unset, Findings findings) {
    Optional<String> value = f.string(key);
    if (value.isEmpty()) return unset;
    String v = value.get().strip();
    if (v.equals("true") || v.equals("false")) return v.equals("true");
    findings.report(
        Rule.INVALID_VALUE,
        f.valuePosition(key),
        "`" + key + "` is `" + v + "`; write `true` or `false`");
    return unset;
  }

  /**
   * A name {@code git check-ref-format --branch} accepts: no control characters, space or any of
   * {@code ~^:?*[\}; no "..", "@{" or "//"; no component starting with "." or ending with ".lock";
   * not starting with "-" or "/", not ending with "/" or "."; not "@".
   */
  static boolean isBranchName(String name) {
    if (name.isEmpty()
        || name.length() > 200
        || name.equals("@")
        || name.startsWith("-")
        || name.startsWith("/")
        || name.endsWith("/")
        || name.endsWith(".")
        || name.contains("..")
        || name.contains("@{")
        || name.contains("//")) {
      return false;
    }
    for (char c : name.toCharArray()) {
      if (c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0) return false;
    }
    for (String component : name.split("/")) {
      if (component.startsWith(".") || component.endsWith(".lock")) return false;
    }
    return true;
  }

  /**
   * The output formats {@code formats:} names that there are; without it, every one there is but
   * those a site must opt in to.
   */
  private static List<String> formats(Fields f, Collection<String> known, Findings findings) {
    List<String> byDefault = known.stream().filter(n -> !OPT_IN_FORMATS.contains(n)).toList();
    if (!f.has("formats")) return byDefault;
    List<String> formats = new ArrayList<>();
    f.strings("formats"); // reports entries that are not strings
    List<YamlNode> entries =
        f.node("formats")
            .map(node -> node instanceof YamlNode.Sequence seq ? seq.items() : List.of(node))
            .orElse(List.of());
    if (entries.size() == 1 && entries.get(0) instanceof YamlNode.Scalar only && only.isNull()) {
      findings.report(
          Rule.REQUIRED,
          only.position(),
          "`formats` is empty; list the output formats the site publishes, like `[rss, osv]`, "
              + "or remove the key to publish every one but "
              + String.join(", ", OPT_IN_FORMATS));
      return byDefault;
    }
    for (YamlNode entry : entries) {
      if (!(entry instanceof YamlNode.Scalar scalar) || scalar.isNull()) continue;
      String name = scalar.text();
      if (known.contains(name)) {
        if (!formats.contains(name)) formats.add(name);
      } else if (name.contains(",")) {
        findings.report(
            Rule.INVALID_VALUE,
            entry.position(),
            "`" + name + "` is one name; write the formats as a list, like `[" + name + "]`");
      } else {
        findings.report(
            Rule.INVALID_VALUE,
            entry.position(),
            "`"
                + name
                + "` is not an output format"
                + DidYouMean.suggest(name, known)
                    .map(s -> " (did you mean `" + s + "`?)")
                    .orElse("")
                + "; write one of "
                + String.join(", ", known));
      }
    }
    return formats;
  }

  /** The public key files {@code sealing.recipients} lists (their checks need the files). */
  private static List<String> sealingRecipients(Fields f, Findings findings) {
    return f.mapping("sealing")
        .map(
            m ->
                Fields.of(
                        m,
                        f.child("sealing"),
                        "`sealing`",
                        List.of("recipients"),
                        findings,
                        f.positions())
                    .strings("recipients"))
        .orElse(List.of());
  }

  /** How many advisories the site-wide and ecosystem feeds hold: 1 to 1000, default 50. */
  private static int feedItems(Fields f, Findings findings) {
    return f.string("feed_items")
        .map(
            text -> {
              try {
                int n = Integer.parseInt(text.strip());
                if (n > 0 && n <= 1000) return n;
              } catch (NumberFormatException e) {
                // reported below
              }
              findings.report(
                  Rule.INVALID_VALUE,
                  f.valuePosition("feed_items"),
                  "`feed_items` is `"
                      + text
                      + "`; write how many of the newest advisories the site-wide feeds hold, 1 to 1000 (default "
                      + SiteConfig.DEFAULT_FEED_ITEMS
                      + ")");
              return SiteConfig.DEFAULT_FEED_ITEMS;
            })
        .orElse(SiteConfig.DEFAULT_FEED_ITEMS);
  }

  /** How many rows a page of a list holds: 1 to 1000, default 100. */
  private static int listPageSize(Fields f, Findings findings) {
    return f.string("list_page_size")
        .map(
            text -> {
              try {
                int n = Integer.parseInt(text.strip());
                if (n > 0 && n <= 1000) return n;
              } catch (NumberFormatException e) {
                // reported below
              }
              findings.report(
                  Rule.INVALID_VALUE,
                  f.valuePosition("list_page_size"),
                  "`list_page_size` is `"
                      + text
                      + "`; write how many advisories or packages a page of a list shows, 1 to 1000"
                      + " (default "
                      + SiteConfig.DEFAULT_LIST_PAGE_SIZE
                      + ")");
              return SiteConfig.DEFAULT_LIST_PAGE_SIZE;
            })
        .orElse(SiteConfig.DEFAULT_LIST_PAGE_SIZE);
  }

  private static void report(Findings findings, YamlProblem problem) {
    findings.report(Rule.of(problem.kind()), problem.position(), problem.message());
  }
}
