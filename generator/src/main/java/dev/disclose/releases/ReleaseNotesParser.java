package dev.disclose.releases;

import dev.disclose.advisory.FrontMatter;
import dev.disclose.config.SiteConfig;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release notes' text → releases: a file of a folder of one Markdown file per release (front matter
 * {@code version}, {@code date}), or a Keep-a-Changelog file ({@code ## [1.2.3] - 2025-01-01}
 * sections).
 */
public final class ReleaseNotesParser {
  /** A Keep-a-Changelog release heading: {@code ## [1.2.3] - 2025-01-01} (the date optional). */
  static final Pattern CHANGELOG_HEADING =
      Pattern.compile(
          "^## \\[(?<version>[^\\]]++)\\](?:\\s*+[-–]\\s*+(?<date>\\d{4}-\\d{2}-\\d{2}))?.*+$");

  static final Pattern FRONT_VERSION =
      Pattern.compile("(?m)^version:\\s*[\"']?([^\"'\\s#]+)[\"']?\\s*(?:#.*)?$");
  static final Pattern FRONT_DATE =
      Pattern.compile("(?m)^date:\\s*[\"']?(\\d{4}-\\d{2}-\\d{2})[\"']?\\s*(?:#.*)?$");

  /** A Markdown link definition line, {@code [1.2.3]: https://…}; possessive, so linear. */
  static final Pattern LINK_DEFINITION = Pattern.compile("\\[[^\\]]++\\]:\\s*+\\S++.*+");

  private ReleaseNotesParser() {}

  /**
   * The release a file of a folder of release notes describes, if its front matter names a version.
   */
  public static Optional<Release> folderRelease(
      SiteConfig.PublishedPackage p, String relative, String text) {
    if (!(FrontMatter.split(text) instanceof FrontMatter.Split.Parts parts))
      return Optional.empty();
    Matcher v = FRONT_VERSION.matcher(parts.frontMatter().yaml());
    if (!v.find()) return Optional.empty();
    Matcher d = FRONT_DATE.matcher(parts.frontMatter().yaml());
    return Optional.of(
        new Release(
            p.ecosystem(),
            p.name(),
            v.group(1),
            d.find() ? date(d.group(1)) : Optional.empty(),
            parts.frontMatter().body().strip(),
            relative,
            1,
            Optional.empty()));
  }

  /** The releases of a Keep-a-Changelog file, in file order. */
  public static List<Release> changelog(
      SiteConfig.PublishedPackage p, String relative, String text) {
    String[] lines = text.split("\n", -1);
    List<Release> out = new ArrayList<>();
    String version = null;
    Optional<LocalDate> date = Optional.empty();
    int start = 0;
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i].stripTrailing() : null;
      Matcher m = line == null ? null : CHANGELOG_HEADING.matcher(line);
      boolean heading = m != null && m.matches();
      boolean otherTopHeading = line != null && !heading && line.startsWith("## ");
      if (line == null || heading || otherTopHeading) {
        if (version != null && !version.equalsIgnoreCase("unreleased")) {
          out.add(
              new Release(
                  p.ecosystem(),
                  p.name(),
                  version,
                  date,
                  body.toString().strip(),
                  relative,
                  start + 1,
                  Optional.empty()));
        }
        version = heading ? m.group("version").strip() : null;
        date = heading && m.group("date") != null ? date(m.group("date")) : Optional.empty();
        start = i;
        body.setLength(0);
        continue;
      }
      // Link reference definitions at the end ([1.2.3]: https://…) belong to no release.
      if (version != null && !LINK_DEFINITION.matcher(line).matches())
        body.append(line).append('\n');
    }
    return List.copyOf(out);
  }

  private static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
