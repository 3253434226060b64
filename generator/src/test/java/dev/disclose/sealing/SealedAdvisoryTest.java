package dev.disclose.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestKeys;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site with a sealed embargoed advisory, committed to git: nothing of its text in the history, a
 * build without the key skips it, with the key publishes it only once its embargo has passed.
 */
class SealedAdvisoryTest {
  static final TestKeys TEAM = TestKeys.generate("Security Team");
  static final TestKeys CI = TestKeys.generate("Publishing CI");
  static final String CANARY = "CANARY-7f3a9c-sealed-text";
  static final String ID = "DEMO-2026-0002";
  static final String LIFTS = "2026-12-01T00:00:00Z";

  @TempDir Path site;

  @BeforeEach
  void site() throws IOException {
    TestSites.write(
        site,
        "site-config.yaml",
        TestSites.CONFIG + "sealing:\n  recipients:\n    - keys/team.asc\n    - keys/ci.asc\n");
    TestSites.write(site, "keys/team.asc", TEAM.publicKey());
    TestSites.write(site, "keys/ci.asc", CI.publicKey());
    TestSites.write(
        site, "advisories/2025/DEMO-2025-0001.md", TestSites.validAdvisory("DEMO-2025-0001"));
    TestSites.write(site, "advisories/2026/" + ID + ".md", embargoed(ID, LIFTS));
  }

  static String embargoed(String id, String lifts) {
    return TestSites.validAdvisory(id)
        .replace(
            "published: 2025-03-04", "published: 2026-11-01\nstatus: embargoed\nembargo: " + lifts)
        .replace("CVE-2025-31337", "CVE-2026-99999")
        .replace("without normalizing it.", "without normalizing it. " + CANARY);
  }

  static Map<String, String> key(TestKeys keys) {
    return Map.of("DISCLOSE_SEALING_KEY", keys.secret());
  }

  @Test
  void aSealedAdvisoryCommittedToGitShowsNothingOfItsText() throws Exception {
    assumeTrue(git("--version").exitCode() == 0, "git is not installed");
    byte[] plain = Files.readAllBytes(site.resolve("advisories/2026/" + ID + ".md"));
    CliRun sealed = CliRun.in(site, "seal", ID);
    assertThat(sealed.exitCode()).as(sealed.err()).isZero();
    assertThat(sealed.out()).contains("for 2 keys");
    assertThat(site.resolve("advisories/2026/" + ID + ".md")).doesNotExist();
    Path asc = site.resolve("advisories/2026/" + ID + ".md.asc");
    assertThat(Files.readString(asc))
        .startsWith("-----BEGIN PGP MESSAGE-----")
        .doesNotContain(CANARY);

    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "Add advisories");
    CliRun log = git("log", "-p", "--all");
    assertThat(log.exitCode()).isZero();
    assertThat(log.out())
        .contains(ID + ".md.asc")
        .doesNotContain(CANARY)
        .doesNotContain("CVE-2026-99999");

