package dev.disclose.load;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds and reads the advisory files of a site: every {@code *.md} under {@code advisories/}
 * except READMEs. Files come from pull requests, so reading is defensive: a symbolic link that
 * leads outside the site root is refused, files over {@link #MAX_BYTES} are not read, bytes
 * must be UTF-8. Each problem is reported against its file and the other files are still read.
 * Files are parsed in parallel; the result is in path order whatever the scheduling.
 */
public final class AdvisoryFiles {
  public static final long MAX_BYTES = 1024 * 1024;
  public static final String ADVISORIES_DIR = "advisories";
  /** The order files are listed in, whether walked or updated from a watcher's report. */
  private static final Comparator<Path> BY_NAME = Comparator.comparing(Path::toString);

  /** One file's outcome. */
  public record FileResult(Path path, Optional<Advisory> advisory, List<Diagnostic> diagnostics) {
    public FileResult {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Every file's outcome, in path order. */
  public record Loaded(List<FileResult> files) {
    public Loaded {
      files = List.copyOf(files);
    }

    public List<Path> paths() {
      return files.stream().map(FileResult::path).toList();
    }

    public List<Advisory> advisories() {
      return files.stream().flatMap(f -> f.advisory().stream()).toList();
    }
  }

  private final Path root;
  private final Path realRoot;
  private final PathDisplay display;
  /** The previous read's parse results, in a long-running process; null otherwise. */
  private final ParsedFiles parsed;

  /** {@code root} is the site root; {@code display} turns paths into what messages print. */
  public AdvisoryFiles(Path root, PathDisplay display) throws IOException {
    this(root, display, null);
  }

  AdvisoryFiles(Path root, PathDisplay display, ParsedFiles parsed) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
    this.display = display;
    this.parsed = parsed;
  }

  /** Lists the advisory files under {@code advisories/}; problems met while walking go to {@code problems}. */
  public List<Path> discover(List<Diagnostic> problems) throws IOException {
    return discover(root.resolve(ADVISORIES_DIR), problems);
  }

  /**
   * Lists the advisory files under {@code dir} (a folder inside advisories/). In a long-running
   * process, the whole of advisories/ is not walked again when a file watcher reported only
   * changes of advisory files (see {@link ParsedFiles#onlyChanged}): the previous walk's list is
   * updated with them.
   */
  public List<Path> discover(Path dir, List<Diagnostic> problems) throws IOException {
    if (parsed == null || !dir.equals(root.resolve(ADVISORIES_DIR))) return walk(dir, problems);
    ParsedFiles.Discovery known = parsed.discovery();
    ChangedPaths.Report report = parsed.changes();
    // A walk that met problems (a link leading out, a folder it could not read) is made again:
    // only a walk can tell whether they are gone.
    List<Path> files = known != null && known.dir().equals(dir) && known.problems().isEmpty() && report.known()
        ? updated(known.files(), report.paths(), dir) : null;
    if (files != null) {
      parsed.discovered(new ParsedFiles.Discovery(dir, files, List.of()));
      return files;
    }
    List<Diagnostic> found = new ArrayList<>();
    files = walk(dir, found);
    problems.addAll(found);
    parsed.discovered(new ParsedFiles.Discovery(dir, files, found));
    return files;
  }

  /**
   * {@code files} (sorted) with the reported {@code changed} paths added or removed, or null if
   * a folder or link changed under {@code dir}: then only a walk can tell what is there.
   */
  private static List<Path> updated(List<Path> files, java.util.Set<Path> changed, Path dir) {
    List<Path> added = new ArrayList<>();
    java.util.Set<Path> removed = new java.util.HashSet<>();
    for (Path p : changed) {
      if (!p.startsWith(dir)) continue;
      java.nio.file.attribute.BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
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
    java.util.Set<Path> all = new java.util.LinkedHashSet<>(files);
    all.removeAll(removed);
    all.addAll(added);
    List<Path> sorted = new ArrayList<>(all);
    sorted.sort(BY_NAME);
    return sorted;
  }

  private List<Path> walk(Path dir, List<Diagnostic> problems) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes attrs) {
        // A folder named like an advisory is listed, so that reading it reports the mistake.
        if (!d.equals(dir) && isAdvisoryFile(d)) files.add(d);
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs) {
        if (isAdvisoryFile(p)) files.add(p);
        else if (attrs.isSymbolicLink()) checkLink(p, problems); // a linked folder: refuse if it leads out
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
        // An unreadable folder is a finding about that folder; the others are still read.
        problems.add(Diagnostic.of(display.of(p), Position.START, Rule.UNREADABLE,
            "cannot read this " + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "folder" : "file")
                + ": " + describe(e)));
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
    files.sort(BY_NAME);
    return files;
  }

  /** Every {@code *.md} file counts, whatever the case of the extension, except READMEs. */
  public static boolean isAdvisoryFile(Path p) {
    String name = p.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".md") && !name.equalsIgnoreCase("README.md");
  }

  /** Whether {@code p} really lies under advisories/ (after following links). */
  public boolean isInsideAdvisories(Path p) {
    try {
      Path dir = root.resolve(ADVISORIES_DIR);
      Path absolute = p.toAbsolutePath().normalize();
      return absolute.startsWith(dir) && (!Files.exists(absolute) || absolute.toRealPath().startsWith(dir.toRealPath()));
    } catch (IOException e) {
      return false;
    }
  }

  private void checkLink(Path link, List<Diagnostic> problems) {
    if (leadsOutside(link)) {
      problems.add(Diagnostic.of(display.of(link), Position.START, Rule.SYMLINK_OUTSIDE,
          "symbolic link leads outside the site root (" + linkTarget(link) + "); advisories must "
              + "be files inside the repository"));
    }
  }

  /** Reads and parses {@code files} in parallel. */
  public Loaded read(List<Path> files) {
    List<FileResult> results = files.parallelStream().map(this::readOne).toList();
    if (parsed != null) parsed.readDone();
    return new Loaded(results);
  }

  /** Reads and parses one file. */
  public FileResult readOne(Path file) {
    // Its attributes first, for a file unchanged since the previous read: one system call, not five.
    ParsedFiles.Stamp stamp = null;
    if (parsed != null) {
      FileResult unreported = parsed.unreported(file);
      if (unreported != null) return unreported;
      try {
        long readAt = System.currentTimeMillis();
        var attributes = ParsedFiles.Stamp.read(file, LinkOption.NOFOLLOW_LINKS);
        FileResult known = parsed.unchanged(file, attributes);
        if (known != null) return known;
        stamp = ParsedFiles.Stamp.of(attributes, readAt);
      } catch (IOException | SecurityException e) {
        // read as any file is, which reports the problem
      }
    }
    Path shown = display.of(file);
    Path absolute = file.toAbsolutePath().normalize();
    try {
      if (Files.isSymbolicLink(absolute) && leadsOutside(absolute)) {
        return failed(file, shown, Rule.SYMLINK_OUTSIDE, "symbolic link leads outside the site root ("
            + linkTarget(absolute) + "); advisories must be files inside the repository");
      }
      if (!Files.isRegularFile(absolute)) {
        return failed(file, shown, Rule.UNREADABLE, Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
            ? "not a regular file" : "no such file");
      }
      long size = Files.size(absolute);
      if (size > MAX_BYTES) {
        return failed(file, shown, Rule.FILE_TOO_LARGE, "the file is " + size
            + " bytes; an advisory may be at most 1 MiB (1048576 bytes): shorten the details and "
            + "link long write-ups as references");
      }
      byte[] bytes = Files.readAllBytes(absolute);
      if (bytes.length > MAX_BYTES) { // grew since we looked
        return failed(file, shown, Rule.FILE_TOO_LARGE, "the file is larger than 1 MiB");
      }
      // Equal bytes decoded before (only valid UTF-8 is remembered).
      FileResult known = parsed == null ? null : parsed.reuse(file, bytes, stamp);
      if (known != null) return known;
      StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
      if (decoded instanceof StrictUtf8.Decoded.Invalid invalid) {
        return new FileResult(file, Optional.empty(), List.of(Diagnostic.of(shown, invalid.position(),
            Rule.INVALID_UTF8, String.format("byte 0x%02X at offset %d is not valid UTF-8; "
                + "re-save the file as UTF-8", bytes[invalid.offset()] & 0xFF, invalid.offset()))));
      }
      String text = ((StrictUtf8.Decoded.Text) decoded).text();
      AdvisoryParser.Parsed result = AdvisoryParser.parse(text, shown, relative(absolute));
      FileResult read = new FileResult(file, result.advisory(), result.diagnostics());
      if (parsed != null) parsed.remember(file, bytes, stamp, read);
      return read;
    } catch (IOException | SecurityException e) {
      return failed(file, shown, Rule.UNREADABLE, "cannot read the file: " + describe(e));
    }
  }

  /**
   * The findings of {@code check} on the advisory of {@code result}, made in {@code context}:
   * remembered with the parse for as long as the file's bytes and the context are unchanged (the
   * preview server), else made now.
   */
  public List<Diagnostic> checked(FileResult result, Object context, java.util.function.Supplier<List<Diagnostic>> check) {
    return parsed == null ? check.get() : parsed.checked(result, context, check);
  }

  /** {@code context}, or an equal one given before: compared by reference in {@link #checked}. */
  public Object sameContext(Object context) {
    return parsed == null ? context : parsed.sameContext(context);
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

  private static FileResult failed(Path file, Path shown, Rule rule, String message) {
    return new FileResult(file, Optional.empty(), List.of(Diagnostic.of(shown, Position.START, rule, message)));
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase(Locale.ROOT) + (message == null ? "" : " (" + message + ")");
  }

}
