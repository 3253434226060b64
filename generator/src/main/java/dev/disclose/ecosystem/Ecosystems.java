package dev.disclose.ecosystem;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import dev.disclose.text.DidYouMean;
import dev.disclose.version.VersionScheme;
import dev.disclose.version.VersionSchemes;
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

/**
 * OSV's package ecosystems, one table: which names exist and, for each, its version scheme,
 * package-name rule and the Package URL (purl) type OSV and GHSA give its packages.
 *
 * <p>The list of names is the resource {@code osv-ecosystems.txt} beside this class, generated from
 * {@code $defs.ecosystemWithSuffix} of ossf/osv-schema's {@code osv-schema-1.7.5.json} (the {@code
 * ecosystemName} enum plus {@code GIT}, in the schema's order). To refresh it, write the
 * alternatives of that pattern one per line under the header comment.
 */
public final class Ecosystems {
  private Ecosystems() {}

  private static final String RESOURCE = "osv-ecosystems.txt";

  /**
   * The ecosystems Disclose knows more of than the name: their version ordering, package-name rule
   * and purl type. Every other name of the bundled list has no known ordering, the general
   * package-name rule and no purl.
   */
  private static final List<Ecosystem> KNOWN =
      List.of(
          known("PyPI", VersionSchemes.PEP440, PackageNameRules.PYPI, PurlType.PYPI),
          known("npm", VersionSchemes.SEMVER, PackageNameRules.NPM, PurlType.NPM),
          known("Go", VersionSchemes.SEMVER, PackageNameRules.GO, PurlType.GOLANG),
          known("crates.io", VersionSchemes.SEMVER, PackageNameRules.CRATES_IO, PurlType.CARGO),
          known("Maven", VersionSchemes.MAVEN, PackageNameRules.MAVEN, PurlType.MAVEN),
          known("RubyGems", VersionSchemes.UNORDERED, PackageNameRules.RUBYGEMS, PurlType.GEM),
          known("NuGet", VersionSchemes.UNORDERED, PackageNameRules.NUGET, PurlType.NUGET),
          known(
              "Packagist", VersionSchemes.UNORDERED, PackageNameRules.PACKAGIST, PurlType.COMPOSER),
          known("Hex", VersionSchemes.UNORDERED, PackageNameRules.HEX, PurlType.HEX),
          known("Pub", VersionSchemes.UNORDERED, PackageNameRules.PUB, PurlType.PUB),
          known("Hackage", VersionSchemes.UNORDERED, PackageNameRules.HACKAGE, PurlType.HACKAGE),
          known("CRAN", VersionSchemes.UNORDERED, PackageNameRules.R, PurlType.CRAN),
          known("SwiftURL", VersionSchemes.UNORDERED, PackageNameRules.GENERAL, PurlType.SWIFT),
          known(
              "GitHub Actions",
              VersionSchemes.UNORDERED,
              PackageNameRules.GITHUB_ACTIONS,
              PurlType.GITHUB),
          known("Kubernetes", VersionSchemes.UNORDERED, PackageNameRules.GO, null),
          known("Bioconductor", VersionSchemes.UNORDERED, PackageNameRules.R, null),
          known("Linux", VersionSchemes.UNORDERED, PackageNameRules.LINUX, null));

  /** Common words people write for an ecosystem, lower case, mapped to OSV's spelling. */
  private static final Map<String, String> ALIASES = aliases();

  private static final List<String> NAMES = loadNames();