    // Without the key: skipped, with one note and no finding.
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.exitCode()).as(validate.out()).isZero();
    assertThat(validate.err()).contains("note: 1 sealed advisory skipped: no DISCLOSE_SEALING_KEY");
    assertThat(validate.out() + validate.err()).doesNotContain(CANARY);

    Map<String, byte[]> without = build(Map.of(), "2026-11-30T23:59:59Z");
    Map<String, byte[]> withKeyBefore = build(key(CI), "2026-11-30T23:59:59Z");
    assertThat(text(without)).doesNotContain(CANARY).doesNotContain(ID);
    assertThat(withKeyBefore.keySet()).isEqualTo(without.keySet());
    for (String file : without.keySet())
      assertThat(withKeyBefore.get(file)).as(file).isEqualTo(without.get(file));

    Map<String, byte[]> after = build(key(CI), LIFTS);
    assertThat(text(after)).contains(CANARY);
    assertThat(after.keySet()).anyMatch(f -> f.contains(ID));

    // Unsealing gives back the very bytes that were sealed.
    CliRun unseal = CliRun.in(site, key(TEAM), "unseal", ID);
    assertThat(unseal.exitCode()).as(unseal.err()).isZero();
    assertThat(Files.readAllBytes(site.resolve("advisories/2026/" + ID + ".md"))).isEqualTo(plain);
    assertThat(asc).doesNotExist();
  }

  @Test
  void aPublicAdvisoryNamingASealedOneIsRefusedWithoutTheKey() throws Exception {
    assertThat(CliRun.in(site, "seal", ID).exitCode()).isZero();
    Path pub = site.resolve("advisories/2025/DEMO-2025-0001.md");
    Files.writeString(
        pub, Files.readString(pub).replace("severity:", "related: [" + ID + "]\nseverity:"));
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.exitCode()).as(validate.out()).isEqualTo(1);
    assertThat(validate.out()).contains("DEMO-2025-0001.md").contains("[I008]").contains(ID);
    assertThat(validate.out() + validate.err()).doesNotContain(CANARY);
  }

  @Test
  void unsealLiftedUnsealsOnlyThePublicOnes() throws Exception {
    TestSites.write(
        site,
        "advisories/2026/DEMO-2026-0003.md",
        embargoed("DEMO-2026-0003", "2026-11-25T00:00:00Z")
            .replace("CVE-2026-99999", "CVE-2026-99998"));
    assertThat(CliRun.in(site, "seal", ID, "DEMO-2026-0003").exitCode()).isZero();
    CliRun lifted = CliRun.in(site, key(CI), "unseal", "--lifted", "--now", "2026-11-26T00:00:00Z");
    assertThat(lifted.exitCode()).as(lifted.err()).isZero();
    assertThat(lifted.out()).contains("unsealed advisories/2026/DEMO-2026-0003.md");
    assertThat(site.resolve("advisories/2026/DEMO-2026-0003.md")).exists();
    assertThat(site.resolve("advisories/2026/DEMO-2026-0003.md.asc")).doesNotExist();
    assertThat(site.resolve("advisories/2026/" + ID + ".md.asc")).exists();
    assertThat(site.resolve("advisories/2026/" + ID + ".md")).doesNotExist();
  }

  @Test
  void aWrongKeyIsAFindingThatNamesBothSides() throws Exception {
    assertThat(CliRun.in(site, "seal", ID).exitCode()).isZero();
    TestKeys stranger = TestKeys.generate("Stranger");
    CliRun run = CliRun.in(site, key(stranger), "validate");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "advisories/2026/" + ID + ".md.asc:1:1: error[F011]: this file is sealed for the keys")
        .contains(stranger.fingerprint())
        .doesNotContain(CANARY);
    CliRun build = CliRun.in(site, key(stranger), "build");
    assertThat(build.exitCode()).isEqualTo(1);
  }

  @Test
  void missingExpiredAndLockedKeysAreClearErrors() throws Exception {
    assertThat(CliRun.in(site, "seal", ID).exitCode()).isZero();
    CliRun missing = CliRun.in(site, "unseal", ID);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .contains("no key to open sealed advisories: set DISCLOSE_SEALING_KEY");

    TestKeys expired =
        TestKeys.generate(
            "Old", Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(365), null, false);
    CliRun old = CliRun.in(site, key(expired), "build");
    assertThat(old.exitCode()).isEqualTo(2);
    assertThat(old.err()).contains("the key " + expired.fingerprint()).contains("expired at");

    TestKeys locked = TestKeys.generate("Locked", TestKeys.CREATED, null, "pass", false);
    CliRun noPassphrase = CliRun.in(site, key(locked), "validate");
    assertThat(noPassphrase.exitCode()).isEqualTo(2);
    assertThat(noPassphrase.err()).contains("set DISCLOSE_SEALING_PASSPHRASE");

    CliRun notASecretKey =
        CliRun.in(site, Map.of("DISCLOSE_SEALING_KEY", TEAM.publicKey()), "validate");
    assertThat(notASecretKey.exitCode()).isEqualTo(2);
    assertThat(notASecretKey.err()).contains("(it holds a public key)");
    assertThat(missing.err() + old.err() + noPassphrase.err() + notASecretKey.err())
        .doesNotContain("Exception");
  }

  @Test
  void anExpiredRecipientKeyRefusesToSeal() throws Exception {
    TestKeys expired =
        TestKeys.generate(
            "Old", Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(365), null, false);
    TestSites.write(site, "keys/ci.asc", expired.publicKey());
    CliRun run = CliRun.in(site, "seal", ID);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("error[F010]").contains(expired.fingerprint());
    assertThat(site.resolve("advisories/2026/" + ID + ".md")).exists();
  }

  @Test
  void editReSealsWhatTheEditorChanged() throws Exception {
    assertThat(CliRun.in(site, "seal", ID).exitCode()).isZero();
    Map<String, String> env = new HashMap<>(key(TEAM));
    env.put("EDITOR", "sed -i s/" + CANARY + "/EDITED-TEXT/");
    CliRun edit = CliRun.in(site, env, "edit", ID);
    assertThat(edit.exitCode()).as(edit.err()).isZero();
    assertThat(edit.out()).contains("re-sealed advisories/2026/" + ID + ".md.asc");
    assertThat(CliRun.in(site, key(CI), "unseal", ID).exitCode()).isZero();
    assertThat(Files.readString(site.resolve("advisories/2026/" + ID + ".md")))
        .contains("EDITED-TEXT")
        .doesNotContain(CANARY);
  }

  private Map<String, byte[]> build(Map<String, String> env, String now) throws IOException {
    Path out =
        site.resolveSibling(
            site.getFileName() + "-out-" + env.size() + "-" + now.replace(':', '-'));
    CliRun run = CliRun.in(site, env, "build", "--now", now, "--out", out.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList())
        files.put(out.relativize(p).toString(), Files.readAllBytes(p));
    }
    return files;
  }

  private static String text(Map<String, byte[]> files) {
    StringBuilder b = new StringBuilder();
    for (var e : files.entrySet())
      b.append(e.getKey())
          .append('\n')
          .append(new String(e.getValue(), StandardCharsets.ISO_8859_1));
    return b.toString();
  }

  private CliRun git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(site.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new CliRun(p.waitFor(), out, "");
  }
}
