package dev.disclose.authoring;

import dev.disclose.advisory.AdvisoryId;
import dev.disclose.config.SiteConfig;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteSources;
import dev.disclose.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code disclose new}: writes a draft advisory for a package with the next free ID of the year
 * ({@code advisories/<YYYY>/<ID>.md}), or with the placeholder ID in a folder named after the
 * package, for {@code assign-ids} to number on merge (so parallel pull requests never claim the
 * same number).
 */
public final class NewAdvisory {
  private NewAdvisory() {}

  /** What to write. */
  public record Request(
      String ecosystem,
      String packageName,
      Optional<String> title,
      boolean placeholder,
      Instant now) {}

  /**
   * Writes the draft and returns its path. {@link SiteException} for anything the user must fix.
   */
  public static Path write(SiteRoot site, Pipeline pipeline, Request request) throws SiteException {
    SiteConfig config = pipeline.config(site);
    if (config.idPrefix().isEmpty()) {
      throw new SiteException(
          "site-config.yaml has no valid `id_prefix`; fix it first (disclose validate)");
    }
    if (Ecosystems.find(request.ecosystem()).isEmpty()) {
      throw new SiteException(
          "`"
              + request.ecosystem()
              + "` is not an OSV ecosystem"
              + Ecosystems.suggest(request.ecosystem())
                  .map(s -> "; did you mean `" + s + "`?")
                  .orElse(""));
    }
    Optional<String> nameProblem =
        Ecosystems.packageNameProblem(request.ecosystem(), request.packageName());
    if (nameProblem.isPresent()) {
      throw new SiteException(
          "`"
              + request.packageName()
              + "` is not a valid "
              + request.ecosystem()
              + " package name: "
              + nameProblem.get());
    }
    LocalDate today = LocalDate.ofInstant(request.now(), ZoneOffset.UTC);
    String id;
    Path target;
    if (request.placeholder()) {
      id = AdvisoryId.placeholder(config.idPrefix());
      target = site.advisoriesDir().resolve(slug(request.packageName())).resolve(id + ".md");
    } else {
      SiteSources existing = pipeline.load(LoadRequest.toCheck(site));
      IdAllocator ids =
          new IdAllocator(
              config.idPrefix(),
              today.getYear(),
              existing.requireAdvisories(),
              existing.files().stream().map(AdvisoryFile::path).toList());
      id = ids.next();
      target = site.advisoriesDir().resolve(String.valueOf(today.getYear())).resolve(id + ".md");
    }
    site.requireWritable(target);
    if (Files.exists(target)) {
      throw new SiteException(
          site.display().of(target)
              + " already exists"
              + (request.placeholder() ? "; edit it, or run `disclose assign-ids` first" : ""));
    }
    // A title is one line: fold whatever line breaks the shell passed.
    String title =
        request
            .title()
            .map(t -> t.replaceAll("\\s+", " ").strip())
            .filter(t -> !t.isEmpty())
            .orElse("One line: what is vulnerable, and how");
    String text = Template.draft(id, request.ecosystem(), request.packageName(), title, today);
    try {
      Files.createDirectories(target.getParent());
      AtomicFiles.write(target, text);
    } catch (IOException e) {
      throw new SiteException(
          "cannot write " + site.display().of(target) + ": " + e.getMessage(), e);
    }
    return target;
  }

  /** A folder name for a package: {@code @corvid/console} → {@code corvid-console}. */
  static String slug(String packageName) {
    String s = packageName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
    return s.isEmpty() ? "package" : s;
  }
}
