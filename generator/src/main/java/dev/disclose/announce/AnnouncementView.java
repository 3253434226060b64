package dev.disclose.announce;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.Credit;
import dev.disclose.advisory.RangeType;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.markdown.MarkdownText;
import dev.disclose.severity.CvssScore;
import dev.disclose.severity.Rating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an announcement template sees of one advisory: plain text only, each value free of the
 * control characters that could break a header or the layout of a mail.
 */
public final class AnnouncementView {
  private AnnouncementView() {}

  /** The template's variables for {@code a}, published at {@code url}. */
  public static Map<String, Object> of(Advisory a, String url, String siteTitle) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", a.id());
    v.put("title", clean(a.title()));
    v.put("url", url);
    v.put("site", clean(siteTitle));
    v.put("published", a.effectivePublished().map(t -> t.date().toString()).orElse(""));
    List<String> cves = a.aliases().stream().filter(x -> x.startsWith("CVE-")).toList();
    v.put("cves", cves);
    v.put("cve", cves.isEmpty() ? "" : cves.get(0));
    v.put("aliases", a.aliases().stream().filter(x -> !x.startsWith("CVE-")).toList());
    v.put("summary", paragraphs(MarkdownText.of(a.details())));
    List<Map<String, Object>> packages = new ArrayList<>();
    List<String> remedies = new ArrayList<>();
    for (Affected p : a.affected()) {
      Map<String, Object> pkg = new LinkedHashMap<>();
      pkg.put("ecosystem", clean(p.ecosystem()));
      pkg.put("name", clean(p.packageName()));
      List<String> affected = new ArrayList<>();
      Set<String> fixed = new LinkedHashSet<>();
      for (AffectedRange r : p.ranges()) {
        if (r.type() == RangeType.GIT) continue;
        affected.add(range(r));
        r.fixed().ifPresent(fixed::add);
      }
      for (String version : p.versions()) affected.add(clean(version));
      pkg.put("affected", affected);
      pkg.put("fixed", List.copyOf(fixed));
      packages.add(pkg);
      remedies.add(
          fixed.isEmpty()
              ? "No fixed version of "
                  + clean(p.packageName())
                  + " ("
                  + clean(p.ecosystem())
                  + ") has been released yet: follow the advisory for mitigations."
              : "Upgrade "
                  + clean(p.packageName())
                  + " ("
                  + clean(p.ecosystem())
                  + ") to "
                  + String.join(" or ", fixed)
                  + (fixed.size() > 1 ? ", or a later release of the same line." : " or later."));
    }
    v.put("packages", packages);
    v.put("remedies", remedies);
    Map<String, Object> severity = new LinkedHashMap<>();
    a.severity()
        .primaryVector()
        .ifPresent(
            vector -> {
              try {
                CvssScore score = CvssScore.of(vector);
                severity.put("score", score.formattedScore());
                severity.put("version", score.versionLabel());
              } catch (IllegalArgumentException e) {
                // A vector validation already reported: shown as written, without a score.
              }
              severity.put("vector", vector);
            });
    Rating.of(a.severity()).ifPresent(l -> severity.put("level", l.label()));
    v.put("severity", severity);
    CweCatalog cwes = CweCatalog.bundled();
    v.put(
        "cwes",
        a.cwes().stream()
            .map(
                c ->
                    CweCatalog.number(c).isPresent()
                        ? cwes.name(CweCatalog.number(c).getAsInt()).map(n -> c + " " + n).orElse(c)
                        : c)
            .toList());
    List<String> credits = new ArrayList<>();
    for (Credit c : a.credits()) {
      credits.add(
          clean(c.name())
              + c.type()
                  .map(t -> " (" + t.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
                  .orElse(""));
    }
    v.put("credits", credits);
    List<Map<String, String>> timeline = new ArrayList<>();
    a.timeline()
        .recorded()
        .forEach(
            (step, t) ->
                timeline.add(
                    Map.of(
                        "step",
                        Character.toUpperCase(step.charAt(0)) + step.substring(1),
                        "date",
                        t.date().toString())));
    v.put("timeline", timeline);
    v.put("references", a.references().stream().map(r -> clean(r.url())).distinct().toList());
    return v;
  }

  /** ">= 0.5.0, < 0.7.2", in ASCII, as a mail reader shows it everywhere. */
  static String range(AffectedRange r) {
    String start =
        r.introduced()
            .filter(x -> !x.equals(AffectedRange.BEGINNING))
            .map(x -> ">= " + clean(x))
            .orElse("");
    String end =
        r.fixed()
            .map(x -> "< " + clean(x))
            .or(() -> r.lastAffected().map(x -> "<= " + clean(x)))
            .or(() -> r.limit().map(x -> "< " + clean(x)))
            .orElse("");
    if (start.isEmpty() && end.isEmpty()) return "all versions";
    if (start.isEmpty()) return end;
    if (end.isEmpty()) return start;
    return start + ", " + end;
  }

  private static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\n\\s*\n")) if (!p.isBlank()) out.add(cleanKeepingLines(p));
    return out;
  }

  /** One line of text: control characters and line breaks become spaces. */
  static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
              out.appendCodePoint(control ? ' ' : c);
            });
    return out.toString().strip();
  }

  private static String cleanKeepingLines(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      if (out.length() > 0) out.append('\n');
      out.append(clean(line));
    }
    return out.toString();
  }
}
