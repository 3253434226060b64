package dev.disclose.cli;

import dev.disclose.check.CheckedSite;
import dev.disclose.csaf.CsafFormat;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.AtomicPublisher;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Refused;
import dev.disclose.report.DiagnosticFormat;
import dev.disclose.report.DiagnosticPrinter;
import dev.disclose.report.Redaction;
import dev.disclose.report.TerminalText;
import dev.disclose.text.DidYouMean;
import dev.disclose.text.TextWrap;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the public advisories in one output format into a folder.",
      "The files are those the site publishes in the format's folder (osv/, rustsec/, cyclonedx/, …).",
      "Validates first, and replaces the folder atomically."
    },
    footer = {"", "Exit codes: 0 exported, 1 validation errors, 2 usage or I/O error."})
final class ExportCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Parameters(
      index = "0",
      paramLabel = "FORMAT",
      completionCandidates = FormatNames.class,
      description = "One of: ${COMPLETION-CANDIDATES} (each below).",
      converter = FormatConverter.class)
  OutputFormat format;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description =
          "The folder to write; replaced as a whole, so it must be empty or an earlier export.")
  Path out;

  /** Every format's name, for --help. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return OutputFormats.exportNames().iterator();
    }
  }

  static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return OutputFormats.named(value)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "`"
                          + value
                          + "` is not a format"
                          + DidYouMean.suggest(value, OutputFormats.exportNames())
                              .map(s -> " (did you mean `" + s + "`?)")
                              .orElse("")
                          + ": use "
                          + String.join(", ", OutputFormats.exportNames())));
    }
  }

  /** The help section listing each format and what it writes. */
  static String formatsHelp() {
    StringBuilder b = new StringBuilder("Formats:%n");
    for (String name : OutputFormats.exportNames()) {
      OutputFormat f = OutputFormats.named(name).orElseThrow();
      // Filled to the 80 columns picocli writes, under a hanging indent past the names.
      String entry =
          TextWrap.wrap(
              f.summary().replace("%", "%%"),
              79,
              String.format("  %-13s", f.name()),
              " ".repeat(15));
      b.append(entry.replace("\n", "%n")).append("%n");
    }
    return b.toString();
  }

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    SiteRoot opened = site.open(env);
    Path target = env.workingDirectory().resolve(out).toAbsolutePath().normalize();
    Pipeline pipeline = Pipeline.oneOff();
    CheckedSite checked;
    Instant now = clock.resolve(env);
    // Only CSAF is signed: another export needs no key, and a wrong one does not stop it.
    boolean csaf = format.name().equals(CsafFormat.NAME);
    OutputFormat chosen =
        csaf ? OutputFormats.signing(format, CsafSigningEnvironment.key(env, now)) : format;
    try {
      checked =
          pipeline.checkClean(
              LoadRequest.toBuild(opened).withSealingKey(SealingEnvironment.key(env, now)), now);
      SealingEnvironment.noteSkipped(env, checked.sources().sealedSkipped());
    } catch (Refused refused) {
      SealingEnvironment.noteSkipped(env, refused.checked().sources().sealedSkipped());
      DiagnosticFormat f = env.isGitHubActions() ? DiagnosticFormat.GITHUB : DiagnosticFormat.TEXT;
      new DiagnosticPrinter(env.workingDirectory(), opened.root())
          .redacting(Redaction.forOutput(refused.checked(), f, env.isGitHubActions()))
          .print(refused.checked().diagnostics(), refused.checked().filesChecked(), f, env.out());
      env.err()
          .println(
              "disclose: not exporting: fix the errors above (disclose validate shows them too)");
      return Main.FINDINGS;
    }
    AtomicPublisher.Staging staging = AtomicPublisher.stage(target, opened.root());
    OutputFormat.Written output;
    try (staging) {
      output = pipeline.export(checked, chosen, FileSink.folder(staging.folder()));
      AtomicPublisher.publish(staging, target);
    } catch (IOException | SiteException | RuntimeException e) {
      AtomicPublisher.discard(staging);
      if (e instanceof SiteException se) throw se;
      throw new SiteException(
          "cannot export into "
              + target
              + ": "
              + e.getMessage()
              + "; the previous output is untouched",
          e);
    } catch (Error e) {
      // Out of memory midway, say: the files are written as they are made, so discard them.
      AtomicPublisher.discard(staging);
      throw e;
    }
    for (String note : output.notes()) env.err().println("note: " + TerminalText.visible(note));
    if (csaf && !((CsafFormat) chosen).signs())
      env.err().println("note: " + CsafSigningEnvironment.unsigned());
    env.out()
        .println(
            checked.publicCatalog().size()
                + " public advisories exported as "
                + format.name()
                + ": "
                + output.files()
                + " files -> "
                + TerminalText.path(opened.display().of(target)));
    return Main.OK;
  }
}
