package dev.disclose.load;

import dev.disclose.config.SiteConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A site root: the folder holding {@code site-config.yaml} and {@code advisories/}, and how
 * messages name the files in it. Opening one only checks that it is a site; {@link SiteLoader}
 * reads it.
 */
public final class SiteRoot {
  /** The most any text file of a site (an advisory, release notes, the policy page) may hold. */
  public static final long MAX_BYTES = 1024 * 1024;

  public static final String ADVISORIES_DIR = "advisories";

  private final Path root;
  private final PathDisplay display;

  private SiteRoot(Path root, PathDisplay display) {
    this.root = root;
    this.display = display;
  }

  /** The site in {@code root}; {@code display} turns its paths into what messages print. */
  public static SiteRoot open(Path root, PathDisplay display) throws SiteException {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new SiteException("the site root " + absolute + " is not a folder");
    }
    if (!Files.isRegularFile(absolute.resolve(SiteConfigLoader.FILE_NAME))) {
      throw new SiteException(
          "no "
              + SiteConfigLoader.FILE_NAME
              + " in "
              + absolute
              + ": run disclose in a site root, or pass --root DIR");
    }
    return new SiteRoot(absolute, display);
  }

  public Path root() {
    return root;
  }

  public PathDisplay display() {
    return display;
  }

  public Path configFile() {
    return root.resolve(SiteConfigLoader.FILE_NAME);
  }

  public Path advisoriesDir() {
    return root.resolve(ADVISORIES_DIR);
  }

  /** Whether {@code path} lies inside {@code root}, also once symbolic links are followed. */
  public static boolean isInside(Path root, Path path) throws IOException {
    Path p = path.normalize();
    return p.startsWith(root) && (!Files.exists(p) || p.toRealPath().startsWith(root.toRealPath()));
  }

  /**
   * A text file the site holds besides advisories (the policy page, release notes): at most {@link
   * #MAX_BYTES}, strict UTF-8, line ends as {@code \n}. {@code shown}: how messages name it.
   */
  public static String readText(Path file, Object shown) throws SiteException {
    return text(bytes(file, shown), shown);
  }

  /** A file's bytes, refused over {@link #MAX_BYTES}. */
  static byte[] bytes(Path file, Object shown) throws SiteException {
    try {
      if (Files.size(file) > MAX_BYTES) throw new SiteException(shown + " is larger than 1 MiB");
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SiteException("cannot read " + shown + ": " + e.getMessage(), e);
    }
  }

  /** {@code bytes} as text, if they are strict UTF-8. */
  static String text(byte[] bytes, Object shown) throws SiteException {
    if (StrictUtf8.decode(bytes) instanceof StrictUtf8.Decoded.Text text)
      return text.text().replace("\r\n", "\n");
    throw new SiteException(shown + " is not valid UTF-8; re-save it as UTF-8");
  }

  /**
   * Checks that writing {@code target} stays inside the site: its nearest existing folder must
   * really be inside the root, so a symlinked folder cannot redirect the write.
   */
  public void requireWritable(Path target) throws SiteException {
    Path existing = target.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      if (existing == null
          || !existing.toRealPath().startsWith(root.toRealPath())
          || !target.toAbsolutePath().normalize().startsWith(root)) {
        throw new SiteException(
            "refusing to write "
                + display.of(target)
                + ": it leads outside the site (through a symbolic link?)");
      }
    } catch (IOException e) {
      throw new SiteException("cannot check " + display.of(target) + ": " + e.getMessage(), e);
    }
  }
}
