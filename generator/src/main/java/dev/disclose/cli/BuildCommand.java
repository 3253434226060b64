package dev.disclose.cli;

import dev.disclose.csaf.CsafFormat;
import dev.disclose.discovery.SecurityTxtFormat;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.pipeline.PhaseTimings;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Progress;
import dev.disclose.pipeline.Refused;
import dev.disclose.plan.PlanRequest;
import dev.disclose.report.DiagnosticFormat;
import dev.disclose.report.DiagnosticPrinter;
import dev.disclose.report.Redaction;
import dev.disclose.report.TerminalText;
import dev.disclose.sealing.SigningKey;
import dev.disclose.text.Sizes;
import dev.disclose.text.Urls;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Renders the public advisories into a static website.",
      "Validates first and refuses to build on errors. The output folder is replaced atomically:",
      "a failed build leaves the previous one untouched. Same input, byte-identical output."
    },
    footer = {"", "Exit codes: 0 built, 1 validation errors, 2 usage or I/O error."})
final class BuildCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: _site in the site root).")
  Path out;

  @Option(
      names = "--preview",
      description = {
        "Build everything, drafts and embargoed advisories included, each marked",
        "NOT PUBLIC, with search engines told to keep out; default output _preview/. Refuses to",
        "write inside or around _site/ or any public build's output."
      })
  boolean preview;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The address the site is served from, overriding site-config.yaml (e.g. for GitHub Pages).")
  String baseUrl;

  @Option(
      names = "--timings",
      description = "Print how long each phase of the build took, on standard error.")
  boolean timings;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    SiteRoot opened = site.open(env);
    if (baseUrl != null && !Urls.isHttpUrl(baseUrl)) {
      env.err()
          .println(
              "disclose: --base-url must be an absolute http(s) URL, like https://example.org/security/");
      return Main.USAGE;
    }
    Path target =
        out != null
            ? env.workingDirectory().resolve(out)
            : opened.root().resolve(preview ? "_preview" : "_site");
    if (preview
        && target
            .toAbsolutePath()
            .normalize()
            .equals(opened.root().resolve("_site").toAbsolutePath().normalize())) {
      env.err()
          .println(
              "disclose: a preview never goes to _site/, the public output; choose another --out (default _preview/)");
      return Main.USAGE;
    }
    Progress line = TerminalProgress.forEnvironment(env);
    PhaseTimings phases = timings ? new PhaseTimings(line) : null;
    Pipeline pipeline = new Pipeline(Memo.NONE, phases != null ? phases : line);
    Instant now = clock.resolve(env);
    LoadRequest load = LoadRequest.toBuild(opened).withSealingKey(SealingEnvironment.key(env, now));
    Optional<SigningKey> csafKey = CsafSigningEnvironment.key(env, now);
    try {
      Pipeline.Built result;
      try {
        result =
            pipeline.build(
                load,
                new Pipeline.BuildRequest(
                    now,
                    new PlanRequest(Optional.ofNullable(baseUrl), preview),
                    OutputFormats.all(csafKey),
                    false,
                    !preview),
                Pipeline.folder(target, opened.root(), preview));
      } finally {
        if (line instanceof TerminalProgress terminal) terminal.clear();
      }
      String folder = opened.display().of(target).toString().replace('\\', '/');
      env.out()
          .println(
              String.format(
                  Locale.ROOT,
                  "%sbuilt %d advisories: %d pages in %.1f s",
                  preview ? "PREVIEW (not for publication): " : "",
                  result.advisories(),
                  result.pages(),
                  result.millis() / 1000.0));
      // Last, so that a log's final line says how large the site is.
      env.out()
          .println(
              "wrote "
                  + Sizes.count(result.files(), "file", "files")
                  + ", "
                  + Sizes.bytes(result.bytes())
                  + " to "
                  + TerminalText.visible(folder));
      env.out().flush();
      SealingEnvironment.noteSkipped(env, result.sealedSkipped());
      if (!preview) {
        SecurityTxtFormat.outsideTheRoot(
                result.publication().config(), folder + "/.well-known/security.txt")
            .ifPresent(note -> env.err().println("note: " + TerminalText.visible(note)));
      }
      // A preview is for reviewers, not for CSAF's readers: it needs no signatures.
      if (!preview
          && csafKey.isEmpty()
          && result.publication().config().publishes(CsafFormat.NAME)) {
        env.err().println("warning: " + CsafSigningEnvironment.unsigned());
      }
      if (phases != null) phases.print(env.err());
      return Main.OK;
    } catch (Refused refused) {
      SealingEnvironment.noteSkipped(env, refused.checked().sources().sealedSkipped());
      DiagnosticFormat format =
          env.isGitHubActions() ? DiagnosticFormat.GITHUB : DiagnosticFormat.TEXT;
      new DiagnosticPrinter(env.workingDirectory(), opened.root())
          .redacting(Redaction.forOutput(refused.checked(), format, env.isGitHubActions()))
          .print(
              refused.checked().diagnostics(), refused.checked().filesChecked(), format, env.out());
      env.err()
          .println(
              "disclose: not building: fix the errors above (disclose validate shows them too)");
      return Main.FINDINGS;
    }
  }
}
