package dev.disclose.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages as files: a fixed Message-ID and date, and an mbox that quotes body lines it must. */
class MailMessagesTest {
  static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

  static Announcement post(String id, String body) {
    return new Announcement(
        id, "announce", "Team <security@example.org>", "list@example.org", "Subject ü", body);
  }

  @Test
  void anMboxHoldsEachMessageAfterAFromLineAndQuotesBodyFromLines() throws Exception {
    MimeMessage one =
        MailMessages.message(
            post("T-1", "From the start.\n>From quoted.\n"), NOW, MailMessages.offline());
    MimeMessage two = MailMessages.message(post("T-2", "Second.\n"), NOW, MailMessages.offline());
    String mbox = new String(MailMessages.mbox(List.of(one, two), NOW), StandardCharsets.UTF_8);
    assertThat(mbox.split("\n"))
        .filteredOn(l -> l.startsWith("From "))
        .containsExactly(
            "From MAILER-DAEMON Mon Nov 23 00:00:00 2026",
            "From MAILER-DAEMON Mon Nov 23 00:00:00 2026");
    assertThat(mbox)
        .contains(">From the start.", ">>From quoted.", "Message-ID: <T-2.announce@example.org>")
        .contains("Subject: =?UTF-8?")
        .doesNotContain("\r");
  }

  @Test
  void theSameAnnouncementMakesTheSameFile() throws Exception {
    byte[] a =
        MailMessages.eml(MailMessages.message(post("T-1", "x\n"), NOW, MailMessages.offline()));
    byte[] b =
        MailMessages.eml(MailMessages.message(post("T-1", "x\n"), NOW, MailMessages.offline()));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aBadAddressIsNamed() {
    Announcement bad =
        new Announcement("T-1", "announce", "not an address", "list@example.org", "s", "b\n");
    assertThatThrownBy(() -> MailMessages.message(bad, NOW, MailMessages.offline()))
        .isInstanceOf(AnnouncementException.class)
        .hasMessageStartingWith("`from` is `not an address`, not an e-mail address");
  }
}
