package dev.disclose.load;

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
public final class SiteRoot {
  private final Path root;
  private final PathDisplay display;
  private final SiteConfigLoader.Loaded config;
  private final ParsedFiles parsed;

  private SiteRoot(Path root, PathDisplay display, SiteConfigLoader.Loaded config, ParsedFiles parsed) {
    this.root = root;
    this.display = display;
    this.config = config;
    this.parsed = parsed;
  }

  public static SiteRoot open(Path root, PathDisplay display) throws SiteException {
    return open(root, display, null);
  }

  /**
   * As {@link #open(Path, PathDisplay)}, its files read through {@code parsed} (null: none): a
   * file whose bytes are unchanged since the previous read is not parsed again. The preview
   * server's; its configuration (126 KB listing 1,250 packages on the benchmark's site) took
   * 50 ms of each rebuild to parse.
   */
  public static SiteRoot open(Path root, PathDisplay display, ParsedFiles parsed) throws SiteException {
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
    ParsedFiles.Bytes bytes = () -> bytes(configFile, shown);
    ParsedFiles.TextParse<SiteConfigLoader.Loaded> parse = b -> config(b, shown);
    SiteConfigLoader.Loaded loaded = parsed == null ? parse.parse(bytes.read())
        : parsed.text(List.of("config", shown), configFile, bytes, parse);
    return new SiteRoot(absolute, display, loaded, parsed);
  }

  private static SiteConfigLoader.Loaded config(byte[] bytes, Path shown) {
    if (StrictUtf8.decode(bytes) instanceof StrictUtf8.Decoded.Invalid invalid) {
      return new SiteConfigLoader.Loaded(
          SiteConfigLoader.parse("", shown).config(),
          List.of(Diagnostic.of(shown, invalid.position(), Rule.INVALID_UTF8,
              "the file is not valid UTF-8; re-save it as UTF-8")), Map.of());
    }
    return SiteConfigLoader.parse(((StrictUtf8.Decoded.Text) StrictUtf8.decode(bytes)).text(), shown);
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
    return text(bytes(file, shown), shown);
  }

  /**
   * {@code parse} of a text file read as {@link #readText}: a function of {@code key} and the
   * file's text, so that a site opened with its previous parses (the preview server) reuses
   * what it made of unchanged bytes.
   */
  public <T> T readParsed(Path file, Object shown, Object key, java.util.function.Function<String, T> parse)
      throws SiteException {
    if (parsed == null) return parse.apply(text(bytes(file, shown), shown));
    return parsed.text(key, file, () -> bytes(file, shown), b -> parse.apply(text(b, shown)));
  }

  private static byte[] bytes(Path file, Object shown) throws SiteException {
    try {
      if (Files.size(file) > AdvisoryFiles.MAX_BYTES) throw new SiteException(shown + " is larger than 1 MiB");
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SiteException("cannot read " + shown + ": " + e.getMessage(), e);
    }
  }

  private static String text(byte[] bytes, Object shown) throws SiteException {
    if (StrictUtf8.decode(bytes) instanceof StrictUtf8.Decoded.Text text) return text.text().replace("\r\n", "\n");
    throw new SiteException(shown + " is not valid UTF-8; re-save it as UTF-8");
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
