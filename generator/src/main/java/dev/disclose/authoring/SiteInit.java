package dev.disclose.authoring;

import dev.disclose.advisory.AdvisoryId;
import dev.disclose.load.AdvisoryReader;
import dev.disclose.load.SiteException;
import dev.disclose.load.StorageFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code disclose init}: the files of a working site, written from templates into a folder: the
 * configuration, a security policy stating response targets (and the configuration's {@code
 * response_targets} stating the same), an example draft advisory with the placeholder ID, the
 * validate and publish workflows, and a .gitignore for the outputs. A file that exists is kept as
 * it is, never overwritten.
 */
public final class SiteInit {
  /**
   * The released action the workflows use, in the form the README documents; one place to change
   * when the repository that publishes it is named.
   */
  public static final String ACTION = "OWNER/disclose@v1";

  /** Where the policy page goes unless an existing site-config.yaml names another place. */
  public static final String POLICY = "docs/security-policy.md";

  /** The templates' folder among the jar's resources. */
  static final String TEMPLATES = "init/";

  private SiteInit() {}

  /**
   * What the site is: the values of a new site-config.yaml. {@code repository}: its web address, if
   * it has one; {@code branch}: the branch advisories are merged into.
   */
  public record Settings(
      String title,
      String baseUrl,
      String idPrefix,
      String contact,
      Optional<String> repository,
      String branch) {}

  /**
   * Where the files go: {@code site}, the site root; {@code repository}, the repository's top
   * folder, for the workflows (the site root itself when it is in no repository); {@code policy},
   * the policy page's path in the site (none when an existing site-config.yaml names none).
   */
  public record Layout(Path site, Path repository, Optional<String> policy) {
    /** The site root as the workflows name it, from the repository's top. */
    String rootInRepository() {
      String r = repository.relativize(site).toString().replace('\\', '/');
      return r.isEmpty() ? "." : r;
    }
  }

  /** One file of the site: written, or kept as it was, and why. */
  public record Outcome(Path path, boolean written, String note) {}

  /**
   * Writes every file of a new site that is missing, in the order they are listed: {@code settings}
   * fill site-config.yaml (kept if it exists: then they should be its own values), the policy page
   * and the example advisory, dated {@code today}.
   */
  public static List<Outcome> write(Layout layout, Settings settings, LocalDate today)
      throws SiteException {
    List<Outcome> out = new ArrayList<>();
    Path site = layout.site();
    Map<String, String> values =
        Map.of(
            "title", Template.yamlString(settings.title()),
            "base_url", yamlValue(settings.baseUrl()),
            "id_prefix", settings.idPrefix(),
            "contact", yamlValue(settings.contact()),
            "policy", Template.yamlString(layout.policy().orElse(POLICY)),
            "repository",
                settings.repository().map(r -> "repository: " + yamlValue(r) + "\n").orElse("")
                    + (settings.branch().equals("main")
                        ? ""
                        : "branch: " + Template.yamlString(settings.branch()) + "\n"));
    out.add(create(site.resolve("site-config.yaml"), fill(template("site-config.yaml"), values)));
    if (layout.policy().isEmpty()) {
      out.add(
          new Outcome(
              site.resolve(POLICY),
              false,
              "site-config.yaml names no `policy` page, so none is written"));
    } else {
      out.add(
          create(
              site.resolve(layout.policy().get()),
              fill(
                  template("security-policy.md"),
                  Map.of(
                      "project", projectName(settings.title()),
                      "contact", contactMarkdown(settings.contact()),
                      "base_url", settings.baseUrl()))));
    }
    out.add(example(site, settings.idPrefix(), today));
    String root = layout.rootInRepository();
    Map<String, String> workflow =
        Map.of(
            "action", ACTION,
            "root", Template.yamlString(root),
            "site_output", Template.yamlString(root.equals(".") ? "_site" : root + "/_site"),
            "branch", Template.yamlString(settings.branch()));
    Path workflows = layout.repository().resolve(".github/workflows");
    out.add(create(workflows.resolve("validate.yml"), fill(template("validate.yml"), workflow)));
    out.add(create(workflows.resolve("publish.yml"), fill(template("publish.yml"), workflow)));
    Outcome ignore = create(site.resolve(".gitignore"), template("gitignore"));
    if (!ignore.written()) ignore = gitignoreNote(ignore);
    out.add(ignore);
    return out;
  }

