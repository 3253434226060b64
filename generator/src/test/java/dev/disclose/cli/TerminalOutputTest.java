package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.serve.PreviewServer;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import dev.disclose.testing.TestKeys;
import dev.disclose.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advisories come from pull requests: no command prints a control character, a C1 control or a
 * bidirectional override that a repository's file or its name holds, and no value starts a line of
 * its own (a forged workflow command in a CI log).
 */
class TerminalOutputTest {
  /** Clears the screen, rings, returns, backs up, starts a C1 CSI and reorders text. */
  static final String RAW = "\u001B[2J\u0007\r\b\u009B31m\u202E\u2066";

  /** RAW as a YAML double-quoted string writes it, then a forged workflow command. */
  static final String YAML = "\\e[2J\\a\\r\\b\\x9B31m\\u202E\\u2066\\n::warning::forged";

  static final String KEY_FILE = "keys/team" + RAW + ".asc";
  static final TestKeys TEAM = TestKeys.generate("Team " + RAW);

  @TempDir Path temp;
  Path site;

  /** A folder name holding RAW: every path the commands print holds it. */
  String hostile(String name) {
    // A JVM whose file names are not UTF-8 cannot name files with C1 or bidi characters.
    boolean utf8 = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
    return name + (utf8 ? RAW : "\u001B[2J\u0007\r\b") + "\n::warning::forged";
  }

  @BeforeEach
  void hostileSite() throws Exception {
    site = temp.resolve(hostile("site"));
    TestSites.write(
        site,
        "site-config.yaml",
        TestSites.CONFIG.replace("title: Test advisories", "title: \"Test " + YAML + "\"")
            + "sealing:\n  recipients:\n    - \""
            + KEY_FILE.replace(RAW, YAML.substring(0, YAML.indexOf("\\n")))
            + "\"\n");
    TestSites.write(site, KEY_FILE, TEAM.publicKey());
    TestSites.write(site, "advisories/2026/DEMO-2026-0001.md", advisory("DEMO-2026-0001", ""));
    TestSites.write(
        site,
        "advisories/" + hostile("2026") + "/DEMO-2026-0002.md",
        advisory("DEMO-2026-0002", "status: embargoed\nembargo: 2026-12-24T00:00:00Z\n"));
    TestSites.write(site, "advisories/2026/" + hostile("") + ".md", advisory("DEMO-2026-0006", ""));
    TestSites.write(
        site,
        "advisories/2026/DEMO-2026-0003.md",
        "---\nid: DEMO-2026-0003\ntitle: [" + RAW + "\n---\n");
    TestSites.write(
        site,
        "advisories/" + hostile("pkg") + "/DEMO-0000-0000.md",
        advisory("DEMO-0000-0000", ""));
    TestSites.write(
        temp.resolve("in"),
        hostile("import") + ".json",
        """
        {"schema_version": "1.6.0", "id": "GHSA-%1$s", "modified": "2026-01-02T00:00:00Z",
         "published": "2026-01-01T00:00:00Z", "summary": "Summary %1$s", "details": "%1$s",
         "affected": [{"package": {"ecosystem": "PyPI", "name": "pkg%1$s"},
           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1%1$s"}]}]}],
         "credits": [{"name": "Credit %1$s"}]}
        """
            .formatted("\\u001B[2J\\u0007\\r\\b\\u009B31m\\u202E\\u2066\\n::warning::forged")
            .replace("\n", " "));
  }

  /** An advisory with RAW in every free field. */
  static String advisory(String id, String extra) {
    return """
        ---
        id: %1$s
        title: "Title %2$s"
        published: 2026-03-04
        %3$saliases: ["CVE-2026-1111%2$s"]
        severity:
          cvss_v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N
        affected:
          - ecosystem: PyPI
            package: "corvid-serve%2$s"
            ranges:
              - introduced: 0.5.0
                fixed: "0.7.2%2$s"
        credits:
          - name: "Mallory %2$s"
        references:
          - type: FIX
            url: "https://example.org/%2$s"
        ---
        Details %4$s
        """
        .formatted(id, YAML, extra, RAW);
  }

