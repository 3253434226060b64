package dev.disclose.authoring;

import dev.disclose.load.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code disclose init} proposes for a value nobody gave: derived from the folder's name and,
 * when the folder is in a clone of a GitHub repository, from its {@code origin} remote (the Pages
 * address, the repository, its private vulnerability reporting). Empty where nothing sensible can
 * be derived: then the value must be given.
 */
public record InitDefaults(
    Optional<String> title,
    Optional<String> baseUrl,
    Optional<String> idPrefix,
    Optional<String> contact,
    Optional<String> repository,
    String branch,
    Path repositoryTop) {

  private static final Pattern GITHUB_REMOTE =
      Pattern.compile(
          "(?:https://(?:[^@/]+@)?github\\.com/|git@github\\.com:|ssh://git@github\\.com/)"
              + "([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)/([A-Za-z0-9._-]+?)(?:\\.git)?/?");

  /** Words a repository of advisories is often named with, which say nothing of the project. */
  private static final List<String> GENERIC =
      List.of("security", "advisories", "advisory", "site", "pages", "github", "io", "www");

  private static final Pattern ID_PREFIX = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

  /** The defaults for a site in {@code site} (which may not exist yet). */
  public static InitDefaults of(Path site) {
    Path existing = site;
    while (existing != null && !Files.isDirectory(existing)) existing = existing.getParent();
    Optional<Matcher> gitHub =
        existing == null
            ? Optional.empty()
            : git(existing, "remote", "get-url", "origin")
                .map(String::strip)
                .map(GITHUB_REMOTE::matcher)
                .filter(Matcher::matches);
    Path top =
        existing == null
            ? site
            : git(existing, "rev-parse", "--show-toplevel")
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .filter(t -> site.toAbsolutePath().normalize().startsWith(t))
                .orElse(site);
    String branch =
        existing == null
            ? "main"
            : git(existing, "symbolic-ref", "--quiet", "--short", "HEAD")
                .map(String::strip)
                .filter(b -> !b.isEmpty())
                .orElse("main");
    Path named = site.toAbsolutePath().normalize().getFileName();
    String name = gitHub.map(m -> m.group(2)).orElse(named == null ? "" : named.toString());
    List<String> words = words(name);
    Optional<String> title =
        Optional.of(
            words.isEmpty()
                ? "Security Advisories"
                : String.join(" ", words.stream().map(InitDefaults::capitalized).toList())
                    + " Security Advisories");
    Optional<String> idPrefix =
        words.stream()
            .findFirst()
            .map(w -> w.toUpperCase(Locale.ROOT))
            .map(w -> w.substring(0, Math.min(8, w.length())))
            .filter(w -> ID_PREFIX.matcher(w).matches());
    Optional<String> repository =
        gitHub.map(m -> "https://github.com/" + m.group(1) + "/" + m.group(2));
    Optional<String> baseUrl =
        gitHub.map(
            m -> {
              String owner = m.group(1).toLowerCase(Locale.ROOT);
              String repo = m.group(2);
              return repo.equalsIgnoreCase(owner + ".github.io")
                  ? "https://" + owner + ".github.io/"
                  : "https://" + owner + ".github.io/" + repo + "/";
            });
    Optional<String> contact = repository.map(r -> r + "/security/advisories/new");
    return new InitDefaults(title, baseUrl, idPrefix, contact, repository, branch, top);
  }

  /** The words of a name, without the generic ones: {@code corvid-security} → {@code corvid}. */
  static List<String> words(String name) {
    return Arrays.stream(name.split("[^A-Za-z0-9]+"))
        .filter(w -> !w.isEmpty())
        .filter(w -> !GENERIC.contains(w.toLowerCase(Locale.ROOT)))
        .toList();
  }

  private static String capitalized(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  private static Optional<String> git(Path dir, String... args) {
    try {
      return Git.run(dir, args);
    } catch (IOException e) {
      return Optional.empty(); // no git here
    }
  }
}
