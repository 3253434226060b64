package dev.disclose.diagnostic;

import static dev.disclose.diagnostic.DiagnosticSeverity.ERROR;
import static dev.disclose.diagnostic.DiagnosticSeverity.WARNING;

import dev.disclose.yaml.YamlProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * Every validation rule, with the stable code it is reported under. The codes are a public contract
 * (people grep for them, CI logs link them): never renumber, only add. {@code
 * docs/validation-rules.md} is generated from this list and its texts, and a test keeps them equal.
 */
public enum Rule {
  // Files and syntax
  FILE_TOO_LARGE("F001", "file-too-large", ERROR),
  INVALID_UTF8("F002", "invalid-utf8", ERROR),
  FRONT_MATTER_MISSING("F003", "front-matter-missing", ERROR),
  YAML_SYNTAX("F004", "yaml-syntax", ERROR),
  DUPLICATE_KEY("F005", "duplicate-key", ERROR),
  YAML_LIMIT("F006", "yaml-limit", ERROR),
  YAML_TAG("F007", "yaml-tag", ERROR),
  SYMLINK_OUTSIDE("F008", "symlink-outside", ERROR),
  UNREADABLE("F009", "unreadable", ERROR),
  SEALING_KEY("F010", "sealing-key", ERROR),
  SEALED_FILE("F011", "sealed-file", ERROR),
  YAML_EXPANSION("F012", "yaml-expansion", ERROR),
  FILE_COLLISION("F013", "file-collision", ERROR),
  // Shape of the front matter
  REQUIRED("S001", "required", ERROR),
  WRONG_TYPE("S002", "wrong-type", ERROR),
  UNKNOWN_KEY("S003", "unknown-key", ERROR),
  INVALID_VALUE("S004", "invalid-value", ERROR),
  // Identifiers
  ID_FORMAT("I001", "id-format", ERROR),
  ID_PLACEHOLDER("I002", "id-placeholder", WARNING),
  DUPLICATE_ID("I003", "duplicate-id", ERROR),
  ALIAS_CONFLICT("I004", "alias-conflict", ERROR),
  ALIAS_FORMAT("I005", "alias-format", WARNING),
  SELF_REFERENCE("I006", "self-reference", WARNING),
  FILE_NAME("I007", "file-name", ERROR),
  RELATED_DISCLOSES("I008", "related-discloses", ERROR),
  DUPLICATE_RECORD("I009", "duplicate-record", ERROR),
  // Dates and lifecycle
  DATE_FORMAT("D001", "date-format", ERROR),
  MODIFIED_BEFORE_PUBLISHED("D002", "modified-before-published", ERROR),
  FUTURE_DATE("D003", "future-date", ERROR),
  TIMELINE_ORDER("D004", "timeline-order", WARNING),
  EMBARGO_MISSING("D005", "embargo-missing", ERROR),
  WITHDRAWAL("D006", "withdrawal", ERROR),
  EMBARGO_DATE_ONLY("D007", "embargo-date-only", WARNING),
  EMBARGO_POLICY("D008", "embargo-policy", WARNING),
  CVE_PENDING("D009", "cve-pending", WARNING),
  EMBARGO_WINDOW("D010", "embargo-window", WARNING),
  // Packages
  UNKNOWN_ECOSYSTEM("P001", "unknown-ecosystem", ERROR),
  PACKAGE_NAME("P002", "package-name", ERROR),
  PURL("P003", "purl", ERROR),
  UNDECLARED_PACKAGE("P004", "undeclared-package", WARNING),
  AFFECTED_MISSING("P005", "affected-missing", ERROR),
  NAME_TOO_LONG("P006", "name-too-long", ERROR),
  OUTPUT_COLLISION("P007", "output-collision", ERROR),
  TOO_MANY_PACKAGES("P008", "too-many-packages", ERROR),
  CONFUSABLE_PACKAGE("P009", "confusable-package", WARNING),
  RESERVED_NAME("P010", "reserved-name", ERROR),
  // Version ranges
  INVALID_VERSION("R001", "invalid-version", ERROR),
  RANGE_ORDER("R002", "range-order", ERROR),
  RANGE_OVERLAP("R003", "range-overlap", ERROR),
  RANGE_SHAPE("R004", "range-shape", ERROR),
  TOO_MANY_RANGES("R005", "too-many-ranges", ERROR),
  SEMVER_V_PREFIX("R006", "semver-v-prefix", WARNING),
  // Severity (CVSS)
  CVSS_INVALID("V001", "cvss-invalid", ERROR),
  SEVERITY_MISMATCH("V002", "severity-mismatch", ERROR),
  SEVERITY_MISSING("V003", "severity-missing", WARNING),
  // Weaknesses
  CWE_FORMAT("W001", "cwe-format", ERROR),
  CWE_UNKNOWN("W002", "cwe-unknown", WARNING),
  // References and content
  URL("U001", "url", ERROR),
  BODY_EMPTY("C001", "body-empty", ERROR),
  UNKNOWN_CATEGORY("C002", "unknown-category", WARNING),
  TEXT_DISCLOSES("C003", "text-discloses", ERROR),
  MARKDOWN_LIMIT("C004", "markdown-limit", ERROR),
  XML_CHARACTER("C005", "xml-character", ERROR),
  INVISIBLE_CHARACTER("C006", "invisible-character", WARNING),
  // Release notes
  RELEASE_MISSING("L001", "release-missing", WARNING),
  RELEASE_UNKNOWN_ADVISORY("L002", "release-unknown-advisory", WARNING),
  RELEASE_DISCLOSES("L003", "release-discloses", ERROR),
  PUBLISHED_BEFORE_RELEASE("L004", "published-before-release", WARNING),
  RELEASE_SILENT("L005", "release-silent", WARNING),
  RELEASE_AHEAD("L006", "release-ahead", ERROR);

