package dev.disclose.advisory;

import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.YamlNode;
import dev.disclose.yaml.YamlProblem;
import dev.disclose.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of one advisory file into an {@link Advisory}, reporting every problem of shape
 * (syntax, unknown keys, wrong types, bad dates) with its position. Checks of meaning (IDs,
 * versions, CVSS, …) run afterwards on the record, see {@code dev.disclose.check}.
 */
public final class AdvisoryParser {
  /** The front matter's keys, in the order the format documents and writes them. */
  public static final List<String> TOP_LEVEL_KEYS =
      List.of(
          "id",
          "title",
          "status",
          "published",
          "modified",
          "embargo",
          "withdrawn",
          "aliases",
          "cve_requested",
          "related",
          "upstream",
          "severity",
          "cwes",
          "keywords",
          "categories",
          "informational",
          "affected",
          "references",
          "credits",
          "timeline",
          "imported_from",
          "database_specific");

  static final List<String> IMPORTED_FROM_KEYS = List.of("database", "id");
  static final List<String> WITHDRAWN_KEYS = List.of("date", "reason");
  static final List<String> REFERENCE_KEYS = List.of("type", "url");
  static final List<String> CREDIT_KEYS = List.of("name", "contact", "type");
  static final List<String> TIMELINE_KEYS = Timeline.STEPS;

  private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(?:[ \\t]*\\r?\\n)+");

