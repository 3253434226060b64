package dev.disclose.config;

import dev.disclose.advisory.Fields;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.config.ResponseTarget.Start;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
              + "(?:\\s+(?:from|after|of)\\s+(?:the\\s+)?"
              + "(report|acknowledge?ment|assessment|triage|fix))?",
          Pattern.CASE_INSENSITIVE);

  /** The longest quote of the policy a promise carries, which fits beside a figure. */
  static final int MAX_WORDING = 400;

  private ResponseTargetsParser() {}

  /**
   * The team's calendar: {@code time_zone} (default UTC) and {@code holidays}, a list of dates or
   * the path of a calendar file in the repository, which the load stage reads.
   */
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
    Optional<YamlNode> named = f.node("holidays");
    if (named.isPresent() && named.get() instanceof YamlNode.Scalar file) {
      return new WorkingDays(zone, Set.of(), Optional.of(file.text().strip()));
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
    Map<SeverityLevel, ResponseTarget> fix = fix(t, key(t, "fix", findings), findings);
    return new SiteConfig.ResponseTargets(
        step(t, key(t, "acknowledge", findings), Start.REPORT, findings),
        step(t, "assess", Start.ACKNOWLEDGEMENT, findings),
        fix,
        step(t, key(t, "disclose", findings), Start.FIX, findings),
        calendar);
  }

  /**
   * The fix target: one for every severity level, or a map by level, with the policy's wording for
   * all of them; every level's days start at the same step, so that the step has one set of
   * figures.
   */
  private static Map<SeverityLevel, ResponseTarget> fix(Fields t, String key, Findings findings) {
    Map<SeverityLevel, ResponseTarget> fix = new EnumMap<>(SeverityLevel.class);
    Optional<YamlNode> node = t.node(key);
    if (node.isEmpty()) return fix;
    if (node.get() instanceof YamlNode.Mapping byLevel && !byLevel.entry("within").isPresent()) {
      List<String> keys = new ArrayList<>();
      for (SeverityLevel level : SeverityLevel.values()) keys.add(level.spelling());
      keys.add("wording");
      Fields l = Fields.of(byLevel, t.child(key), "`" + key + "`", keys, findings, t.positions());
      Optional<String> wording = wording(l, findings);
      Start first = null;
      for (SeverityLevel level : SeverityLevel.values()) {
        Optional<ResponseTarget> target =
            target(l, level.spelling(), Start.ASSESSMENT, findings)
                .map(d -> new ResponseTarget(d.days(), d.unit(), d.from(), wording));
        if (target.isEmpty()) continue;
        if (first == null) first = target.get().from();
        if (target.get().from() != first) {
          findings.report(
              Rule.INVALID_VALUE,
              l.valuePosition(level.spelling()),
              "`"
                  + key
                  + "` counts `"
                  + level.spelling()
                  + "` from the "
                  + target.get().from().noun()
                  + " and another level from the "
                  + first.noun()
                  + "; count every level from the same step");
          continue;
        }
        fix.put(level, target.get());
      }
    } else {
      step(t, key, Start.ASSESSMENT, findings)
          .ifPresent(
              d -> {
                for (SeverityLevel level : SeverityLevel.values()) fix.put(level, d);
              });
    }
    return fix;
  }

  /**
   * A step's target: the days as the policy states them, or a map of {@code within} (the days) and
   * {@code wording} (the policy's sentence, shown beside the figures); {@code latestStart}: the
   * latest step its days may start at.
   */
  private static Optional<ResponseTarget> step(
      Fields t, String key, Start latestStart, Findings findings) {
    Optional<YamlNode> node = t.node(key);
    if (node.isPresent() && node.get() instanceof YamlNode.Mapping m && !key.endsWith("_days")) {
      Fields w =
          Fields.of(
              m,
              t.child(key),
              "`" + key + "`",
              List.of("within", "wording"),
              findings,
              t.positions());
      if (!w.has("within")) {
        w.missing("within", ", the days the policy promises, like `within: 3 working days`");
        return Optional.empty();
      }
      Optional<String> wording = wording(w, findings);
      return target(w, "within", latestStart, findings)
          .map(d -> new ResponseTarget(d.days(), d.unit(), d.from(), wording));
    }
    return target(t, key, latestStart, findings);
  }

  /** The policy's own sentence for a promise: one line of plain text. */
  private static Optional<String> wording(Fields f, Findings findings) {
    Optional<String> text = f.string("wording").map(String::strip);
    if (text.isPresent() && (text.get().isEmpty() || text.get().length() > MAX_WORDING)) {
      findings.report(
          Rule.INVALID_VALUE,
          f.valuePosition("wording"),
          "`wording` is "
              + (text.get().isEmpty() ? "empty" : "longer than " + MAX_WORDING + " characters")
              + "; quote the policy's sentence for this promise, or remove `wording`");
      return Optional.empty();
    }
    return text.map(s -> s.replaceAll("\\s+", " "));
  }

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

  private static Optional<ResponseTarget> target(
      Fields f, String key, Start latestStart, Findings findings) {
    return f.string(key)
        .flatMap(
            text -> {
              Matcher m = TARGET.matcher(text.strip());
              boolean legacy = key.endsWith("_days");
              if (m.matches() && (!legacy || m.group(2) == null && m.group(3) == null)) {
                int days = Integer.parseInt(m.group(1));
                Start from = start(m.group(3));
                if (days > 0 && days <= 3650 && from.compareTo(latestStart) <= 0) {
                  String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
                  return Optional.of(
                      new ResponseTarget(
                          days,
                          switch (unit) {
                            case "working" -> ResponseTarget.Unit.WORKING;
                            case "business" -> ResponseTarget.Unit.BUSINESS;
                            default -> ResponseTarget.Unit.CALENDAR;
                          },
                          from,
                          Optional.empty()));
                }
              }
              findings.report(
                  Rule.INVALID_VALUE,
                  f.valuePosition(key),
                  "`" + key + "` is `" + text + "`; " + advice(legacy, latestStart));
              return Optional.empty();
            });
  }

  private static Start start(String word) {
    if (word == null) return Start.REPORT;
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "acknowledgement", "acknowledgment" -> Start.ACKNOWLEDGEMENT;
      case "assessment", "triage" -> Start.ASSESSMENT;
      case "fix" -> Start.FIX;
      default -> Start.REPORT;
    };
  }

  private static String advice(boolean legacy, Start latestStart) {
    if (legacy) return "write a whole number of calendar days, 1 to 3650, like 90";
    StringBuilder starts = new StringBuilder();
    for (Start s : Start.values()) {
      if (s == Start.REPORT || s.compareTo(latestStart) > 0) continue;
      starts
          .append(starts.length() == 0 ? "" : " or ")
          .append("`from the ")
          .append(s.noun())
          .append('`');
    }
    return "write 1 to 3650 days as the policy states them, like `3 working days` or `90 days`"
        + (starts.length() == 0
            ? ", counted from the report"
            : ", and " + starts + " if the days start there");
  }
}