  /** The rule a YAML reading problem breaks. */
  public static Rule of(YamlProblem.Kind kind) {
    return switch (kind) {
      case SYNTAX -> YAML_SYNTAX;
      case DUPLICATE_KEY -> DUPLICATE_KEY;
      case LIMIT -> YAML_LIMIT;
      case EXPANSION -> YAML_EXPANSION;
      case TAG -> YAML_TAG;
    };
  }

  private final String code;
  private final String slug;
  private final DiagnosticSeverity severity;

  Rule(String code, String slug, DiagnosticSeverity severity) {
    this.code = code;
    this.slug = slug;
    this.severity = severity;
  }

  public String code() {
    return code;
  }

  public String slug() {
    return slug;
  }

  public DiagnosticSeverity severity() {
    return severity;
  }

  /** What the rule checks, in a sentence (rules.properties beside this class). */
  public String summary() {
    return Texts.of(code + ".summary");
  }

  /** What to do about a finding, in a sentence (rules.properties beside this class). */
  public String fix() {
    return Texts.of(code + ".fix");
  }

  /**
   * How the rule treats an imported record (one with {@code imported_from}), where that differs
   * from a hand-written advisory: the problems another database's data may keep as published.
   */
  public Optional<String> inImportedRecords() {
    return Optional.ofNullable(Texts.ALL.getProperty(code + ".imported"));
  }

  /** The rules' texts, kept as data beside the class so the list of rules reads as a table. */
  private static final class Texts {
    private static final Properties ALL = load();

    static String of(String key) {
      String text = ALL.getProperty(key);
      if (text == null) throw new IllegalStateException("rules.properties has no " + key);
      return text;
    }

    private static Properties load() {
      Properties texts = new Properties();
      try (InputStream in = Rule.class.getResourceAsStream("rules.properties")) {
        if (in == null) throw new IllegalStateException("rules.properties is missing");
        texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return texts;
    }
  }
}
