package dev.disclose.cli;

import dev.disclose.authoring.AtomicFiles;
import dev.disclose.check.CheckedSite;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Refused;
import dev.disclose.releases.ReleaseNotesLinker;
import dev.disclose.report.DiagnosticFormat;
import dev.disclose.report.DiagnosticPrinter;
import dev.disclose.report.Redaction;
import dev.disclose.report.TerminalText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "link-release-notes",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the security entries release notes lack, and adds them with --write.",
      "For each release: the public advisories it fixes that its notes do not name. --write adds",
      "a line \"- <title> (<ID>, <CVE>)\" for each under ### Security, changing nothing else;",
      "running it twice changes nothing."
    },
    footer = {
      "",
      "Exit codes: 0 nothing missing (or written), 1 entries missing, 2 usage or I/O error."
    })
final class LinkReleaseNotesCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Option(names = "--write", description = "Add the missing entries to the release notes files.")
  boolean write;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    SiteRoot opened = site.open(env);
    CheckedSite checked;
    try {
      checked = Pipeline.oneOff().checkClean(LoadRequest.toCheck(opened), clock.resolve(env));
    } catch (Refused refused) {
      new DiagnosticPrinter(env.workingDirectory(), opened.root())
          .redacting(
              Redaction.forOutput(refused.checked(), DiagnosticFormat.TEXT, env.isGitHubActions()))
          .print(
              refused.checked().diagnostics(),
              refused.checked().filesChecked(),
              DiagnosticFormat.TEXT,
              env.out());
      env.err().println("disclose: fix the errors above first");
      return Main.FINDINGS;
    }
    List<ReleaseNotesLinker.Addition> missing =
        ReleaseNotesLinker.missing(checked.releases(), checked.publicCatalog().advisories());
    if (missing.isEmpty()) {
      env.out().println("release notes name every advisory their releases fix");
      return Main.OK;
    }
    for (ReleaseNotesLinker.Addition a : missing) {
      String file = TerminalText.path(opened.display().of(opened.root().resolve(a.file())));
      env.out()
          .println(
              file
                  + ":"
                  + a.line()
                  + ": "
                  + TerminalText.visible(
                      a.release().packageName()
                          + " "
                          + a.release().version()
                          + (write ? ": added " : ": missing ")
                          + a.entry()));
    }
    if (!write) {
      env.out().println(missing.size() + " entries missing; add them with --write");
      return Main.FINDINGS;
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (ReleaseNotesLinker.Addition a : missing) {
      texts.computeIfAbsent(
          a.file(),
          f -> {
            try {
              return Files.readString(opened.root().resolve(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    for (Map.Entry<String, String> e : ReleaseNotesLinker.apply(missing, texts).entrySet()) {
      AtomicFiles.write(opened.root().resolve(e.getKey()), e.getValue());
    }
    env.out()
        .println(
            missing.size()
                + " entries added to "
                + texts.size()
                + (texts.size() == 1 ? " file" : " files"));
    return Main.OK;
  }
}
