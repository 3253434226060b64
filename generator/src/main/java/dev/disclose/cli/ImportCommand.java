package dev.disclose.cli;

import dev.disclose.advisory.AdvisoryId;
import dev.disclose.authoring.AtomicFiles;
import dev.disclose.diagnostic.Rule;
import dev.disclose.importing.AdvisoryImport;
import dev.disclose.importing.GhsaImport;
import dev.disclose.importing.OsvImport;
import dev.disclose.importing.RustSecImport;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteSources;
import dev.disclose.memo.CommandMemo;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Progress;
import dev.disclose.report.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports advisories from another database into advisories/.",
      "  osv      OSV records: JSON or YAML files, folders of them, zips of them",
      "           (GitHub's, PyPA's, Go's vulndb, osv.dev exports).",
      "  rustsec  RustSec advisory-db files: a checkout of advisory-db, folders,",
      "           files or zips.",
      "  ghsa     GitHub repository security advisories as its REST API returns",
      "           them: one object, or the array of `gh api --paginate",
      "           repos/OWNER/REPO/security-advisories`; drafts included.",
      "A record that matches an advisory by ID or alias is merged into it: it",
      "updates the affected versions, adds IDs and references, and a CVSS vector",
      "where there is none; everything else stays as written. Any other record",
      "gets the site's next free ID, its own ID kept as an alias (--keep-ids: its",
      "ID stays the ID, and the site's OSV export leaves the record out, as OSV",
      "has it from its home database). .disclose/imported/ keeps each record as",
      "imported, so the next import tells their changes from yours: commit it.",
      "Importing the same records again changes nothing. A bad record is",
      "reported and the others are imported."
    },
    footer = {
      "",
      "Exit codes: 0 imported, 1 some records could not be imported, 2 usage or I/O error."
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;

  @Parameters(index = "0", paramLabel = "FORMAT", description = "osv, rustsec or ghsa.")
  String format;

  @Parameters(
      index = "1..*",
      paramLabel = "PATH",
      arity = "1..*",
      description = "Files, folders or zips to import.")
  List<Path> paths;

  @Option(
      names = "--keep-ids",
      description =
          "Keep each record's ID as the advisory's ID; the site's OSV export leaves such records"
              + " out.")
  boolean keepIds;

  @Option(
      names = "--dry-run",
      description = "Report what would be written, each merged field as a diff; write nothing.")
  boolean dryRun;

  @Option(
      names = "--prefer",
      paramLabel = "SIDE",
      description =
          "Settle a field both this site and the record changed: ours or theirs."
              + " Without it, such a record is reported and not imported.")
  AdvisoryImport.Prefer prefer = AdvisoryImport.Prefer.NONE;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    if (!format.equals("osv") && !format.equals("rustsec") && !format.equals("ghsa")) {
      env.err()
          .println(
              "disclose: `"
                  + TerminalText.visible(format)
                  + "` is not an import format here: use osv, rustsec or ghsa");
      return Main.USAGE;
    }
    SiteRoot opened = site.open(env);
    List<Path> resolved =
        paths.stream().map(p -> env.workingDirectory().resolve(p).normalize()).toList();
    for (Path p : resolved) {
      if (!Files.exists(p)) {
        env.err().println("disclose: no such file or folder: " + TerminalText.path(p));
        return Main.USAGE;
      }
    }
    long start = System.nanoTime();
    // The check after the import parses again only the files the import changed.
    Pipeline pipeline = new Pipeline(new CommandMemo(), Progress.NONE);
    SiteSources sources = pipeline.load(LoadRequest.toCheck(opened));
    String prefix = sources.siteConfig().idPrefix();
    List<AdvisoryImport.Candidate> candidates =
        switch (format) {
          case "osv" -> OsvImport.candidates(OsvImport.inputs(resolved), prefix);
          case "ghsa" -> GhsaImport.candidates(GhsaImport.inputs(resolved), prefix);
          default -> RustSecImport.candidates(RustSecImport.inputs(resolved));
        };
    Set<Path> checked = ConcurrentHashMap.newKeySet();
    List<AdvisoryImport.Outcome> outcomes =
        AdvisoryImport.run(
            candidates,
            sources.requireAdvisories(),
            opened.root(),
            prefix,
            keepIds,
            prefer,
            !dryRun,
            (file, text) -> {
              // A folder a new file was checked in is inside the site for the rest of the
              // command, so the next new file there needs no second look; an existing file,
              // which may be a link, is always checked.
              boolean exists = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
              if (exists || !checked.contains(file.getParent())) {
                try {
                  opened.requireWritable(file);
                } catch (SiteException e) {
                  throw new IOException(e.getMessage(), e);
                }
                Files.createDirectories(file.getParent());
                if (!exists) checked.add(file.getParent());
              }
              AtomicFiles.write(file, text);
            });
    int written = 0;
    int failed = 0;
    for (AdvisoryImport.Outcome o : outcomes) {
      if (o.error().isPresent()) {
        failed++;
        env.out()
            .println(
                TerminalText.visible(o.origin())
                    + ": error: "
                    + TerminalText.visible(o.error().get()));
        continue;
      }
      String file = TerminalText.path(opened.display().of(o.file().get()));
      if (o.changed()) written++;
      if (o.changed() || !o.notes().isEmpty() || !o.diff().isEmpty()) {
        env.out()
            .println(
                TerminalText.visible(o.origin())
                    + ": "
                    + TerminalText.visible(o.recordId())
                    + " → "
                    + file
                    + (o.changed() ? (dryRun ? " (would write)" : "") : " (unchanged)"));
      }
      for (String line : o.diff()) env.out().println("  " + TerminalText.visible(line));
      for (String note : o.notes()) env.out().println("  note: " + TerminalText.visible(note));
    }
    env.out()
        .printf(
            "%d records: %d %s, %d unchanged, %d not imported, in %.1f s%n",
            outcomes.size(),
            written,
            dryRun ? "to write" : "written",
            outcomes.size() - written - failed,
            failed,
            (System.nanoTime() - start) / 1e9);
    long foreign =
        outcomes.stream()
            .filter(o -> o.error().isEmpty())
            .filter(
                o ->
                    o.advisoryId().filter(id -> AdvisoryId.isOtherDatabase(id, prefix)).isPresent())
            .count();
    if (foreign > 0) {
      // Said at import, not first discovered in an export's notes.
      env.out()
          .println(
              "note: "
                  + foreign
                  + " of them keep another database's ID: their pages are named by it, and the"
                  + " site's OSV export leaves them out, since OSV has them from that database");
    }
    if (!dryRun && outcomes.size() > failed) {
      // What the source database allowed and the format refuses (versions its ecosystem cannot
      // parse, two advisories claiming one CVE when databases are mixed): say so now, not at
      // the first build.
      Set<Path> imported = new HashSet<>();
      for (AdvisoryImport.Outcome o : outcomes)
        o.file().ifPresent(f -> imported.add(f.toAbsolutePath().normalize()));
      Map<Rule, Integer> byRule = new TreeMap<>();
      Set<Path> withErrors = new HashSet<>();
      for (var d :
          pipeline.check(LoadRequest.toCheck(opened), env.clock().instant()).diagnostics()) {
        Path f = opened.root().resolve(d.file()).toAbsolutePath().normalize();
        if (!d.isError() || !imported.contains(f)) continue;
        withErrors.add(f);
        byRule.merge(d.rule(), 1, Integer::sum);
      }
      if (!withErrors.isEmpty()) {
        env.out()
            .println(
                "note: "
                    + withErrors.size()
                    + " of the imported advisories have errors the site will not build with ("
                    + String.join(
                        ", ",
                        byRule.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey().code())
                            .toList())
                    + "); `disclose validate` shows each, and what to do");
      }
    }
    return failed > 0 ? Main.FINDINGS : Main.OK;
  }
}
