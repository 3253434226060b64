package dev.disclose.advisory;

import java.util.Map;
import java.util.Optional;

/**
 * One affected interval: from {@code introduced} (default "0", the beginning) up to {@code fixed}
 * (exclusive) or {@code last_affected} (inclusive), or open-ended. {@code limit} is OSV's rarely
 * needed search bound.
 */
public record AffectedRange(
    RangeType type,
    Optional<String> repo,
    Optional<String> introduced,
    Optional<String> fixed,
    Optional<String> lastAffected,
    Optional<String> limit,
    Map<String, Object> databaseSpecific) {

  public static final String BEGINNING = "0";

  public AffectedRange {
    databaseSpecific = FreeForm.copy(databaseSpecific);
  }

  /** {@code introduced}, or "0" — OSV's "every version from the beginning". */
  public String introducedOrBeginning() {
    return introduced.orElse(BEGINNING);
  }
}
