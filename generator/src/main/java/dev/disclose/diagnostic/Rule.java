package dev.disclose.diagnostic;

import static dev.disclose.diagnostic.DiagnosticSeverity.ERROR;
import static dev.disclose.diagnostic.DiagnosticSeverity.WARNING;

import dev.disclose.yaml.YamlProblem;

/**
 * Every validation rule, with the stable code it is reported under. The codes are a public contract
 * (people grep for them, CI logs link them): never renumber, only add. {@code
 * docs/validation-rules.md} is generated from this list and a test keeps the two equal.
 */
public enum Rule {
  // Files and syntax
  FILE_TOO_LARGE(
      "F001",
      "file-too-large",
      ERROR,
      "The file is larger than 1 MiB.",
      "Shorten the details; link long write-ups as references."),
  INVALID_UTF8(
      "F002", "invalid-utf8", ERROR, "The file is not valid UTF-8.", "Re-save the file as UTF-8."),
  FRONT_MATTER_MISSING(
      "F003",
      "front-matter-missing",
      ERROR,
      "The file does not start with a `---` line, or its front matter is not closed by one.",
      "Start the file with `---`, the YAML fields, and a closing `---` line."),
  YAML_SYNTAX(
      "F004",
      "yaml-syntax",
      ERROR,
      "The front matter is not valid YAML.",
      "Fix the YAML at the reported line (indentation, quoting, a missing `:`)."),
  DUPLICATE_KEY(
      "F005",
      "duplicate-key",
      ERROR,
      "A key appears twice in the same map.",
      "Keep one of the two; YAML does not merge them."),
  YAML_LIMIT(
      "F006",
      "yaml-limit",
      ERROR,
      "The front matter exceeds a safety limit: more than 50 aliases, 50 levels of nesting or "
          + "100,000 values once aliases are expanded.",
      "Write the values out plainly; advisories never need this much structure."),
  YAML_TAG(
      "F007",
      "yaml-tag",
      ERROR,
      "A YAML tag (`!foo`, `!!python/object`) or merge key (`<<`) is used.",
      "Remove it: advisories hold plain strings, lists and maps only."),
  SYMLINK_OUTSIDE(
      "F008",
      "symlink-outside",
      ERROR,
      "A symbolic link under `advisories/` leads outside the site root.",
      "Replace the link with the file itself."),
  UNREADABLE(
      "F009",
      "unreadable",
      ERROR,
      "The file or folder could not be read.",
      "Check the permissions and that the path exists."),
  SEALING_KEY(
      "F010",
      "sealing-key",
      ERROR,
      "A public key file `sealing.recipients` lists cannot be sealed to: it is not an "
          + "ASCII-armored OpenPGP public key (or is a secret key), or the key is expired or revoked.",
      "Export the key again (`gpg --armor --export FINGERPRINT`), extend its expiry, or remove it "
          + "from `sealing.recipients`; the message names the key's fingerprint."),
  SEALED_FILE(
      "F011",
      "sealed-file",
      ERROR,
      "A sealed advisory (`<ID>.md.asc`) cannot be opened with the given key: it is not an "
          + "OpenPGP message, is damaged, or is not sealed to that key.",
      "Restore the file from git history, or have a recipient re-seal it (`disclose edit ID`); the "
          + "message names the keys it is sealed for and the key that was tried."),

  // Shape of the front matter
  REQUIRED(
      "S001",
      "required",
      ERROR,
      "A required field is missing.",
      "Add the field; the message names it."),
  WRONG_TYPE(
      "S002",
      "wrong-type",
      ERROR,
      "A field holds the wrong kind of value (for example a map where a list belongs).",
      "Write the value in the form docs/advisory-format.md gives for the field."),
  UNKNOWN_KEY(
      "S003",
      "unknown-key",
      ERROR,
      "A key is not part of the format.",
      "Fix the spelling (the message suggests the nearest key) or remove it; free-form data "
          + "goes under `database_specific`."),
  INVALID_VALUE(
      "S004",
      "invalid-value",
      ERROR,
      "A value is not one of those the field allows (status, reference type, credit type, Ubuntu "
          + "priority, …), or a title spans several lines.",
      "Use one of the values the message lists."),

