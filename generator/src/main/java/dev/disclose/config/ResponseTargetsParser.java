package dev.disclose.config;

import dev.disclose.advisory.Fields;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.YamlNode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns site-config.yaml's {@code response_targets} into {@link SiteConfig.ResponseTargets}: the
 * days the policy promises to acknowledge, fix and disclose in, the fix either one number for every
 * severity level or a map by level.
 */
final class ResponseTargetsParser {
  static final List<String> TARGET_KEYS = List.of("acknowledge_days", "fix_days", "disclose_days");

  private ResponseTargetsParser() {}

  /** The response targets written as {@code m}, the {@code response_targets} of {@code parent}. */
  static SiteConfig.ResponseTargets parse(Fields parent, YamlNode.Mapping m, Findings findings) {
    Fields t =
        Fields.of(
            m,
            parent.child("response_targets"),
            "`response_targets`",
            TARGET_KEYS,
            findings,
            parent.positions());
    Map<SeverityLevel, Integer> fix = new EnumMap<>(SeverityLevel.class);
    Optional<YamlNode> fixNode = t.node("fix_days");
    if (fixNode.isPresent() && fixNode.get() instanceof YamlNode.Mapping byLevel) {
      List<String> levels =
          Arrays.stream(SeverityLevel.values()).map(SeverityLevel::spelling).toList();
      Fields l =
          Fields.of(
              byLevel, t.child("fix_days"), "`fix_days`", levels, findings, parent.positions());
      for (SeverityLevel level : SeverityLevel.values()) {
        days(l, level.spelling(), findings).ifPresent(d -> fix.put(level, d));
      }
    } else if (fixNode.isPresent()) {
      days(t, "fix_days", findings)
          .ifPresent(
              d -> {
                for (SeverityLevel level : SeverityLevel.values()) fix.put(level, d);
              });
    }
    return new SiteConfig.ResponseTargets(
        toOptionalInt(days(t, "acknowledge_days", findings)),
        fix,
        toOptionalInt(days(t, "disclose_days", findings)));
  }

  private static Optional<Integer> days(Fields f, String key, Findings findings) {
    return f.string(key)
        .flatMap(
            text -> {
              try {
                int days = Integer.parseInt(text.strip());
                if (days > 0 && days <= 3650) return Optional.of(days);
              } catch (NumberFormatException e) {
                // reported below
              }
              findings.report(
                  Rule.INVALID_VALUE,
                  f.valuePosition(key),
                  "`" + key + "` is `" + text + "`; write a whole number of days, like 90");
              return Optional.empty();
            });
  }

  private static OptionalInt toOptionalInt(Optional<Integer> value) {
    return value.map(OptionalInt::of).orElse(OptionalInt.empty());
  }
}
