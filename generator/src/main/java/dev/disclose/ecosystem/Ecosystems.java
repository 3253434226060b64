package dev.disclose.ecosystem;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import dev.disclose.text.DidYouMean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OSV's package ecosystems: which names exist, what a package name in each must look like, and
 * the Package URL (purl) OSV and GHSA give a package.
 *
 * <p>The list of names is the resource {@code osv-ecosystems.txt} beside this class, generated
 * from {@code $defs.ecosystemWithSuffix} of ossf/osv-schema's {@code osv-schema-1.7.5.json} (the
 * {@code ecosystemName} enum plus {@code GIT}, in the schema's order). To refresh it, write the
 * alternatives of that pattern one per line under the header comment.
 */
public final class Ecosystems {
  private Ecosystems() {}

  private static final String RESOURCE = "osv-ecosystems.txt";

  private static final Map<String, String> PURL_TYPES =
      Map.ofEntries(
          Map.entry("PyPI", "pypi"),
          Map.entry("npm", "npm"),
          Map.entry("Go", "golang"),
          Map.entry("crates.io", "cargo"),
          Map.entry("Maven", "maven"),
          Map.entry("RubyGems", "gem"),
          Map.entry("NuGet", "nuget"),
          Map.entry("Packagist", "composer"),
          Map.entry("Hex", "hex"),
          Map.entry("Pub", "pub"),
          Map.entry("Hackage", "hackage"),
          Map.entry("CRAN", "cran"),
          Map.entry("SwiftURL", "swift"),
          Map.entry("GitHub Actions", "github"));

  private static final Set<String> ORDERED = Set.of("crates.io", "npm", "Go", "PyPI", "Maven");

  /** Purl types whose registries treat names case-insensitively; compared that way. */
  private static final Set<String> CASE_INSENSITIVE_PURL_TYPES =
      Set.of("golang", "cargo", "nuget", "composer", "hex", "github");

  /** Common words people write for an ecosystem, lower case, mapped to OSV's spelling. */
  private static final Map<String, String> ALIASES = aliases();

  private static final List<String> NAMES = loadNames();
  private static final Map<String, Ecosystem> BY_NAME = index(NAMES);

  /**
   * Parses "PyPI", "Debian:12", "Alpine:v3.16", "GIT" etc. Returns the base Ecosystem if the base
   * name (before the first ':') is one of OSV's, in its exact case-sensitive spelling, and the
   * suffix, if there is a ':', is non-empty.
   */
  public static Optional<Ecosystem> find(String ecosystemWithSuffix) {
    if (ecosystemWithSuffix == null) return Optional.empty();
    int colon = ecosystemWithSuffix.indexOf(':');
    if (colon == ecosystemWithSuffix.length() - 1) return Optional.empty();
    String base = colon < 0 ? ecosystemWithSuffix : ecosystemWithSuffix.substring(0, colon);
    return Optional.ofNullable(BY_NAME.get(base));
  }

  /** OSV's ecosystem names, in the order of the bundled list. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * For an unknown name: the nearest known spelling ("pypi" → "PyPI", "crates" → "crates.io",
   * "golang" → "Go"), keeping any ":suffix" ("debain:12" → "Debian:12"). Common aliases
   * (golang, cargo, rust, pip, python, java, node, …) are mapped explicitly, anything else goes
   * through {@link DidYouMean}. Empty for a known name or when nothing is close.
   */
  public static Optional<String> suggest(String unknown) {
    if (unknown == null || unknown.isBlank() || find(unknown).isPresent()) return Optional.empty();
    int colon = unknown.indexOf(':');
    String base = (colon < 0 ? unknown : unknown.substring(0, colon)).strip();
    String suffix = colon < 0 ? "" : unknown.substring(colon + 1);
    if (base.isEmpty()) return Optional.empty();
    String alias = ALIASES.get(base.toLowerCase(Locale.ROOT));
    Optional<String> known =
        alias != null ? Optional.of(alias) : DidYouMean.suggest(base, NAMES);
    return known.map(k -> suffix.isEmpty() ? k : k + ":" + suffix);
  }

  // ---------------------------------------------------------------------------------------------
  // Package names

