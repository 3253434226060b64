package dev.disclose.config;

import java.util.Optional;

/**
 * site-config.yaml's {@code cve}: whether this project is the CNA that assigns its advisories' CVE
 * IDs and, if so, who it is at CVE Services. A CNA's records are complete; anyone else's are CNA
 * containers for the CNA that assigned the ID, which adds its own name when it publishes them.
 *
 * @param assignerOrgId the CNA's organization UUID at CVE Services, required when {@code cna}
 * @param assignerShortName the CNA's short name at CVE Services
 */
public record CveSettings(
    boolean cna, Optional<String> assignerOrgId, Optional<String> assignerShortName) {
  public static final CveSettings NONE = new CveSettings(false, Optional.empty(), Optional.empty());

  public CveSettings {
    if (cna && assignerOrgId.isEmpty())
      throw new IllegalArgumentException("a CNA has an organization UUID");
  }

  /** The CNA's organization UUID, when this project is the CNA. */
  public Optional<String> cnaOrgId() {
    return cna ? assignerOrgId : Optional.empty();
  }
}
