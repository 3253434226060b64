package dev.disclose.config;

import dev.disclose.advisory.Fields;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.YamlNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Turns site-config.yaml's {@code announce} into {@link AnnounceSettings}. */
final class AnnounceSettingsParser {
  static final List<String> KEYS = List.of("from", "lists", "smtp");
  static final List<String> LIST_KEYS = List.of("to", "template");
  static final List<String> SMTP_KEYS = List.of("host", "port", "security", "user", "password_env");
  static final String DEFAULT_PASSWORD_ENV = "DISCLOSE_SMTP_PASSWORD";

  private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /** An address as a list or a sender writes it: {@code Name <a@b>} or {@code a@b}, one line. */
  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?:[^<>\\r\\n\\p{Cntrl}]{1,100} )?<?[^\\s<>@,;]{1,64}@[A-Za-z0-9.-]{1,253}>?");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");

  private AnnounceSettingsParser() {}

  static AnnounceSettings parse(Fields parent, YamlNode.Mapping m, Findings findings) {
    Fields a =
        Fields.of(m, parent.child("announce"), "`announce`", KEYS, findings, parent.positions());
    Optional<String> from = a.string("from").map(String::strip);
    from.filter(f -> !ADDRESS.matcher(f).matches())
        .ifPresent(f -> badAddress(a, "from", f, findings));
    Map<String, AnnounceSettings.MailingList> lists = new TreeMap<>();
    a.mapping("lists")
        .ifPresent(
            byName -> {
              for (YamlNode.Entry e : byName.entries()) {
                String name = e.key().text();
                if (!LIST_NAME.matcher(name).matches()) {
                  findings.report(
                      Rule.INVALID_VALUE,
                      e.key().position(),
                      "the list `"
                          + name
                          + "` needs a name of lower-case letters, digits and hyphens, like"
                          + " `security-announce`");
                  continue;
                }
                if (!(e.value() instanceof YamlNode.Mapping list)) {
                  a.wrongType(name, e.value(), "a map with `to`");
                  continue;
                }
                Fields l =
                    Fields.of(
                        list,
                        a.child("lists") + "." + name,
                        "the list `" + name + "`",
                        LIST_KEYS,
                        findings,
                        a.positions());
                Optional<String> to = l.requiredString("to").map(String::strip);
                to.filter(t -> !ADDRESS.matcher(t).matches())
                    .ifPresent(t -> badAddress(l, "to", t, findings));
                to.filter(t -> ADDRESS.matcher(t).matches())
                    .ifPresent(
                        t ->
                            lists.put(
                                name,
                                new AnnounceSettings.MailingList(
                                    name, t, l.string("template").map(String::strip))));
              }
            });
    if (!lists.isEmpty() && from.isEmpty()) a.missing("from", ": the address posts are sent from");
    Optional<AnnounceSettings.Smtp> smtp = a.mapping("smtp").flatMap(s -> smtp(a, s, findings));
    return new AnnounceSettings(from, lists, smtp);
  }

  private static Optional<AnnounceSettings.Smtp> smtp(
      Fields a, YamlNode.Mapping m, Findings findings) {
    Fields s = Fields.of(m, a.child("smtp"), "`smtp`", SMTP_KEYS, findings, a.positions());
    Optional<String> host = s.requiredString("host").map(String::strip);
    if (host.isPresent() && !HOST.matcher(host.get()).matches()) {
      findings.report(
          Rule.INVALID_VALUE,
          s.valuePosition("host"),
          "`host` is `"
              + host.get()
              + "`; write the SMTP server's host name, like smtp.example.org");
      host = Optional.empty();
    }
    AnnounceSettings.Smtp.Security security = AnnounceSettings.Smtp.Security.STARTTLS;
    Optional<String> written = s.string("security").map(v -> v.strip().toLowerCase(Locale.ROOT));
    if (written.isPresent()) {
      switch (written.get()) {
        case "starttls" -> security = AnnounceSettings.Smtp.Security.STARTTLS;
        case "ssl", "tls" -> security = AnnounceSettings.Smtp.Security.SSL;
        case "none" -> security = AnnounceSettings.Smtp.Security.NONE;
        default ->
            findings.report(
                Rule.INVALID_VALUE,
                s.valuePosition("security"),
                "`security` is `" + written.get() + "`; write starttls, ssl or none");
      }
    }
    int port = security == AnnounceSettings.Smtp.Security.SSL ? 465 : 587;
    Optional<String> portText = s.string("port").map(String::strip);
    if (portText.isPresent()) {
      try {
        port = Integer.parseInt(portText.get());
        if (port < 1 || port > 65535) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        findings.report(
            Rule.INVALID_VALUE,
            s.valuePosition("port"),
            "`port` is `" + portText.get() + "`; write the server's port, like 587");
      }
    }
    String passwordEnv = s.string("password_env").map(String::strip).orElse(DEFAULT_PASSWORD_ENV);
    if (!ENV_NAME.matcher(passwordEnv).matches()) {
      findings.report(
          Rule.INVALID_VALUE,
          s.valuePosition("password_env"),
          "`password_env` is `"
              + passwordEnv
              + "`; name the environment variable that holds the password, like "
              + DEFAULT_PASSWORD_ENV);
      passwordEnv = DEFAULT_PASSWORD_ENV;
    }
    int chosenPort = port;
    AnnounceSettings.Smtp.Security chosen = security;
    String env = passwordEnv;
    return host.map(
        h ->
            new AnnounceSettings.Smtp(
                h, chosenPort, chosen, s.string("user").map(String::strip), env));
  }

  private static void badAddress(Fields f, String key, String value, Findings findings) {
    findings.report(
        Rule.INVALID_VALUE,
        f.valuePosition(key),
        "`"
            + key
            + "` is `"
            + value
            + "`; write one e-mail address, like `Security Team <security@example.org>`");
  }
}
