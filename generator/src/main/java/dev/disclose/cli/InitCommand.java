package dev.disclose.cli;

import dev.disclose.authoring.InitDefaults;
import dev.disclose.authoring.SiteInit;
import dev.disclose.check.CheckedSite;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.report.DiagnosticFormat;
import dev.disclose.report.DiagnosticPrinter;
import dev.disclose.report.TerminalText;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a working site in a new or existing folder: site-config.yaml, a security policy",
      "page stating response targets, an example draft advisory, the validate and publish",
      "workflows, and a .gitignore for the outputs. Never overwrites a file: each one that exists",
      "is kept, and said so. Values not given are asked for on a terminal; elsewhere they are",
      "derived from the folder's name and its GitHub remote, or the command stops naming the flag."
    },
    footer = {
      "",
      "Exit codes: 0 a working site, 1 a kept file leaves it with errors, 2 usage or I/O error."
    })
final class InitCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin NowOption clock;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The folder to make a site of, created if missing (default: the current one).")
  Path root;

  @Option(names = "--title", paramLabel = "TEXT", description = "The site's title.")
  String title;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "The address the site is served from, e.g. https://org.github.io/repo/.")
  String baseUrl;

  @Option(
      names = "--id-prefix",
      paramLabel = "PREFIX",
      description = "The advisories' ID prefix: 2 to 16 capitals and digits, e.g. EXMP.")
  String idPrefix;

  @Option(
      names = "--contact",
      paramLabel = "URL",
      description = "Where to report a vulnerability: a mailto: or https: URL, or an address.")
  String contact;

  @Option(
      names = "--repository",
      paramLabel = "URL",
      description = "The repository's web address, for edit links (default: its GitHub remote).")
  String repository;

  /** Asks for one value on the terminal; empty at the end of input. */
  interface Prompter {
    Optional<String> ask(String question);
  }

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    return run(env, consolePrompter(env));
  }

  int run(Environment env, Optional<Prompter> prompter) throws Exception {
    Path site =
        env.workingDirectory()
            .resolve(root == null ? Path.of(".") : root)
            .toAbsolutePath()
            .normalize();
    PathDisplay display = new PathDisplay(env.workingDirectory());
    if (Files.exists(site) && !Files.isDirectory(site)) {
      env.err().println("disclose: " + TerminalText.path(display.of(site)) + " is not a folder");
      return Main.USAGE;
    }
    Instant now = clock.resolve(env);
    InitDefaults defaults = InitDefaults.of(site);
    SiteInit.Settings settings;
    Optional<String> policy;
    Path config = site.resolve("site-config.yaml");
    if (Files.exists(config)) {
      SiteConfig existing = Pipeline.oneOff().config(SiteRoot.open(site, display));
      settings =
          new SiteInit.Settings(
              existing.title(),
              existing.baseUrl(),
              existing.idPrefix().isEmpty() ? "EXAMPLE" : existing.idPrefix(),
              existing.securityContact(),
              existing.repository(),
              existing.branch());
      policy = existing.policy();
      List<String> ignored = new ArrayList<>();
      if (title != null) ignored.add("--title");
      if (baseUrl != null) ignored.add("--base-url");
      if (idPrefix != null) ignored.add("--id-prefix");
      if (contact != null) ignored.add("--contact");
      if (repository != null) ignored.add("--repository");
      if (!ignored.isEmpty()) {
        env.err()
            .println(
                "note: site-config.yaml exists and is kept, so "
                    + String.join(", ", ignored)
                    + (ignored.size() == 1 ? " is" : " are")
                    + " not applied; edit it instead");
      }
    } else {
      InitQuestions questions = new InitQuestions(env, prompter);
      Optional<SiteInit.Settings> asked =
          questions.settings(
              defaults,
              Optional.ofNullable(title),
              Optional.ofNullable(baseUrl),
              Optional.ofNullable(idPrefix),
              Optional.ofNullable(contact),
              Optional.ofNullable(repository));
      if (asked.isEmpty()) return Main.USAGE;
      settings = asked.get();
      policy = Optional.of(SiteInit.POLICY);
    }
    List<SiteInit.Outcome> outcomes =
        SiteInit.write(
            new SiteInit.Layout(site, defaults.repositoryTop(), policy),
            settings,
            LocalDate.ofInstant(now, ZoneOffset.UTC));
    for (SiteInit.Outcome o : outcomes) {
      String shown = TerminalText.path(display.of(o.path()));
      env.out()
          .println(
              o.written()
                  ? "wrote " + shown
                  : "kept  " + shown + ": " + TerminalText.visible(o.note()));
    }
    // The site works when it checks clean: what a build asks before it writes anything.
    SiteRoot made = SiteRoot.open(site, display);
    CheckedSite checked = Pipeline.oneOff().check(LoadRequest.toCheck(made), now);
    if (checked.errors() > 0) {
      new DiagnosticPrinter(env.workingDirectory(), made.root())
          .print(checked.diagnostics(), checked.filesChecked(), DiagnosticFormat.TEXT, env.out());
      env.err()
          .println(
              "disclose: the site has errors in the files init kept; fix them, then run disclose"
                  + " build");
      return Main.FINDINGS;
    }
    String at = root == null ? "" : " --root " + TerminalText.path(display.of(site));
    env.out()
        .println(
            "next: disclose build"
                + at
                + ", then commit and push; on GitHub, turn Pages on (Settings → Pages → Source:"
                + " GitHub Actions)");
    return Main.OK;
  }

  /**
   * The terminal, when there is one and no CI: a job's standard input is no one to ask, and a
   * question there would hang it.
   */
  private static Optional<Prompter> consolePrompter(Environment env) {
    Console console = System.console();
    if (console == null || env.variables().get("CI") != null || env.isGitHubActions()) {
      return Optional.empty();
    }
    return Optional.of(question -> Optional.ofNullable(console.readLine("%s", question)));
  }
}
