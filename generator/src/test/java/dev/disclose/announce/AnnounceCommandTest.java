package dev.disclose.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose announce} on a copy of the demo: the plain text and the .eml as golden files, a
 * real SMTP server on loopback receiving the post, a refused connection and a bad password each a
 * clear error, and an embargoed advisory never announced.
 */
class AnnounceCommandTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/announce");
  static final String NOW = "2026-11-23T00:00:00Z";
  static final String SENDER = "security@corvid.example.org";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(SENDER, "s3cret"))
          .withPerMethodLifecycle(true);

  @TempDir Path temp;
  Path demo;

  @BeforeEach
  void copyTheDemo() throws Exception {
    demo = temp.resolve("demo");
    for (String part : List.of("advisories", "docs", "releases"))
      TestSites.copyTree(Path.of("..").resolve(part), demo.resolve(part));
    Files.copy(Path.of("../site-config.yaml"), demo.resolve("site-config.yaml"));
  }

  /** The demo's configuration with its SMTP server moved to {@code port} on loopback. */
  private void smtpAt(int port) throws Exception {
    Path config = demo.resolve("site-config.yaml");
    String text = Files.readString(config);
    assertThat(text).contains("host: smtp.corvid.example.org", "port: 587", "security: starttls");
    Files.writeString(
        config,
        text.replace("host: smtp.corvid.example.org", "host: 127.0.0.1")
            .replace("port: 587", "port: " + port)
            .replace("security: starttls", "security: none"));
  }

  @Test
  void theDemosCveAdvisoryAsTextAndAsAnEmlFile() throws Exception {
    CliRun text =
        CliRun.in(demo, "announce", "DEMO-2025-0004", "--list", "security-announce", "--now", NOW);
    assertThat(text.exitCode()).as(text.err()).isZero();
    Golden.assertMatches(GOLDEN.resolve("DEMO-2025-0004.security-announce.txt"), text.out());
    // The body keeps to 72 columns; a header is folded where the message is written.
    for (String line : text.out().split("\n"))
      if (!line.startsWith("Subject: ") && !line.contains("https://"))
        assertThat(line.length()).as(line).isLessThanOrEqualTo(72);

    CliRun eml =
        CliRun.in(
            demo, "announce", "DEMO-2025-0004", "--format", "eml", "--out", "mail", "--now", NOW);
    assertThat(eml.exitCode()).as(eml.err()).isZero();
    Path file = demo.resolve("mail/DEMO-2025-0004.oss-security.eml");
    Golden.assertMatches(
        GOLDEN.resolve("DEMO-2025-0004.oss-security.eml"),
        Files.readString(file, StandardCharsets.UTF_8));
    assertThat(demo.resolve("mail/DEMO-2025-0004.security-announce.eml")).exists();
  }

  @Test
  void aRealSmtpServerReceivesThePost() throws Exception {
    smtpAt(SMTP.getSmtp().getPort());
    CliRun sent =
        CliRun.in(
            demo,
            Map.of("DISCLOSE_SMTP_PASSWORD", "s3cret"),
            "announce",
            "DEMO-2025-0004",
            "--list",
            "security-announce",
            "--send",
            "--now",
            NOW);
    assertThat(sent.exitCode()).as(sent.err()).isZero();
    assertThat(sent.err()).contains("sent DEMO-2025-0004 to security-announce@corvid.example.org");
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getSubject())
        .isEqualTo(
            "[Security Advisory] CVE-2025-31337: Path traversal in the model download endpoint");
    assertThat(m.getHeader("From")[0]).isEqualTo("Corvid Security Team <" + SENDER + ">");
    assertThat(m.getHeader("To")[0]).isEqualTo("security-announce@corvid.example.org");
    assertThat(m.getHeader("Message-ID")[0])
        .isEqualTo("<DEMO-2025-0004.security-announce@corvid.example.org>");
    assertThat(m.getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
    String body = GreenMailUtil.getBody(m);
    assertThat(m.getContent().toString())
        .contains(
            "Upgrade corvid-serve (PyPI) to 0.7.2 or 0.8.3",
            "so ../ sequences \u2014 also when percent-encoded",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
            "https://corvid.example.org/security/advisories/DEMO-2025-0004/");
    // What the server received, for the record.
    System.out.println(GreenMailUtil.getWholeMessage(m).lines().limit(12).toList());
    assertThat(body).isNotEmpty();
  }

  @Test
  void aRefusedConnectionIsAClearError() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    smtpAt(closed);
    CliRun run =
        CliRun.in(
            demo,
            Map.of("DISCLOSE_SMTP_PASSWORD", "s3cret"),
            "announce",
            "DEMO-2025-0004",
            "--send",
            "--now",
            NOW);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "cannot send through the SMTP server 127.0.0.1:"
                + closed
                + ": the connection was refused; check `host` and `port` under `announce.smtp`")
        .doesNotContain("Exception", "jakarta.");
  }

  @Test
  void aBadPasswordIsAClearError() throws Exception {
    smtpAt(SMTP.getSmtp().getPort());
    CliRun run =
        CliRun.in(
            demo,
            Map.of("DISCLOSE_SMTP_PASSWORD", "wrong"),
            "announce",
            "DEMO-2025-0004",
            "--send",
            "--now",
            NOW);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "refused the login of security@corvid.example.org: check the user in"
                + " site-config.yaml and the password in DISCLOSE_SMTP_PASSWORD")
        .doesNotContain("Exception", "wrong");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    CliRun unset = CliRun.in(demo, "announce", "DEMO-2025-0004", "--send", "--now", NOW);
    assertThat(unset.exitCode()).isEqualTo(2);
    assertThat(unset.err()).contains("put it in the environment variable DISCLOSE_SMTP_PASSWORD");
  }

  @Test
  void anEmbargoedAdvisoryIsNeverAnnouncedUntilItLifts() throws Exception {
    String title = "title: ";
    String embargoed = Files.readString(demo.resolve("advisories/2026/DEMO-2026-0004.md"));
    String secret =
        embargoed.lines().filter(l -> l.startsWith(title)).findFirst().orElseThrow().substring(7);
    smtpAt(SMTP.getSmtp().getPort());
    Map<String, String> env = Map.of("DISCLOSE_SMTP_PASSWORD", "s3cret");

    CliRun asked = CliRun.in(demo, env, "announce", "DEMO-2026-0004", "--send", "--now", NOW);
    assertThat(asked.exitCode()).isEqualTo(1);
    assertThat(asked.err()).contains("is not a public advisory").doesNotContain(secret);
    CliRun unknown = CliRun.in(demo, env, "announce", "DEMO-2099-0001", "--now", NOW);
    assertThat(unknown.err().replace("DEMO-2099-0001", "ID"))
        .isEqualTo(asked.err().replace("DEMO-2026-0004", "ID"));

    // The publish workflow's --new: the first run starts the ledger and posts nothing.
    CliRun first = CliRun.in(demo, env, "announce", "--new", "--send", "--now", NOW);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    CliRun beforeLift =
        CliRun.in(demo, env, "announce", "--new", "--send", "--now", "2027-01-19T15:59:00Z");
    assertThat(beforeLift.exitCode()).as(beforeLift.err()).isZero();
    assertThat(SMTP.getReceivedMessages()).isEmpty();

    CliRun lifted =
        CliRun.in(demo, env, "announce", "--new", "--send", "--now", "2027-01-19T16:05:00Z");
    assertThat(lifted.exitCode()).as(lifted.err()).isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(2); // both lists
    assertThat(SMTP.getReceivedMessages()[0].getSubject()).contains(secret.substring(0, 20));
    CliRun again =
        CliRun.in(demo, env, "announce", "--new", "--send", "--now", "2027-01-19T16:20:00Z");
    assertThat(again.exitCode()).isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    assertThat(Files.readString(demo.resolve(".disclose/announced.json")))
        .contains("\"DEMO-2026-0004\" : \"2027-01-19T16:05:00Z\"");
    assertThat(Collections.frequency(List.of(again.err().split("\n")), "")).isLessThan(3);
  }

  @Test
  void aListMayHaveItsOwnTemplateInsideTheSite() throws Exception {
    Path config = demo.resolve("site-config.yaml");
    Files.writeString(
        config,
        Files.readString(config)
            .replace(
                "      to: oss-security@lists.openwall.com\n",
                "      to: oss-security@lists.openwall.com\n      template: docs/oss.peb\n"));
    Files.writeString(
        demo.resolve("docs/oss.peb"),
        "Subject: {{ cve }} in {{ packages[0].name }}\n\n{{ summary[0] | wrap(40) }}\n");
    CliRun run =
        CliRun.in(demo, "announce", "DEMO-2025-0004", "--list", "oss-security", "--now", NOW);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "To: oss-security@lists.openwall.com\nSubject: CVE-2025-31337 in corvid-serve\n\n"
                + "GET /v1/models/{name}/files/{path}\njoined path to the model directory\n");

    Files.delete(demo.resolve("docs/oss.peb"));
    CliRun missing = CliRun.in(demo, "validate", "--now", NOW);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.out())
        .contains("error[F009]: `template` of the list `oss-security` names `docs/oss.peb`");
  }
}
