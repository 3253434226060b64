package dev.disclose.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code cve} in site-config.yaml: who assigns the CVE IDs the CVE export writes records for, read
 * whole or not at all; and the {@code cve} format, which a site publishes only when it says so.
 */
class CveSettingsConfigTest {
  static final String ORG = "0c2d3a51-58f9-4f4e-9a63-2fd8c1a7e0b4";

  private static SiteConfigLoader.Loaded read(String rest) {
    return SiteConfigLoader.parse(
        "title: T\nbase_url: https://example.org/\nid_prefix: FIX\n"
            + "security_contact: mailto:s@example.org\n"
            + rest,
        Path.of("site-config.yaml"),
        List.of("osv", "cve"));
  }

  private static List<String> findings(SiteConfigLoader.Loaded loaded) {
    return loaded.diagnostics().stream()
        .map(d -> d.position().line() + " " + d.rule().code() + " " + d.message())
        .toList();
  }

  @Test
  void aCnaIsReadWithItsOrganization() {
    SiteConfigLoader.Loaded loaded =
        read("cve:\n  cna: true\n  assigner_org_id: " + ORG + "\n  assigner_short_name: fix\n");
    assertThat(loaded.diagnostics()).isEmpty();
    assertThat(loaded.config().cve())
        .isEqualTo(new CveSettings(true, Optional.of(ORG), Optional.of("fix")));
    assertThat(loaded.config().cve().cnaOrgId()).hasValue(ORG);
  }

  @Test
  void withoutTheBlockTheProjectIsNoCna() {
    assertThat(read("").config().cve()).isEqualTo(CveSettings.NONE);
    assertThat(read("cve: {cna: false, assigner_org_id: " + ORG + "}\n").config().cve().cnaOrgId())
        .isEmpty();
  }

  @Test
  void aCnaNeedsAnOrganizationUuid() {
    SiteConfigLoader.Loaded missing = read("cve:\n  cna: true\n");
    assertThat(findings(missing))
        .singleElement()
        .asString()
        .startsWith("6 S001 `cve` needs `assigner_org_id`: a CNA's records name it");
    assertThat(missing.config().cve()).isEqualTo(CveSettings.NONE);
    assertThat(findings(read("cve: {cna: true, assigner_org_id: corvid}\n")))
        .singleElement()
        .asString()
        .startsWith("5 S004 `assigner_org_id` is `corvid`, not an organization UUID");
  }

  @Test
  void wrongValuesAndKeysAreReportedWhereTheyAreWritten() {
    assertThat(findings(read("cve: {cna: yes, assigner_org_id: " + ORG + "}\n")))
        .singleElement()
        .asString()
        .startsWith("5 S004 `cna` in `cve` is `yes`; write `true`");
    assertThat(
            findings(
                read("cve: {cna: true, assigner_org_id: " + ORG + ", assigner_short_name: x}\n")))
        .singleElement()
        .asString()
        .startsWith("5 S004 `assigner_short_name` is `x`");
    assertThat(findings(read("cve:\n  cna: true\n  assigner_org: " + ORG + "\n")))
        .anySatisfy(f -> assertThat(f).startsWith("7 S003 unknown key `assigner_org`"));
  }

  @Test
  void theSitePublishesCveRecordsOnlyWhenFormatsNamesThem() {
    assertThat(read("").config().formats()).containsExactly("osv");
    assertThat(read("formats: [osv, cve]\n").config().formats()).containsExactly("osv", "cve");
    assertThat(read("formats: [cve]\n").config().publishes("cve")).isTrue();
  }
}
