package dev.disclose.config;

import dev.disclose.advisory.Fields;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.config.SiteConfig.ResponseTargets.DisclosureStart;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns site-config.yaml's {@code response_targets}, {@code holidays} and {@code time_zone} into
 * {@link SiteConfig.ResponseTargets}. A target is written the way a policy states it, {@code 3
 * working days} (or {@code business days}), {@code 90 days}, or a plain number of calendar days;
 * the disclosure target may end in {@code from the fix}. The fix target is one value for every
 * severity level or a map by level. The older keys {@code acknowledge_days}, {@code fix_days} and
 * {@code disclose_days} still read as calendar days, so existing sites keep their meaning.
 */
final class ResponseTargetsParser {
  static final List<String> TARGET_KEYS =
      List.of(
          "acknowledge",
          "assess",
          "fix",
          "disclose",
          "acknowledge_days",
          "fix_days",
          "disclose_days");

  private static final Pattern TARGET =
      Pattern.compile(
          "(\\d{1,4})(?:\\s+(?:(working|business|calendar)\\s+)?days?)?"
              + "(?:\\s+(?:from|after)\\s+(?:the\\s+)?(report|fix))?",
          Pattern.CASE_INSENSITIVE);

  private ResponseTargetsParser() {}

  /** The team's calendar: {@code time_zone} (default UTC) and {@code holidays}, a list of dates. */
  static WorkingDays calendar(Fields f, Findings findings) {
    ZoneId zone = ZoneOffset.UTC;
    Optional<String> zoneName = f.string("time_zone");
    if (zoneName.isPresent()) {
      try {
        zone = ZoneId.of(zoneName.get().strip());
      } catch (DateTimeException e) {
        findings.report(
            Rule.INVALID_VALUE,
            f.valuePosition("time_zone"),
            "`time_zone` is `"
                + zoneName.get()
                + "`; write the time zone the team works in, like `Europe/Berlin` or `UTC`");
      }
    }
    Set<LocalDate> holidays = new HashSet<>();
    for (YamlNode item : f.items("holidays")) {
      String text = item instanceof YamlNode.Scalar s ? s.text().strip() : item.kindName();
      try {
        holidays.add(LocalDate.parse(text));
      } catch (DateTimeException e) {
        findings.report(
            Rule.INVALID_VALUE,
            item.position(),
            "`holidays` lists `" + text + "`; write each holiday as a date, like 2026-12-25");
      }
    }
    return new WorkingDays(zone, holidays);
  }

  /** The response targets written as {@code m}, the {@code response_targets} of {@code parent}. */
  static SiteConfig.ResponseTargets parse(
      Fields parent, YamlNode.Mapping m, WorkingDays calendar, Findings findings) {
    Fields t =
        Fields.of(
            m,
            parent.child("response_targets"),
            "`response_targets`",
            TARGET_KEYS,
            findings,
            parent.positions());
    String fixKey = key(t, "fix", findings);
    Map<SeverityLevel, ResponseTarget> fix = new EnumMap<>(SeverityLevel.class);
    Optional<YamlNode> fixNode = t.node(fixKey);
    if (fixNode.isPresent() && fixNode.get() instanceof YamlNode.Mapping byLevel) {
      List<String> levels =
          Arrays.stream(SeverityLevel.values()).map(SeverityLevel::spelling).toList();
      Fields l =
          Fields.of(byLevel, t.child(fixKey), "`" + fixKey + "`", levels, findings, t.positions());
      for (SeverityLevel level : SeverityLevel.values()) {
        target(l, level.spelling(), false, findings).ifPresent(d -> fix.put(level, d.target()));
      }
    } else if (fixNode.isPresent()) {
      target(t, fixKey, false, findings)
          .ifPresent(
              d -> {
                for (SeverityLevel level : SeverityLevel.values()) fix.put(level, d.target());
              });
    }
    Optional<Parsed> disclose = target(t, key(t, "disclose", findings), true, findings);
    return new SiteConfig.ResponseTargets(
        target(t, key(t, "acknowledge", findings), false, findings).map(Parsed::target),
        target(t, "assess", false, findings).map(Parsed::target),
        fix,
        disclose.map(Parsed::target),
        disclose.map(Parsed::start).orElse(DisclosureStart.REPORT),
        calendar);
  }

  private record Parsed(ResponseTarget target, DisclosureStart start) {}

  /** The key a step is written under: {@code step}, or its older {@code step_days}. */
  private static String key(Fields t, String step, Findings findings) {
    String old = step + "_days";
    if (t.has(step) && t.has(old)) {
      findings.report(
          Rule.INVALID_VALUE,
          t.keyPosition(old),
          "`response_targets` has both `"
              + step
              + "` and `"
              + old
              + "`; keep `"
              + step
              + "` and remove `"
              + old
              + "`");
    }
    return t.has(old) && !t.has(step) ? old : step;
  }

  private static Optional<Parsed> target(
      Fields f, String key, boolean mayStartAtFix, Findings findings) {
    return f.string(key)
        .flatMap(
            text -> {
              Matcher m = TARGET.matcher(text.strip());
              boolean legacy = key.endsWith("_days");
              if (m.matches() && (!legacy || m.group(2) == null && m.group(3) == null)) {
                int days = Integer.parseInt(m.group(1));
                boolean fromFix = "fix".equalsIgnoreCase(m.group(3));
                if (days > 0 && days <= 3650 && (mayStartAtFix || !fromFix)) {
                  String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
                  return Optional.of(
                      new Parsed(
                          new ResponseTarget(
                              days,
                              unit.equals("working") || unit.equals("business")
                                  ? ResponseTarget.Unit.WORKING
                                  : ResponseTarget.Unit.CALENDAR),
                          fromFix ? DisclosureStart.FIX : DisclosureStart.REPORT));
                }
              }
              findings.report(
                  Rule.INVALID_VALUE,
                  f.valuePosition(key),
                  "`" + key + "` is `" + text + "`; " + advice(key, legacy, mayStartAtFix));
              return Optional.empty();
            });
  }

  private static String advice(String key, boolean legacy, boolean mayStartAtFix) {
    if (legacy) return "write a whole number of calendar days, 1 to 3650, like 90";
    return "write 1 to 3650 days as the policy states them, like `3 working days` or `90 days`"
        + (mayStartAtFix ? ", and `from the fix` if the days start at the fix" : "");
  }
}
