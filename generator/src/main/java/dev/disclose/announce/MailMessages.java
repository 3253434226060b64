package dev.disclose.announce;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Announcements as RFC 5322 messages: UTF-8 plain text sent as 8bit, a {@code Message-ID} made of
 * the advisory and the list (so that a list sees a second send of one post as the same message),
 * and the date the caller gives, which makes the files the same from one run to the next.
 */
public final class MailMessages {
  private static final DateTimeFormatter MBOX_DATE =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

  private MailMessages() {}

  /** {@code a} as a message of {@code session}, dated {@code date}. */
  public static MimeMessage message(Announcement a, Instant date, Session session)
      throws AnnouncementException {
    try {
      InternetAddress from = address(a.from(), "from");
      String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
      String id = "<" + a.advisoryId() + "." + a.list() + "@" + domain + ">";
      MimeMessage m =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", id);
            }
          };
      m.setFrom(from);
      m.setRecipient(Message.RecipientType.TO, address(a.to(), "to"));
      m.setSubject(a.subject(), "UTF-8");
      m.setSentDate(Date.from(date));
      // RFC 5322 ends every line in CRLF; an 8bit body is written as it is given.
      m.setText(a.body().replace("\r\n", "\n").replace("\n", "\r\n"), "UTF-8");
      // 8bit keeps the UTF-8 text readable in the file and in list archives; the body's lines are
      // short, and a server without 8BITMIME gets it converted on sending.
      m.setHeader("Content-Transfer-Encoding", "8bit");
      m.saveChanges();
      return m;
    } catch (MessagingException e) {
      throw new AnnouncementException("cannot write the message: " + e.getMessage(), e);
    }
  }

  /** A session for writing messages to files, with no server. */
  public static Session offline() {
    return Session.getInstance(new Properties());
  }

  /** One message as an {@code .eml} file, lines ending in CRLF as RFC 5322 has them. */
  public static byte[] eml(MimeMessage m) throws AnnouncementException {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      m.writeTo(out);
      return out.toByteArray();
    } catch (IOException | MessagingException e) {
      throw new AnnouncementException("cannot write the message: " + e.getMessage(), e);
    }
  }

  /**
   * Several messages as one mbox file (mboxrd): each after a {@code From } line, its lines in LF, a
   * body line starting with {@code From } (after any {@code >}) quoted with one more {@code >}.
   */
  public static byte[] mbox(List<MimeMessage> messages, Instant date) throws AnnouncementException {
    StringBuilder out = new StringBuilder();
    for (MimeMessage m : messages) {
      String text = new String(eml(m), StandardCharsets.UTF_8).replace("\r\n", "\n");
      out.append("From MAILER-DAEMON ").append(MBOX_DATE.format(date)).append('\n');
      for (String line : text.split("\n", -1)) {
        if (line.replaceFirst("^>*", "").startsWith("From ")) out.append('>');
        out.append(line).append('\n');
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static InternetAddress address(String written, String what) throws AnnouncementException {
    try {
      InternetAddress a = new InternetAddress(written, true);
      a.validate();
      return a;
    } catch (AddressException e) {
      throw new AnnouncementException(
          "`" + what + "` is `" + written + "`, not an e-mail address: " + e.getMessage());
    }
  }
}
