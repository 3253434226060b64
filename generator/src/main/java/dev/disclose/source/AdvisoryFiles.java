package dev.disclose.source;

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
import java.util.stream.Stream;

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

  /** One file's outcome. */
  public record FileResult(Path path, Optional<Advisory> advisory, List<Diagnostic> diagnostics) {
    public FileResult {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Every file's outcome, in path order, plus problems that belong to no single file. */
  public record Loaded(List<FileResult> files, List<Diagnostic> diagnostics) {
    public Loaded {
      files = List.copyOf(files);
      diagnostics = List.copyOf(diagnostics);
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

  /** {@code root} is the site root; {@code display} turns paths into what messages print. */
  public AdvisoryFiles(Path root, PathDisplay display) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
    this.display = display;
  }

  /** Lists the advisory files under {@code advisories/}; problems met while walking go to {@code problems}. */
  public List<Path> discover(List<Diagnostic> problems) throws IOException {
    Path dir = root.resolve(ADVISORIES_DIR);
    if (!Files.isDirectory(dir)) return List.of();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> !p.equals(dir)).forEach(p -> {
        String name = p.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".md") || name.equalsIgnoreCase("README.md")) {
          if (Files.isSymbolicLink(p)) checkLink(p, problems); // a linked folder: refuse if it leads out
          return;
        }
        files.add(p);
      });
    }
    files.sort(Comparator.comparing(Path::toString));
    return files;
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
    return new Loaded(results, List.of());
  }

  /** Reads and parses one file. */
  public FileResult readOne(Path file) {
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
      StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
      if (decoded instanceof StrictUtf8.Decoded.Invalid invalid) {
        return new FileResult(file, Optional.empty(), List.of(Diagnostic.of(shown, invalid.position(),
            Rule.INVALID_UTF8, String.format("byte 0x%02X at offset %d is not valid UTF-8; "
                + "re-save the file as UTF-8", bytes[invalid.offset()] & 0xFF, invalid.offset()))));
      }
      String text = ((StrictUtf8.Decoded.Text) decoded).text();
      AdvisoryParser.Parsed parsed = AdvisoryParser.parse(text, shown, relative(absolute));
      return new FileResult(file, parsed.advisory(), parsed.diagnostics());
    } catch (IOException | SecurityException e) {
      return failed(file, shown, Rule.UNREADABLE, "cannot read the file: " + describe(e));
    }
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
