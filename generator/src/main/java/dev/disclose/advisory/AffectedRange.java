package dev.disclose.advisory;

import java.util.ArrayList;
import java.util.List;
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

  /** This interval with other events (an import writing a commit's link as its hash, say). */
  public AffectedRange withEvents(
      Optional<String> newIntroduced,
      Optional<String> newFixed,
      Optional<String> newLastAffected,
      Optional<String> newLimit) {
    return new AffectedRange(
        type, repo, newIntroduced, newFixed, newLastAffected, newLimit, databaseSpecific);
  }

  /** {@code introduced}, or "0" — OSV's "every version from the beginning". */
  public String introducedOrBeginning() {
    return introduced.orElse(BEGINNING);
  }

  /**
   * The interval in the package-url "vers" notation under {@code scheme} (a purl type): {@code
   * vers:pypi/>=0.5.0|<0.7.2}, or {@code vers:pypi/*} for every version.
   */
  public String vers(String scheme) {
    List<String> constraints = new ArrayList<>();
    if (!introducedOrBeginning().equals(BEGINNING))
      constraints.add(">=" + versEscape(introducedOrBeginning()));
    fixed.ifPresent(f -> constraints.add("<" + versEscape(f)));
    lastAffected.ifPresent(l -> constraints.add("<=" + versEscape(l)));
    // OSV's limit ends an open interval.
    if (fixed.isEmpty() && lastAffected.isEmpty())
      limit.ifPresent(l -> constraints.add("<" + versEscape(l)));
    return "vers:" + scheme + "/" + (constraints.isEmpty() ? "*" : String.join("|", constraints));
  }

  /** vers separates constraints with "|"; a version holding one is percent-encoded. */
  private static String versEscape(String version) {
    return version.replace("%", "%25").replace("|", "%7C");
  }
}