  @Test
  void noCommandPrintsWhatRewritesATerminal() throws Exception {
    String root = temp.relativize(site).toString();
    Map<String, String> none = Map.of();
    Map<String, String> actions = Map.of("GITHUB_ACTIONS", "true");
    Map<String, String> key = Map.of("DISCLOSE_SEALING_KEY", TEAM.secret(), "EDITOR", "true");
    List<String> problems = new ArrayList<>();
    run(problems, "checked 5 files", none, "validate", "--root", root);
    run(problems, "::error file=", none, "validate", "--root", root, "--format", "github");
    run(problems, "\"diagnostics\"", none, "validate", "--root", root, "--format", "json");
    run(problems, "not building", none, "build", "--root", root);
    run(problems, "::error file=", actions, "build", "--root", root);
    run(problems, "not exporting", none, "export", "osv", "--root", root, "--out", "osv");
    run(problems, "DEMO-2026-0002", none, "embargoes", "--root", root);
    run(problems, "DEMO-2026-0002", none, "embargoes", "--root", root, "--format", "json");
    run(problems, "would assign", none, "assign-ids", "--root", root, "--dry-run");
    run(problems, "(would write)", none, "import", "osv", "--root", root, "--dry-run", "in");
    run(problems, "fix the errors", none, "link-release-notes", "--root", root);
    run(problems, "the site root", none, "validate", "--root", hostile("missing"));
    run(problems, "sealed", none, "seal", "--root", root, "DEMO-2026-0002");
    run(problems, "unchanged", key, "edit", "--root", root, "DEMO-2026-0002");
    run(problems, "unsealed", key, "unseal", "--root", root, "DEMO-2026-0002");
    run(problems, "no advisory", key, "unseal", "--root", root, "DEMO" + RAW);
    run(problems, "assigned", none, "assign-ids", "--root", root);
    run(problems, "written", none, "import", "osv", "--root", root, "in");
    String[] draft = {"--ecosystem", "PyPI", "--package", "p", "--title", RAW};
    run(problems, "wrote", none, concat(new String[] {"new", "--root", root}, draft));
    assertThat(problems).isEmpty();
  }

  /** A site that builds, in a folder whose name holds RAW: every line naming a file. */
  @Test
  void commandsOnACleanSiteInAHostileFolder() throws Exception {
    Path clean = temp.resolve(hostile("releases"));
    TestSites.copyTree(Path.of("src/test/resources/sites/releases"), clean);
    String root = temp.relativize(clean).toString();
    String now = "2026-01-01T00:00:00Z";
    Map<String, String> none = Map.of();
    List<String> problems = new ArrayList<>();
    run(problems, "missing", none, "link-release-notes", "--root", root, "--now", now);
    run(problems, "added", none, "link-release-notes", "--root", root, "--write", "--now", now);
    run(problems, "built", none, "build", "--root", root, "--now", now);
    String out = hostile("osv");
    run(problems, "exported", none, "export", "osv", "--root", root, "--out", out, "--now", now);
    assertThat(problems).isEmpty();
  }

  @Test
  void summaryOfAHostilePullRequest() throws Exception {
    assumeTrue(ExternalTools.works("git", "--version"), "git is not installed");
    git("init", "-q", "-b", "main");
    git(
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-qm",
        "base",
        "--allow-empty");
    String base = git("rev-parse", "HEAD").strip();
    git("add", "-A");
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "change");
    List<String> problems = new ArrayList<>();
    String root = temp.relativize(site).toString();
    run(problems, "DEMO-2026-0001", Map.of(), "summary", "--root", root, "--since", base);
    run(problems, "not a commit", Map.of(), "summary", "--root", root, "--since", "x" + RAW);
    assertThat(problems).isEmpty();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theServersLog() throws Exception {
    StringWriter log = new StringWriter();
    try (PreviewServer server =
        PreviewServer.start(
            SiteRoot.open(site, new PathDisplay(temp)),
            0,
            Clock.fixed(CliRun.NOW, ZoneOffset.UTC),
            new PrintWriter(log, true))) {
      assertThat(server.url()).isNotNull();
    }
    List<String> problems = new ArrayList<>();
    check(problems, "serve", log.toString(), "");
    assertThat(log.toString()).contains("still serving the last good build");
    assertThat(problems).isEmpty();
  }

  /**
   * Runs the command in {@code temp}, notes what it printed that acts on a terminal, and that it
   * did not print {@code expected} (it failed before reaching the output under test).
   */
  private void run(
      List<String> problems, String expected, Map<String, String> env, String... args) {
    CliRun run = CliRun.in(temp, env, args);
    String command = String.join(" ", List.of(args).subList(0, 2));
    if (!(run.out() + run.err()).contains(expected))
      problems.add(command + ": no `" + expected + "` in " + shown(run.out() + run.err()));
    check(problems, command, run.out(), run.err());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", site.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  /** Each character of the output that acts on a terminal, and each forged line. */
  static void check(List<String> problems, String command, String out, String err) {
    for (String stream : List.of("out", "err")) {
      String text = stream.equals("out") ? out : err;
      text.codePoints()
          .filter(TerminalOutputTest::acts)
          .findFirst()
          .ifPresent(c -> problems.add(String.format("%s, std%s: U+%04X", command, stream, c)));
      if (text.lines().anyMatch(l -> l.startsWith("::warning::forged")))
        problems.add(command + ", std" + stream + ": a line of its own starts ::warning::forged");
    }
  }

  /** A control other than newline and tab, a C1 control, a bidi control or a line separator. */
  static boolean acts(int c) {
    boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t';
    return control || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029;
  }

  /** The output with each character that acts written as U+XXXX, to show in a failure. */
  static String shown(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints()
        .forEach(c -> b.append(acts(c) ? String.format("U+%04X", c) : Character.toString(c)));
    return b.toString();
  }
}
