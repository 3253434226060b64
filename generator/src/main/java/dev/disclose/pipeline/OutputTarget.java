package dev.disclose.pipeline;

import dev.disclose.load.SiteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a folder may become a build's output: never the site itself or a folder inside
 * advisories/, never a folder someone else wrote, and never the other kind's (a preview's or a
 * public build's) output.
 */
final class OutputTarget {
  private OutputTarget() {}

  /** Why {@code target} can never be a site's output, whatever it holds. */
  static Optional<String> refusal(Path target, Path siteRoot) {
    Path root = siteRoot.toAbsolutePath().normalize();
    if (root.startsWith(target)) {
      return Optional.of(
          "refusing to write into " + target + ": it holds the site itself; choose another --out");
    }
    if (target.startsWith(root.resolve("advisories"))) {
      // Generated Markdown there (RustSec files, say) would be read back as advisories.
      return Optional.of(
          "refusing to write into " + target + ": it is inside advisories/; choose another --out");
    }
    return Optional.empty();
  }

  /** Refuses {@code out} as the output of a build ({@code preview} or not) of {@code siteRoot}. */
  static void check(Path out, Path siteRoot, boolean preview) throws SiteException, IOException {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new SiteException(target + " exists and is not a folder; choose another --out");
      }
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()
            && !Files.exists(target.resolve(AtomicPublisher.MARKER))) {
          throw new SiteException(
              target
                  + " is not empty and was not written by disclose build; "
                  + "remove it or choose another --out");
        }
      }
      if (Files.exists(target.resolve(AtomicPublisher.MARKER))) {
        boolean wasPreview =
            Files.readString(target.resolve(AtomicPublisher.MARKER))
                .contains(AtomicPublisher.PREVIEW);
        if (preview && !wasPreview) {
          throw new SiteException(
              "refusing to write a preview (drafts and embargoed advisories included) into "
                  + target
                  + ", which holds a public build; choose another --out (default _preview/)");
        }
        if (!preview && wasPreview) {
          throw new SiteException(
              "refusing to write a public build into "
                  + target
                  + ", which holds a preview; remove it or choose another --out");
        }
      }
    }
    OutputSeparation.check(out, siteRoot, preview);
  }
}
