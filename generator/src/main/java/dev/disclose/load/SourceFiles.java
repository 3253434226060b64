package dev.disclose.load;

import dev.disclose.config.SiteConfigLoader;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The site's files as a load reads them through the memo: site-config.yaml, each advisory file and
 * each file of release notes, kept as {@link SourceFile}s. With a memo that remembers, a file is
 * parsed again only when it changed: not looked at if the file watcher vouches for it, not read
 * while its {@link FileVersion} is the same, not parsed while its bytes are.
 */
final class SourceFiles {
  static final Slot<Path, SourceFile<SiteConfigLoader.Loaded>> CONFIG = new Slot<>("configuration");
  static final Slot<Path, SourceFile<AdvisoryFile>> ADVISORY = new Slot<>("advisory file");
  static final Slot<Path, SourceFile<ReleaseNotesReader.Parsed<?>>> RELEASE_NOTES =
      new Slot<>("release notes file");

  private final Memo memo;
  private final List<String> formatNames;

  /** {@code formatNames}: the output formats there are, which site-config.yaml may choose among. */
  SourceFiles(Memo memo, List<String> formatNames) {
    this.memo = memo;
    this.formatNames = List.copyOf(formatNames);
  }

  /** site-config.yaml, parsed again only when it changed. */
  SiteConfigLoader.Loaded config(SiteRoot site, Changes changes) throws SiteException {
    Path file = site.configFile();
    Path shown = site.display().of(file);
    try {
      return memo.update(
              CONFIG,
              file.toString(),
              file,
              (f, previous) -> {
                Look<SiteConfigLoader.Loaded> look = look(f, changes, previous);
                if (look.unchanged() != null) return look.unchanged();
                try {
                  return parsed(
                      SiteRoot.bytes(f, shown),
                      look.version(),
                      previous,
                      bytes -> configOf(bytes, shown, formatNames));
                } catch (SiteException e) {
                  throw new Unreadable(e);
                }
              })
          .parse();
    } catch (Unreadable e) {
      throw e.problem;
    }
  }

  private static SiteConfigLoader.Loaded configOf(
      byte[] bytes, Path shown, List<String> formatNames) {
    if (StrictUtf8.decode(bytes) instanceof StrictUtf8.Decoded.Invalid invalid) {
      return new SiteConfigLoader.Loaded(
          SiteConfigLoader.parse("", shown, formatNames).config(),
          List.of(
              Diagnostic.of(
                  shown,
                  invalid.position(),
                  Rule.INVALID_UTF8,
                  "the file is not valid UTF-8; re-save it as UTF-8")),
          Map.of());
    }
    return SiteConfigLoader.parse(
        ((StrictUtf8.Decoded.Text) StrictUtf8.decode(bytes)).text(), shown, formatNames);
  }

  /** One advisory file, parsed again only when it changed. */
  AdvisoryFile advisory(AdvisoryReader reader, Path file, Changes changes) {
    return memo.update(
            ADVISORY,
            file.toString(),
            file,
            (f, previous) -> {
              Look<AdvisoryFile> look = look(f, changes, previous);
              if (look.unchanged() != null) return look.unchanged();
              AdvisoryReader.Read read = reader.readBytes(f);
              // A file that could not be read is kept without version or bytes: it is read again.
              if (read instanceof AdvisoryReader.Read.Failed failed)
                return new SourceFile<>(null, null, failed.file());
              return parsed(
                  ((AdvisoryReader.Read.Bytes) read).bytes(),
                  look.version(),
                  previous,
                  bytes -> reader.parse(f, bytes));
            })
        .parse();
  }

  /**
   * A file of release notes, parsed again only when it changed (release notes have no watcher of
   * their own).
   */
  @SuppressWarnings("unchecked")
  <T> ReleaseNotesReader.Parsed<T> releaseNotesText(
      Path file, Path shown, String key, Function<String, T> parse) throws SiteException {
    try {
      return (ReleaseNotesReader.Parsed<T>)
          memo.update(
                  RELEASE_NOTES,
                  key,
                  file,
                  (f, previous) -> {
                    Look<ReleaseNotesReader.Parsed<?>> look = look(f, Changes.UNKNOWN, previous);
                    if (look.unchanged() != null) return look.unchanged();
                    try {
                      return parsed(
                          SiteRoot.bytes(f, shown),
                          look.version(),
                          previous,
                          bytes -> {
                            String text;
                            try {
                              text = SiteRoot.text(bytes, shown);
                            } catch (SiteException e) {
                              throw new Unreadable(e);
                            }
                            return new ReleaseNotesReader.Parsed<>(text, parse.apply(text));
                          });
                    } catch (SiteException e) {
                      throw new Unreadable(e);
                    }
                  })
              .parse();
    } catch (Unreadable e) {
      throw e.problem;
    }
  }

  /**
   * What looking at a file tells without reading it: the previous read, if the file is unchanged
   * since; its version now.
   */
  private record Look<T>(SourceFile<T> unchanged, FileVersion version) {}

  /**
   * The previous read of {@code file} if the watcher vouches for the file, or its version is the
   * same; else its version now. A memo that keeps nothing looks at nothing.
   */
  private <T> Look<T> look(Path file, Changes changes, Optional<SourceFile<T>> previous) {
    SourceFile<T> before = previous.orElse(null);
    if (before != null && before.version() != null && changes.unchanged(file))
      return new Look<>(before, before.version());
    FileVersion version = memo.remembers() ? FileVersion.of(file) : null;
    if (before != null && version != null && version.equals(before.version()))
      return new Look<>(before, version);
    return new Look<>(null, version);
  }

  /**
   * The previous parse if made of the same bytes (now of {@code version}), else {@code parse} of
   * them.
   */
  private static <T> SourceFile<T> parsed(
      byte[] bytes,
      FileVersion version,
      Optional<SourceFile<T>> previous,
      Function<byte[], T> parse) {
    if (previous.isPresent() && Arrays.equals(previous.get().bytes(), bytes))
      return previous.get().withVersion(version);
    return new SourceFile<>(version, bytes, parse.apply(bytes));
  }

  /** A file that could not be read, carried out of a memo's function. */
  private static final class Unreadable extends RuntimeException {
    final SiteException problem;

    Unreadable(SiteException problem) {
      super(problem.getMessage(), problem, false, false);
      this.problem = problem;
    }
  }
}
