package dev.disclose.announce;

import dev.disclose.config.AnnounceSettings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** Delivers announcements through the SMTP server site-config.yaml names. */
public final class SmtpSender {
  private final AnnounceSettings.Smtp smtp;
  private final Optional<String> password;

  /** {@code password}: the value of the environment variable {@code smtp.passwordEnv()}. */
  public SmtpSender(AnnounceSettings.Smtp smtp, Optional<String> password) {
    this.smtp = smtp;
    this.password = password;
  }

  /** A session configured for the server, for messages that are sent. */
  public Session session() {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", String.valueOf(smtp.port()));
    p.put("mail.smtp.connectiontimeout", "20000");
    p.put("mail.smtp.timeout", "20000");
    p.put("mail.smtp.writetimeout", "20000");
    p.put("mail.smtp.auth", String.valueOf(smtp.user().isPresent()));
    // Converts the 8bit body to quoted-printable for a server that does not announce 8BITMIME.
    p.put("mail.smtp.allow8bitmime", "true");
    switch (smtp.security()) {
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        p.put("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> {}
    }
    return Session.getInstance(p);
  }

  /** Sends every message over one connection; the first failure stops and says why. */
  public void send(Session session, List<MimeMessage> messages) throws AnnouncementException {
    if (smtp.user().isPresent() && password.isEmpty())
      throw new AnnouncementException(
          "the SMTP password is not set: put it in the environment variable "
              + smtp.passwordEnv()
              + " (never in site-config.yaml)");
    String where = smtp.host() + ":" + smtp.port();
    try (Transport t = session.getTransport("smtp")) {
      if (smtp.user().isPresent()) t.connect(smtp.user().get(), password.get());
      else t.connect();
      for (MimeMessage m : messages) t.sendMessage(m, m.getAllRecipients());
    } catch (AuthenticationFailedException e) {
      throw new AnnouncementException(
          "the SMTP server "
              + where
              + " refused the login of "
              + smtp.user().orElse("")
              + ": check the user in site-config.yaml and the password in "
              + smtp.passwordEnv(),
          e);
    } catch (MessagingException e) {
      throw new AnnouncementException(
          "cannot send through the SMTP server " + where + ": " + cause(e), e);
    }
  }

  private static String cause(MessagingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    if (root instanceof ConnectException)
      return "the connection was refused; check `host` and `port` under `announce.smtp`";
    if (root instanceof UnknownHostException)
      return "the host is unknown; check `host` under `announce.smtp`";
    String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
    return message == null ? "the server closed the connection" : message.strip();
  }
}
