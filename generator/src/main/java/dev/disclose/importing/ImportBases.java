package dev.disclose.importing;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Each record as it was last imported, kept in the repository under {@code .disclose/imported/}:
 * the common ancestor that lets the next import of it tell a change the other database made from
 * one the maintainers made.
 */
final class ImportBases {
  static final String FOLDER = ".disclose/imported";

  /** The IDs that are safe file names; another record is merged without a base. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private ImportBases() {}

  /**
   * The record {@code recordId} as last imported, if it was and its file reads. When the file holds
   * {@code now}'s text (the record did not change), it is what that text was read back as, not
   * parsed again; a merge uses only its front matter, the same whatever the file's path.
   */
  static Optional<Advisory> read(
      Path siteRoot, String recordId, Optional<AdvisoryImport.Written> now) {
    Optional<Path> file = file(siteRoot, recordId);
    if (file.isEmpty() || !Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS))
      return Optional.empty();
    try {
      if (Files.size(file.get()) > AdvisoryImport.MAX_BYTES) return Optional.empty();
      String text = Files.readString(file.get());
      if (now.isPresent() && now.get().text().equals(text)) return now.get().readBack();
      String relative = FOLDER + "/" + recordId + ".md";
      return AdvisoryParser.parse(text, Path.of(relative), relative).advisory();
    } catch (IOException | RuntimeException e) {
      // An unreadable base only means the merge cannot attribute changes, as on a first import.
      return Optional.empty();
    }
  }

  /**
   * Keeps the record {@code recordId}, as imported ({@code text}, its file), for the next import.
   */
  static void save(Path siteRoot, String recordId, String text, AdvisoryImport.IoWriter writer)
      throws IOException {
    Optional<Path> file = file(siteRoot, recordId);
    if (file.isEmpty()) return;
    if (Files.isRegularFile(file.get()) && Files.readString(file.get()).equals(text)) return;
    writer.write(file.get(), text);
  }

  private static Optional<Path> file(Path siteRoot, String recordId) {
    if (!SAFE_ID.matcher(recordId).matches() || recordId.contains("..")) return Optional.empty();
    return Optional.of(siteRoot.resolve(FOLDER).resolve(recordId + ".md").normalize());
  }
}