  /**
   * The example draft, unless the site has advisories already: a new site's first advisory shows
   * every field, and {@code assign-ids} numbers it once it is merged.
   */
  private static Outcome example(Path site, String idPrefix, LocalDate today) throws SiteException {
    Path advisories = site.resolve("advisories");
    if (Files.isDirectory(advisories)) {
      try (Stream<Path> walk = Files.walk(advisories)) {
        if (walk.anyMatch(p -> Files.isRegularFile(p) && AdvisoryReader.isAdvisoryFile(p))) {
          return new Outcome(advisories, false, "it holds advisories already, so no example");
        }
      } catch (IOException | UncheckedIOException e) {
        throw new SiteException("cannot list " + advisories + ": " + e.getMessage(), e);
      }
    }
    String id = AdvisoryId.placeholder(idPrefix);
    String text =
        Template.draft(
            id, "PyPI", "example-package", "Example: what is vulnerable, and how", today);
    return create(advisories.resolve("example").resolve(id + ".md"), text);
  }

  /** A kept .gitignore, with a word on the outputs it lets into git status. */
  private static Outcome gitignoreNote(Outcome kept) throws SiteException {
    try {
      List<String> lines = Files.readAllLines(kept.path(), StandardCharsets.UTF_8);
      List<String> missing =
          Stream.of("_site/", "_preview/")
              .filter(
                  p ->
                      lines.stream()
                          .map(String::strip)
                          .noneMatch(l -> l.equals(p) || l.equals("/" + p)))
              .toList();
      if (missing.isEmpty()) return kept;
      return new Outcome(
          kept.path(), false, kept.note() + "; add " + String.join(" and ", missing) + " to it");
    } catch (IOException e) {
      return kept;
    }
  }

  /** Writes {@code text} to {@code file} unless something is there already. */
  private static Outcome create(Path file, String text) throws SiteException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Outcome(file, false, "it exists");
    }
    try {
      Files.createDirectories(file.getParent());
      // CREATE_NEW: a file that appeared since the look above is still never overwritten.
      Files.writeString(
          file,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return new Outcome(file, true, "");
    } catch (FileAlreadyExistsException e) {
      return new Outcome(file, false, "it exists");
    } catch (IOException e) {
      throw new SiteException("cannot write " + file + ": " + StorageFailure.describe(e) + "", e);
    }
  }

  /** The title without its " Security Advisories" tail: what the policy page calls the project. */
  static String projectName(String title) {
    String t = title.strip();
    for (String tail : List.of(" security advisories", " advisories")) {
      if (t.length() > tail.length()
          && t.regionMatches(true, t.length() - tail.length(), tail, 0, tail.length())) {
        return t.substring(0, t.length() - tail.length()).strip();
      }
    }
    return t;
  }

  /** The contact as the policy page's sentence names it: a mail address, or a page to report on. */
  static String contactMarkdown(String contact) {
    if (contact.regionMatches(true, 0, "mailto:", 0, 7)) {
      String address = contact.substring(7);
      return "write to [" + address + "](" + contact + ")";
    }
    if (contact.matches("https://github\\.com/[^/]+/[^/]+/security/advisories/new")) {
      return "use [GitHub's private vulnerability reporting](" + contact + ")";
    }
    return "use [" + contact + "](" + contact + ")";
  }

  /** A URL as a plain YAML scalar, as people write them; anything else quoted where needed. */
  static String yamlValue(String s) {
    if (s.matches("(?i)(https?|mailto):[A-Za-z0-9._~:/?\\[\\]@!$()*+;=%-]+") && !s.contains(": "))
      return s;
    return Template.yamlString(s);
  }

  private static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> v : values.entrySet())
      out = out.replace("{{" + v.getKey() + "}}", v.getValue());
    return out;
  }

  /** A template of the jar's. */
  static String template(String name) {
    try (InputStream in = SiteInit.class.getResourceAsStream(TEMPLATES + name)) {
      if (in == null) throw new IllegalStateException("the jar lacks the template " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
