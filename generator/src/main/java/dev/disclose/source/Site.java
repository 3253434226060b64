package dev.disclose.source;

import dev.disclose.config.SiteConfigLoader;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A site root: the folder holding {@code site-config.yaml} and {@code advisories/}. Opening it
 * reads the configuration; advisories are read on demand through {@link #files()}.
 */
public final class Site {
  private final Path root;
  private final PathDisplay display;
  private final SiteConfigLoader.Loaded config;
  private final ParsedFiles parsed;

  private Site(Path root, PathDisplay display, SiteConfigLoader.Loaded config, ParsedFiles parsed) {
    this.root = root;
    this.display = display;
    this.config = config;
    this.parsed = parsed;
  }

  /** The same site, its advisories read through {@code parsed}: unchanged files are not parsed again. */
  public Site withParsedFiles(ParsedFiles parsed) {
    return new Site(root, display, config, parsed);
  }

  public static Site open(Path root, PathDisplay display) throws SiteException {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new SiteException("the site root " + absolute + " is not a folder");
    }
    Path configFile = absolute.resolve(SiteConfigLoader.FILE_NAME);
    if (!Files.isRegularFile(configFile)) {
      throw new SiteException("no " + SiteConfigLoader.FILE_NAME + " in " + absolute
          + ": run disclose in a site root, or pass --root DIR");
    }
    Path shown = display.of(configFile);
    SiteConfigLoader.Loaded loaded;
    try {
      if (Files.size(configFile) > AdvisoryFiles.MAX_BYTES) {
        throw new SiteException(shown + " is larger than 1 MiB");
      }
      byte[] bytes = Files.readAllBytes(configFile);
      if (StrictUtf8.decode(bytes) instanceof StrictUtf8.Decoded.Invalid invalid) {
        loaded = new SiteConfigLoader.Loaded(
            SiteConfigLoader.parse("", shown).config(),
            List.of(Diagnostic.of(shown, invalid.position(), Rule.INVALID_UTF8,
                "the file is not valid UTF-8; re-save it as UTF-8")), Map.of());
      } else {
        String text = ((StrictUtf8.Decoded.Text) StrictUtf8.decode(bytes)).text();
        loaded = SiteConfigLoader.parse(text, shown);
      }
    } catch (IOException e) {
      throw new SiteException("cannot read " + shown + ": " + e.getMessage(), e);
    }
    return new Site(absolute, display, loaded, null);
  }

  /** Whether {@code path} lies inside {@code root}, also once symbolic links are followed. */
  public static boolean isInside(Path root, Path path) throws IOException {
    Path p = path.normalize();
    return p.startsWith(root) && (!Files.exists(p) || p.toRealPath().startsWith(root.toRealPath()));
  }

  /**
   * A text file the site holds besides advisories (the policy page, release notes): at most
   * 1 MiB, strict UTF-8. {@code shown}: how messages name it.
   */
  public static String readText(Path file, Object shown) throws SiteException {
    try {
      if (Files.size(file) > AdvisoryFiles.MAX_BYTES) throw new SiteException(shown + " is larger than 1 MiB");
      if (StrictUtf8.decode(Files.readAllBytes(file)) instanceof StrictUtf8.Decoded.Text text) {
        return text.text().replace("\r\n", "\n");
      }
      throw new SiteException(shown + " is not valid UTF-8; re-save it as UTF-8");
    } catch (IOException e) {
      throw new SiteException("cannot read " + shown + ": " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  public PathDisplay display() {
    return display;
  }

  public SiteConfigLoader.Loaded config() {
    return config;
  }

  public Path advisoriesDir() {
    return root.resolve(AdvisoryFiles.ADVISORIES_DIR);
  }

  /**
   * Every advisory file of the site, read and parsed, for commands that write into it; refused
   * when a symbolic link under advisories/ leads out of the site.
   */
  public AdvisoryFiles.Loaded readAll() throws SiteException {
    AdvisoryFiles files = files();
    try {
      List<Diagnostic> problems = new java.util.ArrayList<>();
      List<Path> paths = files.discover(problems);
      if (!problems.isEmpty()) {
        throw new SiteException(problems.get(0).file() + ": " + problems.get(0).message());
      }
      return files.read(paths);
    } catch (IOException e) {
      throw new SiteException("cannot list " + advisoriesDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that writing {@code target} stays inside the site: its nearest existing folder must
   * really be inside the root, so a symlinked folder cannot redirect the write.
   */
  public void requireWritable(Path target) throws SiteException {
    Path existing = target.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      if (existing == null || !existing.toRealPath().startsWith(root.toRealPath())
          || !target.toAbsolutePath().normalize().startsWith(root)) {
        throw new SiteException("refusing to write " + display.of(target)
            + ": it leads outside the site (through a symbolic link?)");
      }
    } catch (IOException e) {
      throw new SiteException("cannot check " + display.of(target) + ": " + e.getMessage(), e);
    }
  }

  public AdvisoryFiles files() throws SiteException {
    try {
      return new AdvisoryFiles(root, display, parsed);
    } catch (IOException e) {
      throw new SiteException("cannot read the site root " + root + ": " + e.getMessage(), e);
    }
  }

}
