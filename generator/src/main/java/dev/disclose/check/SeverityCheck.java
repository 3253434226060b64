package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.advisory.Status;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.severity.CvssScore;
import java.util.Optional;

/** V001 cvss-invalid, V002 severity-mismatch, V003 severity-missing. */
final class SeverityCheck implements AdvisoryCheck {
  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    checkSeverity(a, "severity", a.severity(), findings);
    for (int i = 0; i < a.affected().size(); i++) {
      String path = "affected[" + i + "].severity";
      a.affected().get(i).severity().ifPresent(s -> checkSeverity(a, path, s, findings));
    }
    boolean anySeverity =
        !a.severity().isEmpty() || a.affected().stream().anyMatch(p -> p.severity().isPresent());
    if (!anySeverity && a.status() == Status.PUBLISHED && a.informational().isEmpty()) {
      findings.report(
          Rule.SEVERITY_MISSING,
          a.source().key("title"),
          "the advisory has no severity; add a CVSS vector (`severity: CVSS:3.1/…`) or at least "
              + "`severity: {level: …}` so readers can triage it");
    }
  }

  private static void checkSeverity(Advisory a, String path, Severity s, Findings findings) {
    // A single vector written directly under `severity` has its position at `severity` itself.
    Optional<CvssScore> v2 = s.cvssV2().flatMap(v -> score(a, path, "cvss_v2", v, 2, findings));
    Optional<CvssScore> v3 = s.cvssV3().flatMap(v -> score(a, path, "cvss_v3", v, 3, findings));
    Optional<CvssScore> v4 = s.cvssV4().flatMap(v -> score(a, path, "cvss_v4", v, 4, findings));
    Optional<CvssScore> primary = s.cvssV4().isPresent() ? v4 : s.cvssV3().isPresent() ? v3 : v2;
    if (s.level().isPresent() && primary.isPresent()) {
      SeverityLevel stated = s.level().get();
      SeverityLevel computed = primary.get().level();
      if (stated != computed) {
        findings.report(
            Rule.SEVERITY_MISMATCH,
            a.source().value(path + ".level"),
            "`level` is "
                + stated.spelling()
                + " but the CVSS "
                + primary.get().versionLabel()
                + " vector scores "
                + primary.get().formattedScore()
                + ", which is "
                + computed.spelling()
                + "; fix the vector or the level (or drop `level`: it is computed)");
      }
    }
  }

  private static Optional<CvssScore> score(
      Advisory a, String path, String key, String vector, int expectedMajor, Findings findings) {
    String where = a.source().positions().containsKey(path + "." + key) ? path + "." + key : path;
    Optional<CvssScore> score;
    try {
      score = Optional.of(CvssScore.of(vector));
    } catch (IllegalArgumentException e) {
      findings.report(
          Rule.CVSS_INVALID,
          a.source().value(where),
          "`" + vector + "` is not a valid CVSS vector: " + e.getMessage());
      return Optional.empty();
    }
    if (score.get().majorVersion() != expectedMajor) {
      findings.report(
          Rule.CVSS_INVALID,
          a.source().value(where),
          "`"
              + key
              + "` holds a CVSS "
              + score.get().versionLabel()
              + " vector; put it under `cvss_v"
              + score.get().majorVersion()
              + "`");
      return Optional.empty();
    }
    return score;
  }
}