  // Identifiers
  ID_FORMAT(
      "I001",
      "id-format",
      ERROR,
      "The ID is neither `<PREFIX>-<YYYY>-<NNNN>` with the site's prefix nor a known "
          + "database's ID.",
      "Use `disclose new` to get the next free ID, or keep the imported record's original ID."),
  ID_PLACEHOLDER(
      "I002",
      "id-placeholder",
      WARNING,
      "The advisory still has the placeholder ID `<PREFIX>-0000-0000`.",
      "Run `disclose assign-ids` (CI does it on merge) to give it the next free ID."),
  DUPLICATE_ID(
      "I003",
      "duplicate-id",
      ERROR,
      "Two files declare the same ID.",
      "Give one of them a new ID (`disclose assign-ids` after setting it to the placeholder)."),
  ALIAS_CONFLICT(
      "I004",
      "alias-conflict",
      ERROR,
      "An alias is claimed by two advisories, or names another advisory of this site. (A warning "
          + "when both are imported records of other databases.)",
      "One vulnerability, one advisory: merge them, or move the ID to `related`."),
  ALIAS_FORMAT(
      "I005",
      "alias-format",
      WARNING,
      "An alias, related or upstream ID has no known database's form.",
      "Check for a typo; aliases look like `CVE-2025-12345` or `GHSA-xxxx-xxxx-xxxx`."),
  SELF_REFERENCE(
      "I006",
      "self-reference",
      WARNING,
      "An advisory lists its own ID, or the same ID twice, in `aliases`, `related` or "
          + "`upstream`.",
      "Remove the repeated entry."),
  FILE_NAME(
      "I007",
      "file-name",
      ERROR,
      "The file name is not `<ID>.md`.",
      "Rename the file after the `id` field (or fix the `id`)."),
  RELATED_DISCLOSES(
      "I008",
      "related-discloses",
      ERROR,
      "A public advisory's `related` or `upstream` names an advisory that is still embargoed or a "
          + "draft (its ID or an alias, in any spelling): its page, OSV record and VEX would "
          + "disclose it.",
      "Remove the entry until the other advisory is public, then add it back."),

  // Dates and lifecycle
  DATE_FORMAT(
      "D001",
      "date-format",
      ERROR,
      "A date is neither `YYYY-MM-DD` nor an RFC 3339 instant.",
      "Write `2025-03-04` or `2025-03-04T16:00:00Z`."),
  MODIFIED_BEFORE_PUBLISHED(
      "D002",
      "modified-before-published",
      ERROR,
      "`modified` is earlier than `published`.",
      "Fix the dates; `modified` may equal `published`."),
  FUTURE_DATE(
      "D003",
      "future-date",
      ERROR,
      "A date lies in the future. Only `embargo` may.",
      "Fix the date; to publish later, use `status: embargoed` with an `embargo` instant."),
  TIMELINE_ORDER(
      "D004",
      "timeline-order",
      WARNING,
      "The timeline is out of order: reported ≤ acknowledged ≤ fixed ≤ disclosed, or a step "
          + "comes after `published`.",
      "Fix the dates of the timeline."),
  EMBARGO_MISSING(
      "D005",
      "embargo-missing",
      ERROR,
      "An embargoed advisory has no `embargo` instant.",
      "Add `embargo: <instant>`, for example `2026-03-01T16:00:00Z`."),
  WITHDRAWAL(
      "D006",
      "withdrawal",
      ERROR,
      "A withdrawal is incomplete or contradicts the status: `withdrawn` needs a `date` and a "
          + "`reason`, and goes with `status: withdrawn`.",
      "Give both `status: withdrawn` and `withdrawn: {date, reason}`."),

  // Packages
  UNKNOWN_ECOSYSTEM(
      "P001",
      "unknown-ecosystem",
      ERROR,
      "The ecosystem is not one of OSV's.",
      "Use OSV's spelling (`PyPI`, `npm`, `Go`, `crates.io`, `Maven`, …)."),
  PACKAGE_NAME(
      "P002",
      "package-name",
      ERROR,
      "The package name is not valid in its ecosystem.",
      "Write the name as the ecosystem's registry does."),
  PURL(
      "P003",
      "purl",
      ERROR,
      "The `purl` does not parse, or designates another package than `ecosystem`/`package`.",
      "Remove `purl` (it is derived) or correct it."),
  UNDECLARED_PACKAGE(
      "P004",
      "undeclared-package",
      WARNING,
      "The package is not among the `packages` that site-config.yaml says this project publishes.",
      "Add it to `packages` in site-config.yaml, or fix the package name."),
  AFFECTED_MISSING(
      "P005",
      "affected-missing",
      ERROR,
      "A published advisory names no affected package (only informational and withdrawn "
          + "advisories may omit them).",
      "Add an `affected` entry with `ecosystem`, `package` and `ranges`."),

  // Version ranges
  INVALID_VERSION(
      "R001",
      "invalid-version",
      ERROR,
      "A version does not parse under its ecosystem's rules (SemVer 2.0, PEP 440, Maven).",
      "Write the version as the ecosystem's registry does."),
  RANGE_ORDER(
      "R002",
      "range-order",
      ERROR,
      "`fixed` is not after `introduced`, or `last_affected` is before it.",
      "Swap the versions or fix the typo."),
  RANGE_OVERLAP(
      "R003",
      "range-overlap",
      ERROR,
      "Two ranges of the same package overlap.",
      "Merge the overlapping ranges into one."),
  RANGE_SHAPE(
      "R004",
      "range-shape",
      ERROR,
      "A range is malformed: both `fixed` and `last_affected`, a GIT range without `repo` or "
          + "with non-commit events, or `repo` on a non-GIT range.",
      "Keep one end per interval; GIT ranges take a `repo` and commit hashes."),

