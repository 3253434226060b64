package dev.disclose.severity;

import dev.disclose.advisory.Severity;
import dev.disclose.advisory.SeverityLevel;
import java.util.Optional;

/** The one rating that classifies an advisory: its primary vector's, else the stated level. */
public final class Rating {
  private Rating() {}

  public static Optional<SeverityLevel> of(Severity s) {
    Optional<SeverityLevel> computed =
        s.primaryVector()
            .flatMap(
                v -> {
                  try {
                    return Optional.of(CvssScore.of(v).level());
                  } catch (IllegalArgumentException e) {
                    return Optional.empty();
                  }
                });
    return computed.or(s::level);
  }
}
