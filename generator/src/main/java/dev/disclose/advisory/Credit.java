package dev.disclose.advisory;

import java.util.List;
import java.util.Optional;

/** Someone to thank, as OSV credits them. */
public record Credit(String name, List<String> contact, Optional<CreditType> type) {
  public Credit {
    contact = List.copyOf(contact);
  }

  /** OSV's credit types. */
  public enum CreditType {
    FINDER,
    REPORTER,
    ANALYST,
    COORDINATOR,
    REMEDIATION_DEVELOPER,
    REMEDIATION_REVIEWER,
    REMEDIATION_VERIFIER,
    TOOL,
    SPONSOR,
    OTHER
  }
}
