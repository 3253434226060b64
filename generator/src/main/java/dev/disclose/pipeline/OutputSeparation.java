package dev.disclose.pipeline;

import dev.disclose.load.SiteException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Keeps previews and public builds apart: a preview (drafts and embargoed advisories included) is
 * never written into or around a public build's output, nor a public build into or around a
 * preview's, so that a web server publishing the one never serves the other. Paths are compared as
 * the file system resolves them: links followed, {@code ..} taken after them.
 */
final class OutputSeparation {
  /** The public output of a site unless {@code --out} says otherwise. */
  static final String PUBLIC_DEFAULT = "_site";

  /** A preview's output unless {@code --out} says otherwise. */
  static final String PREVIEW_DEFAULT = "_preview";

  /** More links than this on one path is a loop. */
  private static final int MAX_LINKS = 40;

  private OutputSeparation() {}

  /**
   * Refuses {@code out} for a build of the site at {@code siteRoot}, a preview if {@code preview},
   * when it is inside, equal to or around the other kind's output: the site's default one, or any
   * folder a build of that kind wrote (its marker says which).
   */
  static void check(Path out, Path siteRoot, boolean preview) throws SiteException {
    Path target;
    Path other;
    try {
      target = real(out);
      other = real(siteRoot.resolve(preview ? PUBLIC_DEFAULT : PREVIEW_DEFAULT));
    } catch (IOException e) {
      throw new SiteException("cannot resolve " + out + ": " + e.getMessage(), e);
    }
    if (target.startsWith(other) || other.startsWith(target)) {
      throw new SiteException(refusal(out, preview, "the site's " + other.getFileName() + "/"));
    }
    try {
      for (Path p = target; p != null; p = p.getParent()) {
        if (holdsOtherKind(p, preview)) throw new SiteException(refusal(out, preview, p + ""));
        // The output before last, kept beside a public output, is that output too.
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (name.startsWith(".")
            && name.endsWith(".previous")
            && holdsOtherKind(p.resolve(KeptOutput.SITE), preview)) {
          throw new SiteException(refusal(out, preview, p.resolve(KeptOutput.SITE) + ""));
        }
      }
      // Inside a folder this build replaces, the other kind may only be if someone moved it there;
      // a preview's folder is small enough to look.
      if (preview && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        Path nested = nestedOtherKind(target, preview);
        if (nested != null) throw new SiteException(refusal(out, preview, nested + ""));
      }
    } catch (IOException e) {
      throw new SiteException("cannot check " + out + ": " + e.getMessage(), e);
    }
  }

  private static String refusal(Path out, boolean preview, String other) {
    return preview
        ? "refusing to write a preview (drafts and embargoed advisories included) into "
            + out
            + ": it is inside or around "
            + other
            + ", a public build's output, where a web server would publish it; "
            + "choose a folder apart from it with --out (default _preview/)"
        : "refusing to write a public build into "
            + out
            + ": it is inside or around "
            + other
            + ", a preview's output; choose a folder apart from it with --out (default _site/)";
  }

  /** Whether {@code dir} holds the output of the kind a build ({@code preview} or not) is not. */
  private static boolean holdsOtherKind(Path dir, boolean preview) throws IOException {
    Path marker = dir.resolve(AtomicPublisher.MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) return false;
    boolean wasPreview = Files.readString(marker).contains(AtomicPublisher.PREVIEW);
    return wasPreview != preview;
  }

  /** A folder under {@code dir} (not itself) holding the other kind's output, or null. */
  private static Path nestedOtherKind(Path dir, boolean preview) throws IOException {
    Path[] found = {null};
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            if (!d.equals(dir) && holdsOtherKind(d, preview)) {
              found[0] = d;
              return FileVisitResult.TERMINATE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    return found[0];
  }

  /**
   * {@code path} as the file system resolves it, whether or not it exists: absolute, each existing
   * link followed (a dangling one too), {@code .} dropped and {@code ..} taken after the links
   * before it, as the kernel does.
   */
  static Path real(Path path) throws IOException {
    return real(path.toAbsolutePath(), new int[1]);
  }

  private static Path real(Path absolute, int[] links) throws IOException {
    Path current = absolute.getRoot();
    for (Path element : absolute) {
      String name = element.toString();
      if (name.equals(".")) continue;
      if (name.equals("..")) {
        if (current.getParent() != null) current = current.getParent();
        continue;
      }
      Path next = current.resolve(name);
      if (Files.isSymbolicLink(next)) {
        if (++links[0] > MAX_LINKS) throw new IOException("too many links on the way to " + next);
        Path to = Files.readSymbolicLink(next);
        next = real(current.resolve(to), links);
      } else if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
        next = next.toRealPath(LinkOption.NOFOLLOW_LINKS);
      }
      current = next;
    }
    return current;
  }
}
