package dev.disclose.cli;

import dev.disclose.config.SiteConfig;
import dev.disclose.csaf.CsafFormat;
import dev.disclose.discovery.SecurityTxtFormat;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.BuildMemory;
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
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Where a public build remembers itself for the next (default: .disclose-cache in the"
              + " site root): the next build re-renders only what changed, and writes nothing when"
              + " nothing did. Never changes the output; a cache that does not fit is set aside"
              + " with a note.")
  Path cache;

  @Option(names = "--no-cache", description = "Build in full without reading or writing the cache.")
  boolean noCache;

  @Option(
      names = "--rebuild",
      description =
          "Build in full as if the cache remembered nothing, then remember this build for the next.")
  boolean rebuild;

  /**
   * The system property the launcher sets on the run that trains its start-up archive, which must
   * load what a build in full loads; unlike {@code --rebuild}, it goes with any other option.
   */
  static final String TRAINING = "disclose.rebuild";

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
    if (rebuild && (noCache || preview)) {
      env.err()
          .println(
              "disclose: --rebuild remembers the build it makes, which "
                  + (preview ? "a preview never is" : "--no-cache forbids")
                  + "; give one of the two");
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
    long start = System.nanoTime();
    Progress line = TerminalProgress.forEnvironment(env);
    PhaseTimings phases = timings ? new PhaseTimings(line) : null;

    Instant now = clock.resolve(env);
    LoadRequest load = LoadRequest.toBuild(opened).withSealingKey(SealingEnvironment.key(env, now));
    Optional<SigningKey> csafKey = CsafSigningEnvironment.key(env, now);
    String folder = opened.display().of(target).toString().replace('\\', '/');
    Path cacheFolder =
        cache != null
            ? env.workingDirectory().resolve(cache)
            : opened.root().resolve(".disclose-cache");
    BuildMemory memory =
        preview || noCache
            ? null
            : rebuild || Boolean.getBoolean(TRAINING)
                ? BuildMemory.forgetting(cacheFolder, target, opened.root(), request(csafKey))
                : BuildMemory.open(cacheFolder, target, opened.root(), request(csafKey));
    Pipeline pipeline =
        new Pipeline(memory != null ? memory.memo() : Memo.NONE, phases != null ? phases : line);
    try {
      if (memory != null) {
        Optional<BuildMemory.Unchanged> unchanged =
            memory.unchanged(opened, load.sealingKey(), now);
        if (unchanged.isPresent()) {
          unchanged(env, unchanged.get(), memory, folder, start);
          publicNotes(env, pipeline.config(opened), folder, csafKey);
          return Main.OK;
        }
      }
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
                memory != null
                    ? memory.output(opened)
                    : Pipeline.folder(target, opened.root(), preview));
      } finally {
        if (line instanceof TerminalProgress terminal) terminal.clear();
      }
      if (memory != null) {
        memory.remember(result);
        memory.notes().forEach(note -> env.err().println("note: " + TerminalText.visible(note)));
      }
      env.out()
          .println(
              String.format(
                  Locale.ROOT,
                  "%sbuilt %d advisories: %d pages in %.1f s%s",
                  preview ? "PREVIEW (not for publication): " : "",
                  result.advisories(),
                  result.pages(),
                  result.millis() / 1000.0,
                  result.rendered() < result.pages()
                      ? " (" + result.rendered() + " rendered, the others unchanged)"
                      : ""));
      // Last, so that a log's final line says how large the site is.
      env.out().println(sizes("wrote", result.files(), result.bytes(), "to", folder));
      env.out().flush();
      SealingEnvironment.noteSkipped(env, result.sealedSkipped());
      // A preview is for reviewers, not for CSAF's readers or the host's root.
      if (!preview) publicNotes(env, result.publication().config(), folder, csafKey);
      if (phases != null) phases.print(env.err());
      return Main.OK;
    } catch (Refused refused) {
      if (memory != null)
        memory.notes().forEach(note -> env.err().println("note: " + TerminalText.visible(note)));
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

  /**
   * The options that shape a public build's output beyond the site's files: a cache made under
   * others describes another output.
   */
  private String request(Optional<SigningKey> csafKey) {
    return "base-url "
        + (baseUrl == null ? "-" : baseUrl)
        + " csaf-signing "
        + csafKey.map(SigningKey::fingerprint).orElse("-")
        + " formats "
        + String.join(",", OutputFormats.names());
  }

  /** What a public build says of its configuration, on standard error, each time it builds. */
  private static void publicNotes(
      Environment env, SiteConfig config, String folder, Optional<SigningKey> csafKey) {
    SecurityTxtFormat.outsideTheRoot(config, folder + "/.well-known/security.txt")
        .ifPresent(note -> env.err().println("note: " + TerminalText.visible(note)));
    if (csafKey.isEmpty() && config.publishes(CsafFormat.NAME)) {
      env.err().println("warning: " + CsafSigningEnvironment.unsigned());
    }
  }

  /** Says that nothing changed since the build the cache remembers, whose output stays. */
  private static void unchanged(
      Environment env, BuildMemory.Unchanged u, BuildMemory memory, String folder, long start) {
    memory.notes().forEach(note -> env.err().println("note: " + TerminalText.visible(note)));
    env.out()
        .println(
            String.format(
                Locale.ROOT,
                "nothing changed since the last build of %d advisories: %d pages, checked in %.1f s",
                u.advisories(),
                u.pages(),
                (System.nanoTime() - start) / 1e9));
    env.out().println(sizes("kept", u.files(), u.bytes(), "in", folder));
  }

  /**
   * A build's last line, how many files and bytes it left where, so that a log ends with the site's
   * size.
   */
  private static String sizes(String verb, long files, long bytes, String where, String folder) {
    return verb
        + " "
        + Sizes.count(files, "file", "files")
        + ", "
        + Sizes.bytes(bytes)
        + " "
        + where
        + " "
        + TerminalText.visible(folder);
  }
}
