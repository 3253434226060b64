package dev.disclose.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestKeys;
import dev.disclose.testing.TestSites;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose export csaf} and the site's {@code .well-known/csaf/}: the provider's layout,
 * hashes and signatures that verify, the same bytes from one run to the next, nothing of an
 * embargoed advisory, and the revision history git gives.
 */
class CsafExportTest {
  static final String NOW = "2026-11-22T12:00:00Z";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void copyFixture() throws Exception {
    site = temp.resolve("site");
    TestSites.copyTree(CsafFiles.CVE_FIXTURE, site);
  }

  private CliRun export(String out, Map<String, String> env) {
    CliRun run = CliRun.in(site, env, "export", "csaf", "--out", out, "--now", NOW);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return run;
  }

  static Map<String, byte[]> files(Path root) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString().replace('\\', '/');
        if (!name.equals(".disclose-output")) out.put(name, Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Test
  void theExportIsAProvidersFoldersWithHashesThatMatch() throws Exception {
    CliRun run = export("csaf", Map.of());
    Map<String, byte[]> files = files(site.resolve("csaf"));
    assertThat(files.keySet())
        .contains(
            "provider-metadata.json",
            "service.json",
            "white/csaf-feed-tlp-white.json",
            "white/index.txt",
            "white/changes.csv",
            "white/2024/cve-2024-12345.json",
            "white/2025/cvx-2025-0001.json",
            "white/2025/cvx-2025-0001.json.sha256",
            "white/2025/cvx-2025-0001.json.sha512")
        .noneMatch(p -> p.endsWith(".asc"));
    assertThat(run.out()).startsWith("4 public advisories exported as csaf: 17 files -> ");
    assertThat(run.err())
        .contains("note: CVX-2025-0001 has commit ranges (GIT)")
        .contains("note: the CSAF documents are not signed: set DISCLOSE_CSAF_SIGNING_KEY");
    for (String doc : CsafFiles.documents(files)) {
      String name = doc.substring(doc.lastIndexOf('/') + 1);
      assertThat(CsafFiles.text(files.get(doc + ".sha256")))
          .isEqualTo(hex("SHA-256", files.get(doc)) + "  " + name + "\n");
      assertThat(CsafFiles.text(files.get(doc + ".sha512")))
          .isEqualTo(hex("SHA-512", files.get(doc)) + "  " + name + "\n");
    }
    assertThat(CsafFiles.text(files.get("white/index.txt")))
        .isEqualTo(
            "2024/cve-2024-12345.json\n"
                + "2025/cvx-2025-0001.json\n"
                + "2025/cvx-2025-0002.json\n"
                + "2025/cvx-2025-0005.json\n");
    assertThat(CsafFiles.text(files.get("white/changes.csv")))
        .startsWith("\"2025/cvx-2025-0005.json\",\"2025-09-02T12:00:00Z\"\n");
    JsonNode metadata = JSON.readTree(files.get("provider-metadata.json"));
    assertThat(metadata.get("role").asText()).isEqualTo("csaf_provider");
    assertThat(metadata.has("public_openpgp_keys")).isFalse();

    // Written as the site would: a second export is the same bytes.
    export("again", Map.of());
    assertThat(files(site.resolve("again"))).containsOnlyKeys(files.keySet());
    files(site.resolve("again")).forEach((k, v) -> assertThat(v).as(k).isEqualTo(files.get(k)));
  }

  @Test
  void withASigningKeyEveryDocumentHasASignatureThatVerifies() throws Exception {
    TestKeys key = TestKeys.generate("CSAF signer");
    Map<String, String> env = Map.of("DISCLOSE_CSAF_SIGNING_KEY", key.secret());
    CliRun run = export("csaf", env);
    assertThat(run.err()).doesNotContain("not signed");
    Map<String, byte[]> files = files(site.resolve("csaf"));
    String keyFile = "openpgp/" + key.fingerprint() + ".asc";
    assertThat(files).containsKey(keyFile);
    OpenPGPCertificate published =
        new OpenPGPKeyReader().parseCertificate(CsafFiles.text(files.get(keyFile)));
    assertThat(published.isSecretKey()).isFalse();
    OpenPGPCertificate expected = new OpenPGPKeyReader().parseCertificate(key.publicKey());
    List<String> documents = CsafFiles.documents(files);
    assertThat(documents).hasSize(4);
    for (String doc : documents) {
      byte[] signature = files.get(doc + ".asc");
      assertThat(signature).as(doc).isNotNull();
      assertThat(verifies(signature, files.get(doc), published)).as(doc).isTrue();
      assertThat(verifies(signature, files.get(doc), expected)).as(doc).isTrue();
      byte[] altered = (CsafFiles.text(files.get(doc)) + " ").getBytes(StandardCharsets.UTF_8);
      assertThat(verifies(signature, altered, expected)).as(doc).isFalse();
    }
    JsonNode metadata = JSON.readTree(files.get("provider-metadata.json"));
    assertThat(metadata.get("role").asText()).isEqualTo("csaf_trusted_provider");
    assertThat(metadata.get("public_openpgp_keys").get(0).get("fingerprint").asText())
        .isEqualTo(key.fingerprint());
    assertThat(metadata.get("public_openpgp_keys").get(0).get("url").asText())
        .isEqualTo("https://example.org/security/.well-known/csaf/" + keyFile);
    JsonNode feed = JSON.readTree(files.get("white/csaf-feed-tlp-white.json"));
    for (JsonNode entry : feed.get("feed").get("entry")) {
      assertThat(entry.get("link").findValuesAsText("rel"))
          .containsExactly("self", "hash", "hash", "signature");
    }

    // Ed25519 signatures dated by the documents: the same bytes from one run to the next.
    export("again", env);
    files(site.resolve("again")).forEach((k, v) -> assertThat(v).as(k).isEqualTo(files.get(k)));
  }

  @Test
  void aLockedKeyNeedsItsPassphrase() {
    TestKeys key =
        TestKeys.generate("Locked signer", TestKeys.CREATED, null, "correct horse", false);
    CliRun without =
        CliRun.in(
            site,
            Map.of("DISCLOSE_CSAF_SIGNING_KEY", key.secret()),
            "export",
            "csaf",
            "--out",
            "csaf",
            "--now",
            NOW);
    assertThat(without.exitCode()).isEqualTo(2);
    assertThat(without.err())
        .contains("is protected by a passphrase: set DISCLOSE_CSAF_SIGNING_PASSPHRASE")
        .doesNotContain("Exception");
    CliRun wrong =
        CliRun.in(
            site,
            Map.of(
                "DISCLOSE_CSAF_SIGNING_KEY",
                key.secret(),
                "DISCLOSE_CSAF_SIGNING_PASSPHRASE",
                "wrong"),
            "export",
            "csaf",
            "--out",
            "csaf",
            "--now",
            NOW);
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("DISCLOSE_CSAF_SIGNING_PASSPHRASE does not unlock the key");
    export(
        "csaf",
        Map.of(
            "DISCLOSE_CSAF_SIGNING_KEY",
            key.secret(),
            "DISCLOSE_CSAF_SIGNING_PASSPHRASE",
            "correct horse"));
    assertThat(site.resolve("csaf/white/2025/cvx-2025-0001.json.asc")).exists();
  }

  @Test
  void aPublicKeyIsNoSigningKey() {
    TestKeys key = TestKeys.generate("Public only");
    CliRun run =
        CliRun.in(
            site,
            Map.of("DISCLOSE_CSAF_SIGNING_KEY", key.publicKey()),
            "export",
            "csaf",
            "--out",
            "csaf",
            "--now",
            NOW);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("DISCLOSE_CSAF_SIGNING_KEY holds no ASCII-armored OpenPGP secret key")
        .contains("(it holds a public key)");
  }

  @Test
  void theSitePublishesCsafWhenFormatsNamesItAndWarnsWithoutAKey() throws Exception {
    CliRun build = CliRun.in(site, "build", "--now", NOW);
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    assertThat(site.resolve("_site/.well-known/csaf")).doesNotExist();
    assertThat(Files.readString(site.resolve("_site/.well-known/security.txt")))
        .doesNotContain("CSAF:");
    assertThat(build.err()).doesNotContain("CSAF");

    Files.writeString(
        site.resolve("site-config.yaml"),
        "formats: [osv, security-txt, csaf]\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    build = CliRun.in(site, "build", "--now", NOW);
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    assertThat(site.resolve("_site/.well-known/csaf/provider-metadata.json")).exists();
    assertThat(site.resolve("_site/.well-known/csaf/white/2025/cvx-2025-0001.json")).exists();
    assertThat(Files.readString(site.resolve("_site/.well-known/security.txt")))
        .contains("CSAF: https://example.org/security/.well-known/csaf/provider-metadata.json\n");
    assertThat(build.err()).contains("warning: the CSAF documents are not signed");

    CliRun preview = CliRun.in(site, "build", "--preview", "--now", NOW);
    assertThat(preview.exitCode()).as(preview.out() + preview.err()).isZero();
    assertThat(preview.err()).doesNotContain("not signed");

    TestKeys key = TestKeys.generate("Site signer");
    Path keyFile = TestSites.write(temp, "signing.asc", key.secret());
    build =
        CliRun.in(
            site,
            Map.of("DISCLOSE_CSAF_SIGNING_KEY_FILE", keyFile.toString()),
            "build",
            "--now",
            NOW);
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    assertThat(build.err()).doesNotContain("not signed");
    assertThat(site.resolve("_site/.well-known/csaf/white/2025/cvx-2025-0001.json.asc")).exists();
  }

  @Test
  void embargoedAndDraftAdvisoriesHaveNoDocumentUntilTheirTime() throws Exception {
    export("csaf", Map.of());
    StringBuilder everything = new StringBuilder();
    for (Map.Entry<String, byte[]> f : files(site.resolve("csaf")).entrySet())
      everything.append(f.getKey()).append(CsafFiles.text(f.getValue()));
    assertThat(everything.toString())
        .doesNotContain(
            "CVX-2025-0003",
            "cvx-2025-0003",
            "EMBARGO-CANARY",
            "CVE-2025-40003",
            "CVX-2025-0004",
            "DRAFT-CANARY",
            "CVE-2025-40004");
    CliRun later =
        CliRun.in(site, "export", "csaf", "--out", "later", "--now", "2027-01-10T16:00:00Z");
    assertThat(later.exitCode()).as(later.err()).isZero();
    assertThat(Files.readString(site.resolve("later/white/2027/cvx-2025-0003.json")))
        .contains("EMBARGO-CANARY");
    assertThat(site.resolve("later/white/2025/cvx-2025-0004.json")).doesNotExist();
  }

  @Test
  void everyCommitAfterPublicationIsARevision() throws Exception {
    assumeTrue(git(Map.of(), "--version") == 0, "git is not installed");
    Path root = temp.resolve("history");
    TestSites.withConfig(root);
    site = root;
    assertThat(git(Map.of(), "init", "-q")).isZero();
    String advisory = TestSites.validAdvisory("DEMO-2025-0001");
    // Committed under embargo before its publication on 2025-03-04: no revision.
    TestSites.write(root, "advisories/2025/DEMO-2025-0001.md", advisory);
    commit("2025-03-01T10:00:00Z");
    TestSites.write(root, "advisories/2025/DEMO-2025-0001.md", advisory + "\nMore details.\n");
    commit("2025-03-10T08:00:00Z");
    TestSites.write(root, "advisories/2025/DEMO-2025-0001.md", advisory + "\nMore still.\n");
    commit("2025-04-02T17:30:00Z");

    export("csaf", Map.of());
    JsonNode tracking =
        JSON.readTree(root.resolve("csaf/white/2025/demo-2025-0001.json").toFile())
            .get("document")
            .get("tracking");
    assertThat(tracking.get("revision_history").findValuesAsText("date"))
        .containsExactly("2025-03-04T12:00:00Z", "2025-03-10T08:00:00Z", "2025-04-02T17:30:00Z");
    assertThat(tracking.get("version").asText()).isEqualTo("3");
    assertThat(tracking.get("current_release_date").asText()).isEqualTo("2025-04-02T17:30:00Z");

    // A written `modified` says when it last changed: later commits are no revisions.
    TestSites.write(
        root,
        "advisories/2025/DEMO-2025-0001.md",
        advisory.replace("published: 2025-03-04", "published: 2025-03-04\nmodified: 2025-03-20"));
    commit("2025-05-01T09:00:00Z");
    export("csaf", Map.of());
    tracking =
        JSON.readTree(root.resolve("csaf/white/2025/demo-2025-0001.json").toFile())
            .get("document")
            .get("tracking");
    assertThat(tracking.get("revision_history").findValuesAsText("date"))
        .containsExactly("2025-03-04T12:00:00Z", "2025-03-10T08:00:00Z", "2025-03-20T12:00:00Z");
  }

  private void commit(String when) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("GIT_AUTHOR_DATE", when);
    env.put("GIT_COMMITTER_DATE", when);
    assertThat(git(env, "add", "-A")).isZero();
    assertThat(
            git(
                env,
                "-c",
                "user.name=T",
                "-c",
                "user.email=t@example.org",
                "commit",
                "-q",
                "-m",
                "x"))
        .isZero();
  }

  private int git(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(site.toFile());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    try {
      Process p = pb.start();
      p.getInputStream().readAllBytes();
      return p.waitFor();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /** Whether {@code armored} is a valid detached signature of {@code data} by {@code key}. */
  static boolean verifies(byte[] armored, byte[] data, OpenPGPCertificate key) throws Exception {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
      Object next = new BcPGPObjectFactory(in).nextObject();
      PGPSignature signature = ((PGPSignatureList) next).get(0);
      PGPPublicKey signer = key.getPGPPublicKeyRing().getPublicKey(signature.getKeyID());
      if (signer == null) return false;
      signature.init(new BcPGPContentVerifierBuilderProvider(), signer);
      signature.update(data);
      return signature.verify();
    }
  }

  private static String hex(String algorithm, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
  }
}
