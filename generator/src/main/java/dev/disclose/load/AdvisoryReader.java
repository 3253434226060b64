package dev.disclose.load;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.sealing.SealingException;
import dev.disclose.sealing.SealingKey;
import dev.disclose.yaml.Position;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and reads the advisory files of a site: every {@code *.md} under {@code advisories/} except
 * READMEs, and every sealed {@code *.md.asc}, opened in memory when a key is given. Files come from
 * pull requests, so reading is defensive: a symbolic link that leads outside the site root is
 * refused, files over {@link SiteRoot#MAX_BYTES} are not read, bytes must be UTF-8. Each problem is
 * reported against its file and the other files are still read.
 */
public final class AdvisoryReader {
  /** The order files are listed in, whether walked or updated from a watcher's report. */
  static final Comparator<Path> BY_NAME = Comparator.comparing(Path::toString);

  /** What {@code disclose seal} puts after an advisory's ID. */
  public static final String SEALED_EXTENSION = ".md.asc";

  /** One file's outcome: its advisory, or the findings that kept it from being one, or both. */
  public record AdvisoryFile(Path path, Optional<Advisory> advisory, List<Diagnostic> diagnostics) {
    public AdvisoryFile {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** A file's bytes, or the finding that kept them from being read. */
  sealed interface Read {
    record Bytes(byte[] bytes) implements Read {}

    record Failed(AdvisoryFile file) implements Read {}
  }

  private final Path root;
  private final Path realRoot;
  private final PathDisplay display;
  private final Optional<SealingKey> key;

  /** {@code root} is the site root; {@code display} turns paths into what messages print. */
  public AdvisoryReader(Path root, PathDisplay display) throws IOException {
    this(root, display, Optional.empty());
  }

  /** As above, opening sealed advisories with {@code key} when there is one. */
  public AdvisoryReader(Path root, PathDisplay display, Optional<SealingKey> key)
      throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
    this.display = display;
    this.key = key;
  }

  /**
   * Lists the advisory files under {@code dir}, in name order; problems met while walking go to
   * {@code problems}.
   */
  public List<Path> walk(Path dir, List<Diagnostic> problems) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            // A folder named like an advisory is listed, so that reading it reports the mistake.
            if (!d.equals(dir) && isAdvisoryFile(d)) files.add(d);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
            if (isAdvisoryFile(p)) files.add(p);
            else if (attrs.isSymbolicLink())
              checkLink(p, problems); // a linked folder: refuse if it leads out
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path p, IOException e) {
            // An unreadable folder is a finding about that folder; the others are still read.
            problems.add(
                Diagnostic.of(
                    display.of(p),
                    Position.START,
                    Rule.UNREADABLE,
                    "cannot read this "
                        + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "folder" : "file")
                        + ": "
                        + describe(e)));
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(BY_NAME);
    return files;
  }

  /**
   * {@code files} (sorted) with the {@code changed} paths a file watcher reported added or removed,
   * or null if a folder or link changed under {@code dir}: then only a walk can tell what is there.
   */
  static List<Path> updated(List<Path> files, Set<Path> changed, Path dir) {
    List<Path> added = new ArrayList<>();
    Set<Path> removed = new HashSet<>();
    for (Path p : changed) {
      if (!p.startsWith(dir)) continue;
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        attributes = null; // gone (or unreadable: the walk reports it)
      }
      if (attributes != null && !attributes.isRegularFile()) return null;
      if (attributes == null) {
        if (!Files.notExists(p, LinkOption.NOFOLLOW_LINKS)) return null;
        for (Path f : files) if (f.startsWith(p) && !f.equals(p)) return null; // a folder went away
      }
      if (!isAdvisoryFile(p)) continue;
      if (attributes != null) added.add(p);
      else removed.add(p);
    }
    if (added.isEmpty() && removed.isEmpty()) return files;
    Set<Path> all = new LinkedHashSet<>(files);
    all.removeAll(removed);
    all.addAll(added);
    List<Path> sorted = new ArrayList<>(all);
    sorted.sort(BY_NAME);
    return sorted;
  }

  /**
   * Every {@code *.md} file counts, whatever the case of the extension, except READMEs; and every
   * sealed {@code *.md.asc}.
   */
  public static boolean isAdvisoryFile(Path p) {
    String name = p.getFileName().toString();
    return (name.toLowerCase(Locale.ROOT).endsWith(".md") && !name.equalsIgnoreCase("README.md"))
        || isSealed(p);
  }

  /** A sealed advisory: {@code <ID>.md.asc}, the OpenPGP message {@code disclose seal} writes. */
  public static boolean isSealed(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(SEALED_EXTENSION) && name.length() > SEALED_EXTENSION.length();
  }

  /** The ID a sealed file's name gives: all the build knows of it without the key. */
  public static String sealedId(Path p) {
    String name = p.getFileName().toString();
    return name.substring(0, name.length() - SEALED_EXTENSION.length());
  }

  /** Whether {@code p} really lies under advisories/ (after following links). */
  public boolean isInsideAdvisories(Path p) {
    try {
      Path dir = root.resolve(SiteRoot.ADVISORIES_DIR);
      Path absolute = p.toAbsolutePath().normalize();
      return absolute.startsWith(dir)
          && (!Files.exists(absolute) || absolute.toRealPath().startsWith(dir.toRealPath()));
    } catch (IOException e) {
      return false;
    }
  }

  private void checkLink(Path link, List<Diagnostic> problems) {
    if (leadsOutside(link)) {
      problems.add(
          Diagnostic.of(
              display.of(link),
              Position.START,
              Rule.SYMLINK_OUTSIDE,
              "symbolic link leads outside the site root ("
                  + linkTarget(link)
                  + "); advisories must "
                  + "be files inside the repository"));
    }
  }

  /** Reads and parses one file. */
  public AdvisoryFile read(Path file) {
    Read read = readBytes(file);
    return read instanceof Read.Bytes b ? parse(file, b.bytes()) : ((Read.Failed) read).file();
  }

  /**
   * The file's bytes, unless it is a link leading out, not a regular file, too large or unreadable.
   */
  Read readBytes(Path file) {
    Path shown = display.of(file);
    Path absolute = file.toAbsolutePath().normalize();
    try {
      if (Files.isSymbolicLink(absolute) && leadsOutside(absolute)) {
        return failed(
            file,
            shown,
            Rule.SYMLINK_OUTSIDE,
            "symbolic link leads outside the site root ("
                + linkTarget(absolute)
                + "); advisories must be files inside the repository");
      }
      if (!Files.isRegularFile(absolute)) {
        return failed(
            file,
            shown,
            Rule.UNREADABLE,
            Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
                ? "not a regular file"
                : "no such file");
      }
      long size = Files.size(absolute);
      if (size > SiteRoot.MAX_BYTES) {
        return failed(
            file,
            shown,
            Rule.FILE_TOO_LARGE,
            "the file is "
                + size
                + " bytes; an advisory may be at most 1 MiB (1048576 bytes): shorten the details and "
                + "link long write-ups as references");
      }
      byte[] bytes = Files.readAllBytes(absolute);
      if (bytes.length > SiteRoot.MAX_BYTES) { // grew since we looked
        return failed(file, shown, Rule.FILE_TOO_LARGE, "the file is larger than 1 MiB");
      }
      return new Read.Bytes(bytes);
    } catch (IOException | SecurityException e) {
      return failed(file, shown, Rule.UNREADABLE, "cannot read the file: " + describe(e));
    }
  }

  /**
   * The advisory {@code bytes} state, or why they state none. A sealed file is opened in memory
   * with the key and parsed as its plaintext (findings name the sealed file, at the plaintext's
   * lines); without the key it states nothing and is no finding: the check knows its ID alone.
   */
  AdvisoryFile parse(Path file, byte[] bytes) {
    Path shown = display.of(file);
    if (isSealed(file)) {
      try {
        if (key.isEmpty()) {
          // Without the key the file's form can still be checked: a damaged one fails every build.
          SealingKey.recipientsOf(bytes);
          return new AdvisoryFile(file, Optional.empty(), List.of());
        }
        bytes = key.get().open(bytes);
      } catch (SealingException e) {
        return new AdvisoryFile(
            file,
            Optional.empty(),
            List.of(
                Diagnostic.of(
                    shown, Position.START, Rule.SEALED_FILE, "this file " + e.getMessage())));
      }
    }
    StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
    if (decoded instanceof StrictUtf8.Decoded.Invalid invalid) {
      return new AdvisoryFile(
          file,
          Optional.empty(),
          List.of(
              Diagnostic.of(
                  shown,
                  invalid.position(),
                  Rule.INVALID_UTF8,
                  String.format(
                      "byte 0x%02X at offset %d is not valid UTF-8; " + "re-save the file as UTF-8",
                      bytes[invalid.offset()] & 0xFF, invalid.offset()))));
    }
    String text = ((StrictUtf8.Decoded.Text) decoded).text();
    AdvisoryParser.Parsed result =
        AdvisoryParser.parse(text, shown, relative(file.toAbsolutePath().normalize()));
    return new AdvisoryFile(file, result.advisory(), result.diagnostics());
  }

  /** The path from the site root, with forward slashes: {@code advisories/2025/X.md}. */
  public String relative(Path absolute) {
    Path rel = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    return rel.toString().replace('\\', '/');
  }

  private boolean leadsOutside(Path link) {
    try {
      return !link.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      // A dangling link: judge it by where it points.
      try {
        Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        return !target.startsWith(root);
      } catch (IOException inner) {
        return true;
      }
    }
  }

  private static String linkTarget(Path link) {
    try {
      return "points to " + Files.readSymbolicLink(link);
    } catch (IOException e) {
      return "unreadable target";
    }
  }

  private static Read failed(Path file, Path shown, Rule rule, String message) {
    return new Read.Failed(
        new AdvisoryFile(
            file, Optional.empty(), List.of(Diagnostic.of(shown, Position.START, rule, message))));
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass()
            .getSimpleName()
            .replace("Exception", "")
            .replaceAll("([a-z])([A-Z])", "$1 $2")
            .toLowerCase(Locale.ROOT)
        + (message == null ? "" : " (" + message + ")");
  }
}
