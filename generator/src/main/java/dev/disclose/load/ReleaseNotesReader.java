package dev.disclose.load;

import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfig.ReleaseNotesSource;
import dev.disclose.releases.Release;
import dev.disclose.releases.ReleaseNotesParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the release notes each published package declares in site-config.yaml: a folder of one
 * Markdown file per release, or a Keep-a-Changelog file ({@link ReleaseNotesParser} parses them);
 * notes published elsewhere (a URL template) hold no file. Files must lie inside the site, be UTF-8
 * and within {@link SiteRoot#MAX_BYTES} ({@link SiteRoot#readText}), because release notes arrive
 * by pull request like advisories.
 */
public final class ReleaseNotesReader {
  private ReleaseNotesReader() {}

  /**
   * Every release of every package that declares release notes, and the text of each file they came
   * from.
   */
  public record ReleaseNotes(List<Release> releases, Map<String, String> texts) {
    public static final ReleaseNotes NONE = new ReleaseNotes(List.of(), Map.of());

    public ReleaseNotes {
      releases = List.copyOf(releases);
      texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }
  }

  /** One file of release notes, read and parsed. */
  record Parsed<T>(String text, T parse) {}

  /**
   * How a file is read and parsed: its text to {@code parse} (the loader's reuses what it made of
   * unchanged bytes); {@code key} tells the parses of one file apart.
   */
  @FunctionalInterface
  interface Texts {
    <T> Parsed<T> read(Path file, Path shown, String key, Function<String, T> parse)
        throws SiteException;
  }

  /** Reads them straight from the files. */
  public static ReleaseNotes read(Path root, SiteConfig config) throws SiteException {
    return read(
        root,
        config,
        new Texts() {
          @Override
          public <T> Parsed<T> read(Path file, Path shown, String key, Function<String, T> parse)
              throws SiteException {
            String text = SiteRoot.readText(file, shown);
            return new Parsed<>(text, parse.apply(text));
          }
        });
  }

  /**
   * Every release of every package that declares release notes, in config order, then file order.
   */
  static ReleaseNotes read(Path root, SiteConfig config, Texts texts) throws SiteException {
    List<Release> out = new ArrayList<>();
    Map<String, String> read = new LinkedHashMap<>();
    for (SiteConfig.PublishedPackage p : config.packages()) {
      if (p.releaseNotes().isEmpty()) continue;
      ReleaseNotesSource source = p.releaseNotes().get();
      if (source instanceof ReleaseNotesSource.Folder folder) {
        out.addAll(folder(root, p, folder.path(), texts, read));
      } else if (source instanceof ReleaseNotesSource.Changelog changelog) {
        out.addAll(changelog(root, p, changelog.path(), texts, read));
      }
    }
    return new ReleaseNotes(out, read);
  }

  private static List<Release> folder(
      Path root,
      SiteConfig.PublishedPackage p,
      String folder,
      Texts texts,
      Map<String, String> read)
      throws SiteException {
    Path dir = inside(root, folder);
    if (!Files.isDirectory(dir)) return List.of();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(
                  f ->
                      f.getFileName().toString().endsWith(".md")
                          && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new SiteException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    List<Release> out = new ArrayList<>();
    for (Path f : files) {
      String relative = root.relativize(f).toString().replace('\\', '/');
      Parsed<Optional<Release>> parsed =
          texts.read(
              f,
              root.relativize(f),
              String.join("\0", "release", relative, p.ecosystem(), p.name()),
              text -> ReleaseNotesParser.folderRelease(p, relative, text));
      read.put(relative, parsed.text());
      parsed.parse().ifPresent(out::add);
    }
    return out;
  }

  private static List<Release> changelog(
      Path root, SiteConfig.PublishedPackage p, String file, Texts texts, Map<String, String> read)
      throws SiteException {
    Path f = inside(root, file);
    if (!Files.isRegularFile(f)) return List.of();
    String relative = root.relativize(f).toString().replace('\\', '/');
    Parsed<List<Release>> parsed =
        texts.read(
            f,
            root.relativize(f),
            String.join("\0", "changelog", relative, p.ecosystem(), p.name()),
            text -> ReleaseNotesParser.changelog(p, relative, text));
    read.put(relative, parsed.text());
    return parsed.parse();
  }

  /** A configured path, which must stay inside the site (also through symbolic links). */
  static Path inside(Path root, String configured) throws SiteException {
    Path p = root.resolve(configured).normalize();
    try {
      if (!SiteRoot.isInside(root, p)) {
        throw new SiteException(
            "release notes `" + configured + "` in site-config.yaml must lie inside the site");
      }
    } catch (IOException e) {
      throw new SiteException("cannot read " + configured + ": " + e.getMessage(), e);
    }
    return p;
  }
}
