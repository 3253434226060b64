package dev.disclose.cli;

import dev.disclose.pipeline.AtomicPublisher;
import dev.disclose.pipeline.SiteBuild;
import dev.disclose.catalog.Catalog;
import dev.disclose.export.Exports;
import dev.disclose.files.FileSink;
import dev.disclose.report.DiagnosticFormat;
import dev.disclose.report.DiagnosticPrinter;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes the public advisories in one machine-readable format into a folder.",
        "  osv        <ID>.json per advisory; all.json for OSV.dev's REST ingestion;",
        "             all.zip and <Ecosystem>/all.zip for osv-scanner's offline databases.",
        "  rustsec    crates/<crate>/<ID>.md in RustSec advisory-db's format (crates.io only).",
        "  cyclonedx  vex.json and vex.xml: a CycloneDX 1.6 VEX document.",
        "These are the files the site publishes under osv/, rustsec/ and cyclonedx/.",
        "Validates first, and replaces the folder atomically."},
    footer = {"", "Exit codes: 0 exported, 1 validation errors, 2 usage or I/O error."})
final class ExportCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Parameters(index = "0", paramLabel = "FORMAT", description = "osv, rustsec or cyclonedx.",
      converter = FormatConverter.class)
  Exports.Format format;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "The folder to write; replaced as a whole, so it must be empty or an earlier export.")
  Path out;

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Exports.Format> {
    @Override
    public Exports.Format convert(String value) {
      for (Exports.Format f : Exports.Format.values()) if (f.folder().equals(value)) return f;
      throw new picocli.CommandLine.TypeConversionException("`" + value + "` is not a format: use osv, rustsec or cyclonedx");
    }
  }

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    SiteRoot opened = site.open(env);
    Path target = env.workingDirectory().resolve(out).toAbsolutePath().normalize();
    Catalog catalog;
    try {
      catalog = SiteBuild.publicCatalog(opened, clock.resolve(env));
    } catch (SiteBuild.Refused refused) {
      DiagnosticFormat f = env.isGitHubActions() ? DiagnosticFormat.GITHUB : DiagnosticFormat.TEXT;
      new DiagnosticPrinter(env.workingDirectory(), opened.root()).print(refused.report().diagnostics(),
          refused.report().filesChecked(), f, env.out());
      env.err().println("disclose: not exporting: fix the errors above (disclose validate shows them too)");
      return Main.FINDINGS;
    }
    LastCommitTimes commits = LastCommitTimes.read(opened.root());
    Path staging = AtomicPublisher.stage(target, opened.root());
    Exports.Written output;
    try {
      output = Exports.write(format, catalog, opened.config().config(), commits, FileSink.folder(staging));
      AtomicPublisher.publish(staging, target);
    } catch (IOException | SiteException | RuntimeException e) {
      AtomicPublisher.discard(staging);
      if (e instanceof SiteException se) throw se;
      throw new SiteException("cannot export into " + target + ": " + e.getMessage() + "; the previous output is untouched", e);
    } catch (Error e) {
      // Out of memory midway, say: the files are written as they are made, so discard them.
      AtomicPublisher.discard(staging);
      throw e;
    }
    for (String note : output.notes()) env.err().println("note: " + note);
    env.out().println(catalog.size() + " public advisories exported as " + format.folder() + ": "
        + output.files() + " files -> " + opened.display().of(target).toString().replace('\\', '/'));
    return Main.OK;
  }
}