  /**
   * What parsing produced: the advisory (absent when the file could not be read as one) and
   * findings.
   */
  public record Parsed(Optional<Advisory> advisory, List<Diagnostic> diagnostics) {
    public Parsed {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private AdvisoryParser() {}

  /**
   * Parses {@code text}. {@code file} is the path printed in messages, {@code relativePath} the
   * path from the site root ({@code advisories/2025/DEMO-2025-0001.md}).
   */
  public static Parsed parse(String text, Path file, String relativePath) {
    Findings findings = new Findings(file);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
    FrontMatter.Split split = FrontMatter.split(text);
    if (split instanceof FrontMatter.Split.Missing missing) {
      findings.report(Rule.FRONT_MATTER_MISSING, missing.position(), missing.message());
      return new Parsed(Optional.empty(), findings.diagnostics());
    }
    FrontMatter parts = ((FrontMatter.Split.Parts) split).frontMatter();
    YamlReader.Result result = YamlReader.read(parts.yaml(), parts.yamlFirstLine());
    if (result instanceof YamlReader.Result.Failed failed) {
      report(findings, failed.problem());
      return new Parsed(Optional.empty(), findings.diagnostics());
    }
    YamlReader.Result.Read read = (YamlReader.Result.Read) result;
    read.problems().forEach(p -> report(findings, p));
    if (!(read.root() instanceof YamlNode.Mapping root)) {
      findings.report(
          Rule.WRONG_TYPE,
          read.root().position(),
          "the front matter must be a map of `key: value` lines, not " + read.root().kindName());
      return new Parsed(Optional.empty(), findings.diagnostics());
    }
    TextCharacters.checkFrontMatter(root, "", findings);
    TextCharacters.checkBody(parts.body(), parts.bodyFirstLine(), findings);
    Map<String, Source.Located> positions = new HashMap<>();
    Advisory advisory = bind(root, parts, file, relativePath, findings, positions);
    return new Parsed(Optional.of(advisory), findings.diagnostics());
  }

  static void report(Findings findings, YamlProblem problem) {
    findings.report(Rule.of(problem.kind()), problem.position(), problem.message());
  }

  private static Advisory bind(
      YamlNode.Mapping root,
      FrontMatter parts,
      Path file,
      String relativePath,
      Findings findings,
      Map<String, Source.Located> positions) {
    Fields f = Fields.of(root, "", "the advisory", TOP_LEVEL_KEYS, findings, positions);
    String id = f.requiredString("id").orElse("");
    String title = f.requiredString("title").orElse("");
    if (title.contains("\n") || title.contains("\r")) {
      findings.report(
          Rule.INVALID_VALUE,
          f.valuePosition("title"),
          "`title` spans several lines; a title is one line (the details go after the front matter)");
    }
    Status status = f.enumValue("status", Status.class, true).orElse(Status.PUBLISHED);
    Optional<ImportedFrom> importedFrom =
        f.mapping("imported_from").flatMap(m -> importedFrom(f, m));
    Optional<Timestamp> published = f.timestamp("published");
    if (!f.has("published") && (status == Status.PUBLISHED || status == Status.WITHDRAWN)) {
      f.missing(
          "published",
          importedFrom.isPresent()
              ? " (the date it was made public): its pages show the date as unknown; add it if"
                  + " you know it"
              : " (the date it was made public; only drafts and embargoed advisories may omit it)",
          importedFrom.map(ImportedFrom::describe));
    }
    Optional<Timestamp> modified = f.timestamp("modified");
    Optional<Timestamp> embargo = f.timestamp("embargo");
    Optional<Withdrawal> withdrawn = f.mapping("withdrawn").flatMap(m -> withdrawal(f, m));
    if (root.entry("withdrawn").map(e -> Fields.isNull(e.value())).orElse(false)) {
      findings.report(
          Rule.WITHDRAWAL,
          f.keyPosition("withdrawn"),
          "`withdrawn` is empty; give its `date` and `reason`");
    }
    Severity severity =
        f.node("severity").map(n -> SeverityParser.parse(f, "severity", n)).orElse(Severity.NONE);
    Optional<Informational> informational = f.enumValue("informational", Informational.class, true);

    List<Affected> affected = new ArrayList<>();
    f.eachMapping(
        "affected",
        "one affected package",
        (i, m) ->
            AffectedParser.parse(f, f.child("affected") + "[" + i + "]", m)
                .ifPresent(affected::add));

    List<Reference> references = new ArrayList<>();
    List<YamlNode> referenceItems = f.items("references");
    for (int i = 0; i < referenceItems.size(); i++) {
      reference(f, f.child("references") + "[" + i + "]", referenceItems.get(i))
          .ifPresent(references::add);
    }
    List<Credit> credits = new ArrayList<>();
    List<YamlNode> creditItems = f.items("credits");
    for (int i = 0; i < creditItems.size(); i++) {
      credit(f, f.child("credits") + "[" + i + "]", creditItems.get(i)).ifPresent(credits::add);
    }
    Timeline timeline =
        f.mapping("timeline")
            .map(
                m -> {
                  Fields t =
                      Fields.of(
                          m, f.child("timeline"), "`timeline`", TIMELINE_KEYS, findings, positions);
                  return Timeline.of(t::timestamp);
                })
            .orElse(Timeline.EMPTY);

    List<String> aliases = f.strings("aliases");
    Optional<Timestamp> cveRequested = f.timestamp("cve_requested");
    List<String> related = f.strings("related");
    List<String> upstream = f.strings("upstream");
    List<String> cwes = f.strings("cwes");
    List<String> keywords = f.strings("keywords");
    List<String> categories = f.strings("categories");
    Map<String, Object> databaseSpecific = f.freeForm("database_specific");
    Matcher blank = LEADING_BLANK_LINES.matcher(parts.body());
    int cut = blank.lookingAt() ? blank.end() : 0;
    int skipped = (int) parts.body().substring(0, cut).chars().filter(c -> c == '\n').count();
    String details = parts.body().substring(cut).stripTrailing();
    // Where the details' first line is, so that a finding in them names its line; an empty body
    // keeps the line after the front matter.
    int detailsLine = parts.bodyFirstLine() + (details.isEmpty() ? 0 : skipped);
    // Last: Source copies the positions, so every field must have been read by now.
    Source source = new Source(file, relativePath, detailsLine, positions);
    return new Advisory(
        id,
        title,
        status,
        published,
        modified,
        embargo,
        withdrawn,
        aliases,
        cveRequested,
        related,
        upstream,
        severity,
        cwes,
        keywords,
        categories,
        informational,
        affected,
        references,
        credits,
        timeline,
        databaseSpecific,
        importedFrom,
        details,
        source);
  }

  private static Optional<ImportedFrom> importedFrom(Fields parent, YamlNode.Mapping m) {
    Fields from =
        Fields.of(
            m,
            parent.child("imported_from"),
            "`imported_from`",
            IMPORTED_FROM_KEYS,
            parent.findings(),
            parent.positions());
    Optional<String> database = from.requiredString("database").filter(d -> !d.isBlank());
    Optional<String> id = from.requiredString("id").filter(i -> !i.isBlank());
    if (database.isEmpty() || id.isEmpty()) return Optional.empty();
    return Optional.of(new ImportedFrom(database.get().strip(), id.get().strip()));
  }

  private static Optional<Withdrawal> withdrawal(Fields parent, YamlNode.Mapping m) {
    Fields w =
        Fields.of(
            m,
            parent.child("withdrawn"),
            "`withdrawn`",
            WITHDRAWN_KEYS,
            parent.findings(),
            parent.positions());
    if (!w.has("date")) {
      parent
          .findings()
          .report(
              Rule.WITHDRAWAL,
              parent.keyPosition("withdrawn"),
              "`withdrawn` needs a `date`: the day the advisory was withdrawn");
    }
    if (w.string("reason").filter(r -> !r.isBlank()).isEmpty()) {
      parent
          .findings()
          .report(
              Rule.WITHDRAWAL,
              parent.keyPosition("withdrawn"),
              "`withdrawn` needs a `reason`: say why, so that readers and scanners know what to do");
    }
    Optional<Timestamp> date = w.timestamp("date");
    Optional<String> reason = w.string("reason").filter(r -> !r.isBlank());
    if (date.isEmpty() || reason.isEmpty()) return Optional.empty();
    return Optional.of(new Withdrawal(date.get(), reason.get()));
  }

  private static Optional<Reference> reference(Fields parent, String path, YamlNode node) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      return Optional.of(new Reference(Reference.ReferenceType.WEB, s.text().strip()));
    }
    if (!(node instanceof YamlNode.Mapping m)) {
      parent
          .findings()
          .report(
              Rule.WRONG_TYPE,
              node.position(),
              "each reference must be a URL or a map with `type` and `url`, not "
                  + node.kindName());
      return Optional.empty();
    }
    Fields r =
        Fields.of(m, path, "`" + path + "`", REFERENCE_KEYS, parent.findings(), parent.positions());
    Optional<String> url = r.requiredString("url");
    Reference.ReferenceType type =
        r.enumValue("type", Reference.ReferenceType.class, false)
            .orElse(Reference.ReferenceType.WEB);
    return url.map(u -> new Reference(type, u.strip()));
  }

  private static Optional<Credit> credit(Fields parent, String path, YamlNode node) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      return Optional.of(new Credit(s.text().strip(), List.of(), Optional.empty()));
    }
    if (!(node instanceof YamlNode.Mapping m)) {
      parent
          .findings()
          .report(
              Rule.WRONG_TYPE,
              node.position(),
              "each credit must be a name or a map with `name`, `contact` and `type`, not "
                  + node.kindName());
      return Optional.empty();
    }
    Fields c =
        Fields.of(m, path, "`" + path + "`", CREDIT_KEYS, parent.findings(), parent.positions());
    Optional<String> name = c.requiredString("name");
    List<String> contact = c.strings("contact");
    Optional<Credit.CreditType> type = c.enumValue("type", Credit.CreditType.class, false);
    return name.map(n -> new Credit(n.strip(), contact, type));
  }
}