  /** Every ecosystem of the bundled list, by name. */
  private static final Map<String, Ecosystem> TABLE = table(NAMES);

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
    return Optional.ofNullable(TABLE.get(base));
  }

  /**
   * How pages name an ecosystem, written as OSV spells it, with any ":suffix" kept ("Debian:12");
   * an unknown name as it is written.
   */
  public static String displayName(String ecosystemWithSuffix) {
    int colon = ecosystemWithSuffix.indexOf(':');
    Ecosystem known = TABLE.get(baseName(ecosystemWithSuffix));
    if (known == null) return ecosystemWithSuffix;
    return colon < 0
        ? known.displayName()
        : known.displayName() + ecosystemWithSuffix.substring(colon);
  }

  /** OSV's ecosystem names, in the order of the bundled list. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * For an unknown name: the nearest known spelling ("pypi" → "PyPI", "crates" → "crates.io",
   * "golang" → "Go"), keeping any ":suffix" ("debain:12" → "Debian:12"). Common aliases (golang,
   * cargo, rust, pip, python, java, node, …) are mapped explicitly, anything else goes through
   * {@link DidYouMean}. Empty for a known name or when nothing is close.
   */
  public static Optional<String> suggest(String unknown) {
    if (unknown == null || unknown.isBlank() || find(unknown).isPresent()) return Optional.empty();
    int colon = unknown.indexOf(':');
    String base = (colon < 0 ? unknown : unknown.substring(0, colon)).strip();
    String suffix = colon < 0 ? "" : unknown.substring(colon + 1);
    if (base.isEmpty()) return Optional.empty();
    String alias = ALIASES.get(base.toLowerCase(Locale.ROOT));
    Optional<String> known = alias != null ? Optional.of(alias) : DidYouMean.suggest(base, NAMES);
    return known.map(k -> suffix.isEmpty() ? k : k + ":" + suffix);
  }

  /**
   * Empty if {@code name} is a valid package name in {@code ecosystem} (with or without a
   * ":suffix"), else a short user-facing reason naming the rule. Ecosystems without a rule of their
   * own, and unknown ones, get the general rule: non-empty, at most 256 characters, no whitespace
   * or control characters.
   */
  public static Optional<String> packageNameProblem(String ecosystem, String name) {
    if (name == null || name.isEmpty()) return Optional.of("package names cannot be empty");
    // Before any rule, so that no rule's pattern runs on an attacker's megabyte.
    if (name.length() > PackageNameRules.MAX_LENGTH) {
      return Optional.of(PackageNameRules.TOO_LONG);
    }
    Ecosystem known = TABLE.get(baseName(ecosystem));
    return (known == null ? PackageNameRules.GENERAL : known.packageNames()).problem(name);
  }

  /**
   * How {@code ecosystem}'s versions are spelled and ordered (a ":suffix", as in "Debian:12" or
   * "Maven:https://repo.example/", is ignored); {@link VersionSchemes#UNORDERED} for an ecosystem
   * whose ordering Disclose does not know, or an unknown one. Names are OSV's spelling,
   * case-sensitive.
   */
  public static VersionScheme versionScheme(String ecosystem) {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Ecosystem known = TABLE.get(baseName(ecosystem));
    return known == null ? VersionSchemes.UNORDERED : known.versions();
  }

  // ---------------------------------------------------------------------------------------------
  // Package URLs

  /**
   * The purl OSV/GHSA would give this package ({@code pkg:pypi/requests}, {@code
   * pkg:npm/%40scope/name}, {@code pkg:golang/github.com/foo/bar}, {@code pkg:cargo/serde}, {@code
   * pkg:maven/org.apache/commons-text}), built with packageurl-java. Empty for an ecosystem without
   * a purl type, or a name that {@link #packageNameProblem} rejects. PyPI names are normalized as
   * PEP 503 says; packageurl-java lower-cases some types (golang, github).
   */
  public static Optional<String> purlFor(String ecosystem, String name) {
    return expectedPurl(ecosystem, name).map(PackageURL::canonicalize);
  }

  /**
   * Empty if {@code purl} parses (packageurl-java) and its type, namespace and name designate
   * package {@code name} of {@code ecosystem} (versions, qualifiers and, except for GitHub Actions,
   * subpaths are ignored); else a short reason. Only the parse is checked for ecosystems without a
   * purl type, and for names that {@link #packageNameProblem} rejects (that problem is reported
   * there).
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
    if (!eco.get().purl().get().key(given).equals(eco.get().purl().get().key(expected.get()))) {
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
    if (eco.isEmpty() || eco.get().purl().isEmpty() || name == null) return Optional.empty();
    if (packageNameProblem(eco.get().name(), name).isPresent()) return Optional.empty();
    return eco.get().purl().get().of(name);
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

  private static Ecosystem known(
      String name, VersionScheme versions, PackageNameRule packageNames, PurlType purl) {
    return new Ecosystem(name, name, versions, packageNames, Optional.ofNullable(purl));
  }

  private static Map<String, Ecosystem> table(List<String> names) {
    Map<String, Ecosystem> byName = new LinkedHashMap<>();
    for (String name : names) {
      byName.put(
          name,
          new Ecosystem(
              name, name, VersionSchemes.UNORDERED, PackageNameRules.GENERAL, Optional.empty()));
    }
    for (Ecosystem e : KNOWN) {
      if (!byName.containsKey(e.name()))
        throw new IllegalStateException(e.name() + " is not in " + RESOURCE);
      byName.put(e.name(), e);
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