  private static final Pattern PEP_508_NAME =
      Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NPM_URL_SAFE = Pattern.compile("[A-Za-z0-9._~()'!*-]+");
  private static final Pattern GO_ELEMENT = Pattern.compile("[A-Za-z0-9._~-]+");
  private static final Pattern GO_FIRST_ELEMENT = Pattern.compile("[a-z0-9.-]+");
  private static final Pattern CRATE_CHARS = Pattern.compile("[A-Za-z0-9_-]*");
  private static final Pattern MAVEN_NAME =
      Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+");
  private static final Pattern GEM_CHARS = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern NUGET_ID =
      Pattern.compile("\\w+([.-]\\w+)*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern COMPOSER_NAME =
      Pattern.compile("[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*");
  private static final Pattern HEX_NAME = Pattern.compile("[a-z][A-Za-z0-9_]*");
  private static final Pattern PUB_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern R_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]");
  private static final Pattern HACKAGE_NAME =
      Pattern.compile(
          "[\\p{L}\\p{N}]*\\p{L}[\\p{L}\\p{N}]*(-[\\p{L}\\p{N}]*\\p{L}[\\p{L}\\p{N}]*)*");
  private static final Pattern GITHUB_ACTION =
      Pattern.compile("[A-Za-z0-9-]+/[A-Za-z0-9._-]+(/[^/\\s]+)*");
  private static final Pattern WHITESPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cc}]");

  /** Dart's reserved words, which pub refuses as package names. */
  private static final Set<String> DART_RESERVED_WORDS =
      Set.of(
          "assert", "break", "case", "catch", "class", "const", "continue", "default", "do",
          "else", "enum", "extends", "false", "final", "finally", "for", "if", "in", "is", "new",
          "null", "rethrow", "return", "super", "switch", "this", "throw", "true", "try", "var",
          "void", "while", "with");

  /**
   * Empty if {@code name} is a valid package name in {@code ecosystem} (with or without a
   * ":suffix"), else a short user-facing reason naming the rule. Ecosystems without a rule of
   * their own, and unknown ones, get the general rule: non-empty, at most 256 characters, no
   * whitespace or control characters.
   */
  public static Optional<String> packageNameProblem(String ecosystem, String name) {
    if (name == null || name.isEmpty()) return problem("package names cannot be empty");
    String base = baseName(ecosystem);
    return switch (base) {
      case "PyPI" -> PEP_508_NAME.matcher(name).matches()
          ? none()
          : problem(
              "PyPI project names contain only ASCII letters, digits, '.', '_' and '-', and start"
                  + " and end with a letter or digit (PEP 508)");
      case "npm" -> npmProblem(name);
      case "Go", "Kubernetes" -> goProblem(name);
      case "crates.io" -> crateProblem(name);
      case "Maven" -> MAVEN_NAME.matcher(name).matches()
          ? none()
          : problem(
              "Maven package names are groupId:artifactId, each non-empty and made of ASCII"
                  + " letters, digits, '_', '.' and '-' (Maven coordinates)");
      case "RubyGems" -> gemProblem(name);
      case "NuGet" -> nugetProblem(name);
      case "Packagist" -> COMPOSER_NAME.matcher(name).matches()
          ? none()
          : problem(
              "Packagist package names are vendor/package in lower case: words of a-z and 0-9"
                  + " joined by '-', '.' or '_' (Composer package name rules)");
      case "Hex" -> HEX_NAME.matcher(name).matches() && name.length() >= 2
          ? none()
          : problem(
              "Hex package names start with a lower-case letter, contain only ASCII letters,"
                  + " digits and '_', and are at least 2 characters long (hex.pm package rules)");
      case "Pub" -> pubProblem(name);
      case "CRAN", "Bioconductor" -> R_NAME.matcher(name).matches()
          ? none()
          : problem(
              "R package names contain only ASCII letters, digits and '.', have at least two"
                  + " characters, start with a letter and do not end in '.' (Writing R"
                  + " Extensions)");
      case "Hackage" -> HACKAGE_NAME.matcher(name).matches()
          ? none()
          : problem(
              "Hackage package names are alphanumeric words joined by single '-', each word"
                  + " containing at least one letter (Cabal package name rules)");
      case "GitHub Actions" -> GITHUB_ACTION.matcher(name).matches()
          ? none()
          : problem(
              "GitHub Actions package names are {owner}/{repo} (optionally followed by /path),"
                  + " the owner made of ASCII letters, digits and '-', the repository of letters,"
                  + " digits, '.', '-' and '_' (OSV GitHub Actions ecosystem)");
      case "Linux" -> name.equals("Kernel")
          ? none()
          : problem("the only package name OSV supports in the Linux ecosystem is 'Kernel'");
      default -> genericProblem(name);
    };
  }

  private static Optional<String> npmProblem(String name) {
    String rule = " (npm package name rules)";
    if (name.length() > 214) return problem("npm package names are at most 214 characters" + rule);
    if (name.startsWith(".") || name.startsWith("_")) {
      return problem("npm package names cannot start with '.' or '_'" + rule);
    }
    if (WHITESPACE_OR_CONTROL.matcher(name).find()) {
      return problem("npm package names cannot contain spaces" + rule);
    }
    if (name.equals("node_modules") || name.equals("favicon.ico")) {
      return problem("'" + name + "' is a blocked npm package name" + rule);
    }
    if (name.startsWith("@")) {
      int slash = name.indexOf('/');
      if (slash < 2 || slash == name.length() - 1 || name.indexOf('/', slash + 1) >= 0) {
        return problem(
            "scoped npm package names are @scope/name, with a non-empty scope and name" + rule);
      }
      if (!NPM_URL_SAFE.matcher(name.substring(1, slash)).matches()
          || !NPM_URL_SAFE.matcher(name.substring(slash + 1)).matches()) {
        return problem(npmUrlSafeMessage(rule));
      }
      return none();
    }
    return NPM_URL_SAFE.matcher(name).matches() ? none() : problem(npmUrlSafeMessage(rule));
  }

  private static String npmUrlSafeMessage(String rule) {
    return "npm package names contain only URL-safe characters: ASCII letters, digits and"
        + " - . _ ~ ( ) ' ! *, with an optional @scope/ prefix"
        + rule;
  }

  private static Optional<String> goProblem(String name) {
    String rule = " (Go module path rules)";
    if (name.equals("stdlib") || name.equals("toolchain")) return none();
    if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
      return problem(
          "Go module paths are path elements joined by single '/', with no leading or trailing"
              + " '/'"
              + rule);
    }
    String[] elements = name.split("/");
    for (String element : elements) {
      if (!GO_ELEMENT.matcher(element).matches()) {
        return problem(
            "Go module path elements contain only ASCII letters, digits, '-', '.', '_' and '~'"
                + rule);
      }
      if (element.startsWith(".") || element.endsWith(".")) {
        return problem("Go module path elements cannot start or end with '.'" + rule);
      }
    }
    String first = elements[0];
    if (!first.contains(".")) {
      return problem(
          "Go module paths start with a domain name containing a dot, e.g. github.com/owner/repo"
              + " or golang.org/x/net ('stdlib' and 'toolchain' are the only other names)"
              + rule);
    }
    if (!GO_FIRST_ELEMENT.matcher(first).matches() || first.startsWith("-")) {
      return problem(
          "the first element of a Go module path is a lower-case domain name (a-z, 0-9, '.' and"
              + " '-', not starting with '-')"
              + rule);
    }
    return none();
  }

  private static Optional<String> crateProblem(String name) {
    String rule = " (crates.io crate name rules)";
    if (name.length() > 64) return problem("crate names are at most 64 characters" + rule);
    char first = name.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return problem("crate names start with an ASCII letter" + rule);
    }
    if (!CRATE_CHARS.matcher(name).matches()) {
      return problem("crate names contain only ASCII letters, digits, '-' and '_'" + rule);
    }
    return none();
  }

  private static Optional<String> gemProblem(String name) {
    boolean ok =
        GEM_CHARS.matcher(name).matches()
            && name.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            && ".-_".indexOf(name.charAt(0)) < 0;
    return ok
        ? none()
        : problem(
            "gem names contain only ASCII letters, digits, '.', '-' and '_', include at least one"
                + " letter, and do not start with '.', '-' or '_' (RubyGems specification rules)");
  }

  private static Optional<String> nugetProblem(String name) {
    String rule = " (NuGet package ID rules)";
    if (name.length() > 100) return problem("NuGet package IDs are at most 100 characters" + rule);
    return NUGET_ID.matcher(name).matches()
        ? none()
        : problem(
            "NuGet package IDs are words of letters, digits and '_' joined by single '.' or '-'"
                + rule);
  }

  private static Optional<String> pubProblem(String name) {
    String rule = " (pubspec package name rules)";
    if (!PUB_NAME.matcher(name).matches()) {
      return problem(
          "Pub package names are lower-case Dart identifiers: a-z, 0-9 and '_', not starting"
              + " with a digit"
              + rule);
    }
    if (DART_RESERVED_WORDS.contains(name)) {
      return problem("'" + name + "' is a Dart reserved word and cannot name a Pub package" + rule);
    }
    return none();
  }

  private static Optional<String> genericProblem(String name) {
    if (name.length() > 256) return problem("package names are at most 256 characters");
    if (WHITESPACE_OR_CONTROL.matcher(name).find()) {
      return problem("package names cannot contain whitespace or control characters");
    }
    return none();
  }

  // ---------------------------------------------------------------------------------------------
  // Package URLs

  /**
   * The purl OSV/GHSA would give this package ({@code pkg:pypi/requests},
   * {@code pkg:npm/%40scope/name}, {@code pkg:golang/github.com/foo/bar}, {@code pkg:cargo/serde},
   * {@code pkg:maven/org.apache/commons-text}), built with packageurl-java. Empty for an ecosystem
   * without a purl type, or a name that {@link #packageNameProblem} rejects. PyPI names are
   * normalized as PEP 503 says; packageurl-java lower-cases some types (golang, github).
   */
  public static Optional<String> purlFor(String ecosystem, String name) {
    return expectedPurl(ecosystem, name).map(PackageURL::canonicalize);
  }

  /**
   * Empty if {@code purl} parses (packageurl-java) and its type, namespace and name designate
   * package {@code name} of {@code ecosystem} (versions, qualifiers and, except for GitHub
   * Actions, subpaths are ignored); else a short reason. Only the parse is checked for
   * ecosystems without a purl type, and for names that {@link #packageNameProblem} rejects (that
   * problem is reported there).
   */
  public static Optional<String> purlProblem(String purl, String ecosystem, String name) {
    PackageURL given;
    try {
      given = new PackageURL(Objects.requireNonNull(purl, "purl"));
    } catch (MalformedPackageURLException e) {
      return problem("'" + purl + "' is not a valid Package URL: " + e.getMessage());
    }
    Optional<Ecosystem> eco = find(ecosystem);
    if (eco.isEmpty() || eco.get().purlType().isEmpty()) return none();
    String type = eco.get().purlType().get();
    if (!given.getType().equals(type)) {
      return problem(
          "purl type '"
              + given.getType()
              + "' does not match ecosystem "
              + eco.get().name()
              + ", whose purls are pkg:"
              + type
              + "/…");
    }
    Optional<PackageURL> expected = expectedPurl(ecosystem, name);
    if (expected.isEmpty()) return none();
    if (!key(given, type).equals(key(expected.get(), type))) {
      return problem(
          "purl "
              + coordinates(given)
              + " names a different package than "
              + eco.get().name()
              + " package '"
              + name
              + "', whose purl is "
              + expected.get().canonicalize());
    }
    return none();
  }

  private static Optional<PackageURL> expectedPurl(String ecosystem, String name) {
    Optional<Ecosystem> eco = find(ecosystem);
    if (eco.isEmpty() || eco.get().purlType().isEmpty() || name == null) return Optional.empty();
    if (packageNameProblem(eco.get().name(), name).isPresent()) return Optional.empty();
    String type = eco.get().purlType().get();
    String namespace = null;
    String local = name;
    String subpath = null;
    switch (type) {
      case "pypi" -> local = pep503(name);
      case "npm", "golang" -> {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
          namespace = name.substring(0, slash);
          local = name.substring(slash + 1);
        }
      }
      case "maven" -> {
        int colon = name.indexOf(':');
        namespace = name.substring(0, colon);
        local = name.substring(colon + 1);
      }
      case "composer" -> {
        int slash = name.indexOf('/');
        namespace = name.substring(0, slash);
        local = name.substring(slash + 1);
      }
      case "github" -> {
        String[] parts = name.split("/", 3);
        namespace = parts[0];
        local = parts[1];
        subpath = parts.length > 2 ? parts[2] : null;
      }
      case "swift" -> {
        String path = name.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
        path = path.replaceFirst("/+$", "").replaceFirst("\\.git$", "");
        int slash = path.lastIndexOf('/');
        if (slash <= 0) return Optional.empty();
        namespace = path.substring(0, slash);
        local = path.substring(slash + 1);
      }
      default -> {}
    }
    try {
      PackageURLBuilder builder =
          PackageURLBuilder.aPackageURL().withType(type).withNamespace(namespace).withName(local);
      if (subpath != null) builder.withSubpath(subpath);
      return Optional.of(builder.build());
    } catch (MalformedPackageURLException e) {
      return Optional.empty();
    }
  }

  private static List<String> key(PackageURL purl, String type) {
    String namespace = Objects.toString(purl.getNamespace(), "");
    String name = purl.getName();
    if (type.equals("pypi")) {
      name = pep503(name);
    } else if (CASE_INSENSITIVE_PURL_TYPES.contains(type)) {
      namespace = namespace.toLowerCase(Locale.ROOT);
      name = name.toLowerCase(Locale.ROOT);
    }
    String subpath = type.equals("github") ? Objects.toString(purl.getSubpath(), "") : "";
    return List.of(namespace, name, subpath);
  }

  /** The purl without version, qualifiers or subpath. */
  private static String coordinates(PackageURL purl) {
    try {
      return PackageURLBuilder.aPackageURL()
          .withType(purl.getType())
          .withNamespace(purl.getNamespace())
          .withName(purl.getName())
          .build()
          .canonicalize();
    } catch (MalformedPackageURLException e) {
      return purl.canonicalize();
    }
  }

  /** PEP 503 normalization: lower case, each run of '-', '_' and '.' replaced by '-'. */
  private static String pep503(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------------------------------------

  private static String baseName(String ecosystem) {
    if (ecosystem == null) return "";
    int colon = ecosystem.indexOf(':');
    return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
  }

  private static Optional<String> none() {
    return Optional.empty();
  }

  private static Optional<String> problem(String reason) {
    return Optional.of(reason);
  }

  private static List<String> loadNames() {
    try (InputStream in = Ecosystems.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      List<String> names = new ArrayList<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          String trimmed = line.strip();
          if (!trimmed.isEmpty() && !trimmed.startsWith("#")) names.add(trimmed);
        }
      }
      return Collections.unmodifiableList(names);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static Map<String, Ecosystem> index(List<String> names) {
    Map<String, Ecosystem> byName = new LinkedHashMap<>();
    for (String name : names) {
      byName.put(
          name,
          new Ecosystem(name, Optional.ofNullable(PURL_TYPES.get(name)), ORDERED.contains(name)));
    }
    return Collections.unmodifiableMap(byName);
  }

  private static Map<String, String> aliases() {
    Map<String, String> a = new LinkedHashMap<>();
    for (String k : List.of("golang", "go-lang", "gomod", "go modules")) a.put(k, "Go");
    for (String k : List.of("cargo", "rust", "crates", "crate", "cratesio", "crates-io")) {
      a.put(k, "crates.io");
    }
    for (String k : List.of("pip", "python", "py", "pypi.org")) a.put(k, "PyPI");
    for (String k : List.of("java", "mvn", "maven central", "gradle", "kotlin")) a.put(k, "Maven");
    for (String k : List.of("node", "nodejs", "node.js", "javascript", "js", "yarn", "pnpm")) {
      a.put(k, "npm");
    }
    for (String k : List.of("ruby", "gem", "gems", "rubygem")) a.put(k, "RubyGems");
    for (String k : List.of("php", "composer")) a.put(k, "Packagist");
    for (String k : List.of("dotnet", ".net", "c#", "csharp")) a.put(k, "NuGet");
    for (String k : List.of("elixir", "erlang", "hex.pm")) a.put(k, "Hex");
    for (String k : List.of("dart", "flutter", "pub.dev")) a.put(k, "Pub");
    a.put("haskell", "Hackage");
    a.put("r", "CRAN");
    a.put("ocaml", "opam");
    for (String k : List.of("swift", "swiftpm", "spm")) a.put(k, "SwiftURL");
    for (String k : List.of("github", "actions", "github-actions", "gha")) {
      a.put(k, "GitHub Actions");
    }
    for (String k : List.of("deb", "dpkg")) a.put(k, "Debian");
    for (String k : List.of("apk", "alpine linux")) a.put(k, "Alpine");
    for (String k : List.of("redhat", "rhel")) a.put(k, "Red Hat");
    for (String k : List.of("rocky", "rockylinux")) a.put(k, "Rocky Linux");
    for (String k : List.of("alma", "almalinux")) a.put(k, "AlmaLinux");
    for (String k : List.of("photon", "photonos")) a.put(k, "Photon OS");
    for (String k : List.of("kernel", "linux kernel")) a.put(k, "Linux");
    for (String k : List.of("k8s")) a.put(k, "Kubernetes");
    for (String k : List.of("git")) a.put(k, "GIT");
    return Collections.unmodifiableMap(a);
  }
}
