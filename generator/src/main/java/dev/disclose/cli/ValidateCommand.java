package dev.disclose.cli;

import dev.disclose.check.CheckedSite;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.Changes;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.report.DiagnosticFormat;
import dev.disclose.report.DiagnosticPrinter;
import dev.disclose.report.Redaction;
import dev.disclose.report.TerminalText;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks site-config.yaml and the advisories.",
      "Every problem is reported with file, line, column and rule code, all in one run.",
      "Cross-file rules (duplicate IDs, aliases) always consider every advisory."
    },
    footer = {
      "",
      "Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O error.",
      "Rules: docs/validation-rules.md"
    })
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;

  @Parameters(
      paramLabel = "PATHS",
      arity = "0..*",
      description = "Files or folders to report on (default: the whole site).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text, github or json (default: github under GitHub Actions, else text).")
  DiagnosticFormat format;

  @Mixin NowOption clock;

  @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
  boolean strict;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    SiteRoot opened = site.open(env);
    List<Path> selection = paths.stream().map(p -> env.workingDirectory().resolve(p)).toList();
    Instant now = clock.resolve(env);
    CheckedSite report =
        Pipeline.oneOff()
            .check(
                new LoadRequest(
                    opened, selection, Changes.UNKNOWN, false, SealingEnvironment.key(env, now)),
                now);
    SealingEnvironment.noteSkipped(env, report.sources().sealedSkipped());
    DiagnosticFormat chosen =
        format != null
            ? format
            : env.isGitHubActions() ? DiagnosticFormat.GITHUB : DiagnosticFormat.TEXT;
    new DiagnosticPrinter(env.workingDirectory(), opened.root())
        .redacting(Redaction.forOutput(report, chosen, env.isGitHubActions()))
        .print(report.diagnostics(), report.filesChecked(), chosen, env.out());
    SiteConfig config = report.config();
    if (chosen == DiagnosticFormat.TEXT
        && !config.osvPrefixRegistered()
        && !config.idPrefix().isEmpty()) {
      // Not a finding: a site works without it. But OSV.dev imports no record named x_….
      env.err()
          .println(
              "note: OSV records are exported as x_"
                  + TerminalText.visible(config.idPrefix())
                  + "-…, the form for databases"
                  + " OSV.dev does not import: to have it import yours, register the prefix "
                  + TerminalText.visible(config.idPrefix())
                  + " with a pull request to https://github.com/ossf/osv-schema (see"
                  + " https://ossf.github.io/osv-schema/#id-modified-fields), then set `osv_prefix_registered: true`"
                  + " in site-config.yaml");
    }
    boolean failed = report.errors() > 0 || (strict && report.warnings() > 0);
    return failed ? Main.FINDINGS : Main.OK;
  }
}
