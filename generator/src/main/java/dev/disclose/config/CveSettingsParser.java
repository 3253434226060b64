package dev.disclose.config;

import dev.disclose.advisory.Fields;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.YamlNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns site-config.yaml's {@code cve} into {@link CveSettings}; settings that are wrong anywhere
 * make no CNA, since a record must not name an assigner nobody wrote correctly.
 */
final class CveSettingsParser {
  static final List<String> KEYS = List.of("cna", "assigner_org_id", "assigner_short_name");

  /** An organization UUID as the CVE record format accepts it. */
  private static final Pattern ORG_ID =
      Pattern.compile(
          "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}");

  private CveSettingsParser() {}

  /** The settings written as {@code m}, the {@code cve} of {@code parent}. */
  static CveSettings parse(Fields parent, YamlNode.Mapping m, Findings findings) {
    int before = findings.diagnostics().size();
    Fields c = Fields.of(m, parent.child("cve"), "`cve`", KEYS, findings, parent.positions());
    boolean cna = false;
    Optional<String> written = c.string("cna").map(String::strip);
    if (written.isPresent() && !written.get().equals("true") && !written.get().equals("false")) {
      findings.report(
          Rule.INVALID_VALUE,
          c.valuePosition("cna"),
          "`cna` in `cve` is `"
              + written.get()
              + "`; write `true` if this project is the CNA that assigns its CVE IDs, else `false`");
    } else {
      cna = written.map("true"::equals).orElse(false);
    }
    Optional<String> orgId = c.string("assigner_org_id").map(String::strip);
    orgId
        .filter(id -> !ORG_ID.matcher(id).matches())
        .ifPresent(
            id ->
                findings.report(
                    Rule.INVALID_VALUE,
                    c.valuePosition("assigner_org_id"),
                    "`assigner_org_id` is `"
                        + id
                        + "`, not an organization UUID; copy your CNA's UUID from CVE Services"
                        + " (`cve org` in cvelib shows it)"));
    if (cna && !c.has("assigner_org_id")) {
      c.missing(
          "assigner_org_id",
          ": a CNA's records name it by its organization UUID at CVE Services (`cve org` in"
              + " cvelib shows it)");
    }
    Optional<String> shortName = c.string("assigner_short_name").map(String::strip);
    shortName
        .filter(n -> n.length() < 2 || n.length() > 32)
        .ifPresent(
            n ->
                findings.report(
                    Rule.INVALID_VALUE,
                    c.valuePosition("assigner_short_name"),
                    "`assigner_short_name` is `"
                        + n
                        + "`; write your CNA's short name at CVE Services, 2 to 32 characters"));
    if (findings.diagnostics().size() > before) return CveSettings.NONE;
    return new CveSettings(cna, orgId, shortName);
  }
}
