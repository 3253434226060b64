package dev.disclose.authoring;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteSources;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.yaml.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code disclose assign-ids}: gives every advisory with the placeholder ID the next free ID of the
 * current year, in path order, rewriting only the {@code id:} value and moving the file to {@code
 * advisories/<YYYY>/<ID>.md}. RustSec does the same on merge, so that pull requests never compete
 * for numbers.
 */
public final class IdAssigner {
  private IdAssigner() {}

  /** One renumbered advisory. */
  public record Assignment(Path from, Path to, String id) {}

  public static List<Assignment> assign(
      SiteRoot site, Pipeline pipeline, Instant now, boolean dryRun) throws SiteException {
    String prefix = pipeline.config(site).idPrefix();
    if (prefix.isEmpty()) {
      throw new SiteException(
          "site-config.yaml has no valid `id_prefix`; fix it first (disclose validate)");
    }
    if (!dryRun) IdJournal.complete(site);
    SiteSources loaded = pipeline.load(LoadRequest.toCheck(site));
    List<Advisory> advisories = loaded.requireAdvisories();
    List<Path> paths = loaded.files().stream().map(AdvisoryFile::path).toList();
    int year = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
    IdAllocator ids = new IdAllocator(prefix, year, advisories, paths);
    String placeholder = AdvisoryId.placeholder(prefix);
    List<Assignment> done = new ArrayList<>();
    List<IdJournal.Rewrite> rewrites = new ArrayList<>();
    for (Advisory a : advisories) {
      if (!a.id().equals(placeholder)) continue;
      Path from = site.root().resolve(a.source().relativePath());
      String id = ids.next();
      Path to = site.advisoriesDir().resolve(String.valueOf(year)).resolve(id + ".md");
      site.requireWritable(to);
      if (Files.exists(to)) throw new SiteException(site.display().of(to) + " already exists");
      rewrites.add(
          new IdJournal.Rewrite(
              from, to, rewritten(from, a.source().value("id"), placeholder, id)));
      done.add(new Assignment(from, to, id));
    }
    // All files or none: a stop midway never leaves one advisory under two IDs.
    if (!dryRun) IdJournal.apply(site, rewrites);
    return done;
  }

  /** The text of {@code from} with the placeholder at {@code at} replaced by {@code id}. */
  private static String rewritten(Path from, Position at, String placeholder, String id)
      throws SiteException {
    String text;
    try {
      text = Files.readString(from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SiteException.io("cannot read " + from, e);
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int index = at.line() - 1;
    String line = lines.get(index);
    int col = line.indexOf(placeholder, at.column() - 1);
    if (col < 0) {
      throw new SiteException(from + ":" + at + ": expected `" + placeholder + "` here");
    }
    lines.set(index, line.substring(0, col) + id + line.substring(col + placeholder.length()));
    return String.join("\n", lines);
  }
}
