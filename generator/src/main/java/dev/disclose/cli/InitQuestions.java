package dev.disclose.cli;

import dev.disclose.authoring.InitDefaults;
import dev.disclose.authoring.SiteInit;
import dev.disclose.report.TerminalText;
import dev.disclose.text.Urls;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The values of a new site-config.yaml for {@code disclose init}: each from its flag, else asked on
 * the terminal (the default in brackets, taken on an empty answer), else the default; a value with
 * none of the three stops the command, naming its flag.
 */
final class InitQuestions {
  private static final Pattern ID_PREFIX = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

  /** A wrong answer is asked again, a few times, before the command gives up. */
  private static final int ATTEMPTS = 3;

  private final Environment env;
  private final Optional<InitCommand.Prompter> prompter;

  InitQuestions(Environment env, Optional<InitCommand.Prompter> prompter) {
    this.env = env;
    this.prompter = prompter;
  }

  /** The settings, or empty when a value is missing or wrong (said on standard error). */
  Optional<SiteInit.Settings> settings(
      InitDefaults defaults,
      Optional<String> title,
      Optional<String> baseUrl,
      Optional<String> idPrefix,
      Optional<String> contact,
      Optional<String> repository) {
    Optional<String> t =
        value("--title", "Title", title, defaults.title(), InitQuestions::title, true);
    if (t.isEmpty()) return Optional.empty();
    Optional<String> b =
        value(
            "--base-url",
            "Address the site is served from",
            baseUrl,
            defaults.baseUrl(),
            InitQuestions::baseUrl,
            true);
    if (b.isEmpty()) return Optional.empty();
    Optional<String> p =
        value(
            "--id-prefix",
            "ID prefix of the advisories",
            idPrefix,
            defaults.idPrefix(),
            InitQuestions::idPrefix,
            true);
    if (p.isEmpty()) return Optional.empty();
    Optional<String> c =
        value(
            "--contact",
            "Where to report a vulnerability (mailto: or https:)",
            contact,
            defaults.contact(),
            InitQuestions::contact,
            true);
    if (c.isEmpty()) return Optional.empty();
    Optional<String> r =
        value(
            "--repository",
            "The repository's web address (optional)",
            repository,
            defaults.repository(),
            InitQuestions::repository,
            false);
    if (r.isEmpty()) return Optional.empty();
    return Optional.of(
        new SiteInit.Settings(
            t.get(),
            b.get(),
            p.get(),
            c.get(),
            r.get().isEmpty() ? Optional.empty() : r,
            defaults.branch()));
  }

  /**
   * One value: the flag's, the answer's or the default; empty when there is none, or it is wrong.
   * {@code check} gives the value to use or why it is wrong (an {@link IllegalArgumentException});
   * an optional value may be "".
   */
  private Optional<String> value(
      String flag,
      String question,
      Optional<String> given,
      Optional<String> byDefault,
      Function<String, String> check,
      boolean required) {
    if (given.isPresent()) {
      try {
        return Optional.of(check.apply(given.get().strip()));
      } catch (IllegalArgumentException e) {
        env.err().println("disclose: " + flag + " " + TerminalText.visible(e.getMessage()));
        return Optional.empty();
      }
    }
    if (prompter.isPresent()) {
      for (int i = 0; i < ATTEMPTS; i++) {
        Optional<String> answer =
            prompter
                .get()
                .ask(question + byDefault.map(d -> " [" + d + "]").orElse("") + ": ")
                .map(String::strip);
        if (answer.isEmpty()) break; // end of input
        String a = answer.get();
        if (a.isEmpty() && byDefault.isPresent()) return byDefault;
        if (a.isEmpty() && !required) return Optional.of("");
        if (a.isEmpty()) {
          env.err().println("a value is needed");
          continue;
        }
        try {
          return Optional.of(check.apply(a));
        } catch (IllegalArgumentException e) {
          env.err().println("that " + TerminalText.visible(e.getMessage()));
        }
      }
      env.err().println("disclose: no " + flag.substring(2) + " given; pass " + flag);
      return Optional.empty();
    }
    if (byDefault.isPresent()) return byDefault;
    if (!required) return Optional.of("");
    env.err()
        .println(
            "disclose: "
                + flag
                + " is missing, and nothing to derive it from (no terminal to ask on; neither the"
                + " folder's name nor a GitHub remote named origin gives one); pass "
                + flag);
    return Optional.empty();
  }

  private static String title(String s) {
    if (s.isEmpty() || s.contains("\n")) throw new IllegalArgumentException("must be one line");
    return s;
  }

  private static String baseUrl(String s) {
    if (!Urls.isHttpUrl(s)) {
      throw new IllegalArgumentException(
          "must be an absolute http(s) URL, like https://example.org/security/");
    }
    return s.endsWith("/") ? s : s + "/";
  }

  private static String idPrefix(String s) {
    if (!ID_PREFIX.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "must be 2 to 16 capital letters and digits starting with a letter, like EXMP");
    }
    return s;
  }

  private static String contact(String s) {
    // A bare address is what people type: it is one as a mailto: URL.
    String url = !s.contains(":") && s.contains("@") ? "mailto:" + s : s;
    if (!Urls.isContactUrl(url)) {
      throw new IllegalArgumentException(
          "must be a mailto: or https: URL, like mailto:security@example.org");
    }
    return url;
  }

  private static String repository(String s) {
    if (!s.isEmpty() && !Urls.isHttpUrl(s)) {
      throw new IllegalArgumentException("must be an https URL, like https://github.com/org/repo");
    }
    return s;
  }
}
