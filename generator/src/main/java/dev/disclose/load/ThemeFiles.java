package dev.disclose.load;

import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.Position;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The rule every file of the site's theme folder goes through, as advisories do: a symbolic link
 * leading outside the site root, or a special file (a FIFO, a device, a socket), is an F008
 * finding, so that a build never publishes what lies outside the repository.
 */
final class ThemeFiles {
  private ThemeFiles() {}

  /** The findings about the files under {@code folder}, which lies inside the site. */
  static List<Diagnostic> problems(SiteRoot site, Path folder) {
    List<Diagnostic> out = new ArrayList<>();
    Path root = site.root();
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      return out;
    }
    if (!Files.isDirectory(folder)) return out;
    try {
      // Following links, as the template loader and the asset copy do, so every file they read is
      // judged by where it really is.
      Files.walkFileTree(
          folder,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (outside(d, realRoot, root)) {
                out.add(linkOut(site, d, "folder"));
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
              if (outside(p, realRoot, root)) out.add(linkOut(site, p, "file"));
              else if (attrs.isOther())
                out.add(
                    Diagnostic.of(
                        site.display().of(p),
                        Position.START,
                        Rule.SYMLINK_OUTSIDE,
                        "this theme file is a special file (a FIFO, device or socket), not a"
                            + " regular file; replace it with the file itself"));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) {
              out.add(
                  Diagnostic.of(
                      site.display().of(p),
                      Position.START,
                      Rule.UNREADABLE,
                      "cannot read this theme file or folder; fix its permissions or remove it"));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      out.add(
          Diagnostic.of(
              site.display().of(folder),
              Position.START,
              Rule.UNREADABLE,
              "cannot list the theme folder; fix its permissions"));
    }
    return out;
  }

  /** Whether {@code p}, once every link is followed (or a dangling one by its target), is out. */
  static boolean outside(Path p, Path realRoot, Path root) {
    try {
      return !p.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      try {
        if (!Files.isSymbolicLink(p)) return false;
        Path target = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
        return !target.startsWith(root);
      } catch (IOException inner) {
        return true;
      }
    }
  }

  private static Diagnostic linkOut(SiteRoot site, Path p, String what) {
    String target = "";
    if (Files.isSymbolicLink(p)) {
      try {
        target = " (points to " + Files.readSymbolicLink(p) + ")";
      } catch (IOException e) {
        target = "";
      }
    }
    return Diagnostic.of(
        site.display().of(p),
        Position.START,
        Rule.SYMLINK_OUTSIDE,
        "this theme "
            + what
            + " leads outside the site root through a symbolic link"
            + target
            + "; commit the "
            + what
            + " itself inside the repository");
  }

  /** Whether {@link Theme} may read {@code p}: a regular file really inside the site. */
  static boolean readable(Path p, Path realRoot) {
    try {
      return Files.isRegularFile(p) && p.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }
}