  // Severity (CVSS)
  CVSS_INVALID(
      "V001",
      "cvss-invalid",
      ERROR,
      "A CVSS vector does not parse, or is under the wrong key (a 4.0 vector as `cvss_v3`).",
      "Copy the vector from a CVSS calculator; it starts with `CVSS:3.1/` or `CVSS:4.0/`."),
  SEVERITY_MISMATCH(
      "V002",
      "severity-mismatch",
      ERROR,
      "The stated `level` does not match the rating of the computed CVSS base score.",
      "Fix the vector or the level (or drop `level`: it is computed)."),
  SEVERITY_MISSING(
      "V003",
      "severity-missing",
      WARNING,
      "A published, non-informational advisory has no severity.",
      "Add a CVSS vector, or at least `severity: {level: …}`."),

  // Weaknesses
  CWE_FORMAT(
      "W001",
      "cwe-format",
      ERROR,
      "A CWE ID is not of the form `CWE-<number>`.",
      "Write `CWE-79`."),
  CWE_UNKNOWN(
      "W002",
      "cwe-unknown",
      WARNING,
      "A CWE ID is not in MITRE's CWE list.",
      "Check the number at cwe.mitre.org."),

  // References and content
  URL(
      "U001",
      "url",
      ERROR,
      "A reference URL is not an absolute `http(s)` URL, or a credit contact is not a URL.",
      "Write the full URL, starting with `https://` (contacts may also be `mailto:`)."),
  BODY_EMPTY(
      "C001",
      "body-empty",
      ERROR,
      "The advisory has no details after the front matter.",
      "Describe the vulnerability, its impact, the fix and any workaround in Markdown."),
  UNKNOWN_CATEGORY(
      "C002",
      "unknown-category",
      WARNING,
      "A category is not one of RustSec's.",
      "Use one of the categories docs/advisory-format.md lists, or a keyword instead."),
  TEXT_DISCLOSES(
      "C003",
      "text-discloses",
      ERROR,
      "A public advisory's published text (title, details, references, credits, keywords, "
          + "package data) names an advisory that is still embargoed or a draft: its ID or an "
          + "alias, in any case, escaped, as HTML entities or with look-alike characters.",
      "Leave the name out until that advisory is public (or publish it first)."),

  // Release notes
  RELEASE_MISSING(
      "L001",
      "release-missing",
      WARNING,
      "A fixed version of a published advisory has no entry in the package's release notes "
          + "(an error with `release_notes_required: true`).",
      "Add the release's notes (a file in the folder, or a `## [x.y.z] - date` section), or correct the version."),
  RELEASE_UNKNOWN_ADVISORY(
      "L002",
      "release-unknown-advisory",
      WARNING,
      "Release notes name an advisory ID or alias that no advisory of this site has.",
      "Correct the ID, or add the advisory."),
  RELEASE_DISCLOSES(
      "L003",
      "release-discloses",
      ERROR,
      "Release notes name an advisory that is still embargoed or a draft (its ID or an alias, in any case, escaped, as HTML entities or with look-alike characters): the release page would disclose it.",
      "Leave the advisory out of the published notes until its embargo lifts (or publish the advisory)."),
  PUBLISHED_BEFORE_RELEASE(
      "L004",
      "published-before-release",
      WARNING,
      "An advisory was published before the release that fixes it: users could read of the flaw before they could upgrade.",
      "Publish the advisory with or after the fix release; if that was intended, record why in the advisory."),
  RELEASE_SILENT(
      "L005",
      "release-silent",
      WARNING,
      "A release fixes an advisory its notes do not mention.",
      "Add a Security entry naming the advisory (ID and CVE), or let `disclose link-release-notes --write` add it."),
  RELEASE_AHEAD(
      "L006",
      "release-ahead",
      ERROR,
      "A release dated after now fixes an advisory that is still embargoed or a draft: its release page would announce the fix before the advisory is public.",
      "Keep the release's notes out of the site until it is released and the advisory is public, or correct its date.");

  /** The rule a YAML reading problem breaks. */
  public static Rule of(YamlProblem.Kind kind) {
    return switch (kind) {
      case SYNTAX -> YAML_SYNTAX;
      case DUPLICATE_KEY -> DUPLICATE_KEY;
      case LIMIT -> YAML_LIMIT;
      case TAG -> YAML_TAG;
    };
  }

  private final String code;
  private final String slug;
  private final DiagnosticSeverity severity;
  private final String summary;
  private final String fix;

  Rule(String code, String slug, DiagnosticSeverity severity, String summary, String fix) {
    this.code = code;
    this.slug = slug;
    this.severity = severity;
    this.summary = summary;
    this.fix = fix;
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

  public String summary() {
    return summary;
  }

  public String fix() {
    return fix;
  }
}
