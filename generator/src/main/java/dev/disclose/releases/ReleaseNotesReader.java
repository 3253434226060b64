package dev.disclose.releases;

import dev.disclose.advisory.FrontMatter;
import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfig.ReleaseNotesSource;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the release notes each published package declares in site-config.yaml: a folder of one
 * Markdown file per release (front matter {@code version}, {@code date}), a Keep-a-Changelog
 * file ({@code ## [1.2.3] - 2025-01-01} sections), or a URL template for notes published
 * elsewhere. Files must lie inside the site, be UTF-8 and under 1 MiB ({@link SiteRoot#readText}):
 * release notes arrive by pull request like advisories.
 */
public final class ReleaseNotesReader {
  /** A Keep-a-Changelog release heading: {@code ## [1.2.3] - 2025-01-01} (the date optional). */
  static final Pattern CHANGELOG_HEADING = Pattern.compile(
      "^## \\[(?<version>[^\\]]+)\\](?:\\s*[-–]\\s*(?<date>\\d{4}-\\d{2}-\\d{2}))?.*$");
  static final Pattern FRONT_VERSION = Pattern.compile("(?m)^version:\\s*[\"']?([^\"'\\s#]+)[\"']?\\s*(?:#.*)?$");
  static final Pattern FRONT_DATE = Pattern.compile("(?m)^date:\\s*[\"']?(\\d{4}-\\d{2}-\\d{2})[\"']?\\s*(?:#.*)?$");

  private ReleaseNotesReader() {}

  /** Every release of every package that declares release notes, in config order, then file order. */
  public static List<Release> read(Path root, SiteConfig config) throws SiteException {
    return read(root, config, Texts.DIRECT);
  }

  /**
   * As {@link #read(Path, SiteConfig)}, the files read through the site: opened with its previous
   * parses (the preview server), an unchanged file's releases are the same instances as last
   * time, and are not parsed again (5,600 releases in 3,400 files took 0.1 s of each rebuild).
   */
  public static List<Release> read(SiteRoot site) throws SiteException {
    return read(site.root(), site.config().config(), site::readParsed);
  }

  /** How the files are read and parsed ({@link SiteRoot#readParsed}'s shape). */
  @FunctionalInterface
  interface Texts {
    Texts DIRECT = new Texts() {
      @Override
      public <T> T read(Path file, Object shown, Object key, java.util.function.Function<String, T> parse) throws SiteException {
        return parse.apply(SiteRoot.readText(file, shown));
      }
    };

    <T> T read(Path file, Object shown, Object key, java.util.function.Function<String, T> parse) throws SiteException;
  }

  private static List<Release> read(Path root, SiteConfig config, Texts texts) throws SiteException {
    List<Release> out = new ArrayList<>();
    for (SiteConfig.PublishedPackage p : config.packages()) {
      if (p.releaseNotes().isEmpty()) continue;
      ReleaseNotesSource source = p.releaseNotes().get();
      if (source instanceof ReleaseNotesSource.Folder folder) {
        out.addAll(folder(root, p, folder.path(), texts));
      } else if (source instanceof ReleaseNotesSource.Changelog changelog) {
        out.addAll(changelog(root, p, changelog.path(), texts));
      }
    }
    return out;
  }

  static List<Release> folder(Path root, SiteConfig.PublishedPackage p, String folder, Texts texts) throws SiteException {
    Path dir = inside(root, folder);
    if (!Files.isDirectory(dir)) return List.of();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .sorted().toList();
    } catch (IOException e) {
      throw new SiteException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    List<Release> out = new ArrayList<>();
    for (Path f : files) {
      String relative = root.relativize(f).toString().replace('\\', '/');
      texts.read(f, root.relativize(f), List.of("release", relative, p.ecosystem(), p.name()),
          text -> release(p, relative, text)).ifPresent(out::add);
    }
    return out;
  }

  /** The release a file of a folder of release notes describes, if its front matter names a version. */
  private static Optional<Release> release(SiteConfig.PublishedPackage p, String relative, String text) {
    if (!(FrontMatter.split(text) instanceof FrontMatter.Split.Parts parts)) return Optional.empty();
    Matcher v = FRONT_VERSION.matcher(parts.frontMatter().yaml());
    if (!v.find()) return Optional.empty();
    Matcher d = FRONT_DATE.matcher(parts.frontMatter().yaml());
    return Optional.of(new Release(p.ecosystem(), p.name(), v.group(1), d.find() ? date(d.group(1)) : Optional.empty(),
        parts.frontMatter().body().strip(), relative, 1, Optional.empty()));
  }

  static List<Release> changelog(Path root, SiteConfig.PublishedPackage p, String file, Texts texts) throws SiteException {
    Path f = inside(root, file);
    if (!Files.isRegularFile(f)) return List.of();
    String relative = root.relativize(f).toString().replace('\\', '/');
    return texts.read(f, root.relativize(f), List.of("changelog", relative, p.ecosystem(), p.name()),
        text -> changelog(p, relative, text));
  }

  /** The releases of a Keep-a-Changelog file, in file order. */
  private static List<Release> changelog(SiteConfig.PublishedPackage p, String relative, String text) {
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
          out.add(new Release(p.ecosystem(), p.name(), version, date, body.toString().strip(), relative, start + 1, Optional.empty()));
        }
        version = heading ? m.group("version").strip() : null;
        date = heading && m.group("date") != null ? date(m.group("date")) : Optional.empty();
        start = i;
        body.setLength(0);
        continue;
      }
      // Link reference definitions at the end ([1.2.3]: https://…) belong to no release.
      if (version != null && !line.matches("^\\[[^\\]]+\\]:\\s*\\S+.*$")) body.append(line).append('\n');
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

  /** A configured path, which must stay inside the site (also through symbolic links). */
  static Path inside(Path root, String configured) throws SiteException {
    Path p = root.resolve(configured).normalize();
    try {
      if (!SiteRoot.isInside(root, p)) {
        throw new SiteException("release notes `" + configured + "` in site-config.yaml must lie inside the site");
      }
    } catch (IOException e) {
      throw new SiteException("cannot read " + configured + ": " + e.getMessage(), e);
    }
    return p;
  }
}
