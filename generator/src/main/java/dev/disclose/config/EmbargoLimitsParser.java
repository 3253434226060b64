package dev.disclose.config;

import dev.disclose.advisory.Fields;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * Turns site-config.yaml's {@code embargo_policy} into {@link EmbargoLimits}; a policy that is
 * wrong anywhere limits nothing, since half of a policy would judge embargoes by a rule nobody
 * wrote.
 */
final class EmbargoLimitsParser {
  static final List<String> KEYS = List.of("min_days", "max_days", "from");

  private EmbargoLimitsParser() {}

  /** The limits written as {@code m}, the {@code embargo_policy} of {@code parent}. */
  static EmbargoLimits parse(Fields parent, YamlNode.Mapping m, Findings findings) {
    int before = findings.diagnostics().size();
    Fields p =
        Fields.of(
            m,
            parent.child("embargo_policy"),
            "`embargo_policy`",
            KEYS,
            findings,
            parent.positions());
    Optional<EmbargoLimits.Bound> min = days(p, "min_days", findings);
    Optional<EmbargoLimits.Bound> max = days(p, "max_days", findings);
    Optional<EmbargoLimits.Start> from = p.enumValue("from", EmbargoLimits.Start.class, true);
    if (!p.has("from")) {
      p.missing("from", ": `fix` or `report`, the step the embargo's days are counted from");
    }
    if (!p.has("min_days") && !p.has("max_days")) {
      findings.report(
          Rule.REQUIRED,
          parent.keyPosition("embargo_policy"),
          "`embargo_policy` sets no limit; give `min_days`, `max_days` or both, or remove it");
    }
    if (min.isPresent() && max.isPresent() && max.get().days() < min.get().days()) {
      findings.report(
          Rule.INVALID_VALUE,
          p.valuePosition("max_days"),
          "`max_days` "
              + max.get().days()
              + " is less than `min_days` "
              + min.get().days()
              + "; no embargo could satisfy both, so swap them or correct one");
    }
    if (findings.diagnostics().size() > before || from.isEmpty()) return EmbargoLimits.NONE;
    return new EmbargoLimits(min, max, from.get());
  }

  private static Optional<EmbargoLimits.Bound> days(Fields f, String key, Findings findings) {
    return f.string(key)
        .flatMap(
            text -> {
              try {
                int days = Integer.parseInt(text.strip());
                if (days >= 0 && days <= 3650) {
                  return Optional.of(new EmbargoLimits.Bound(days, f.valuePosition(key).line()));
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              findings.report(
                  Rule.INVALID_VALUE,
                  f.valuePosition(key),
                  "`"
                      + key
                      + "` in `embargo_policy` is `"
                      + text
                      + "`; write a whole number of calendar days, 0 to 3650, like 90");
              return Optional.empty();
            });
  }
}
