package dev.disclose.ecosystem;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The package-name rules of the ecosystems that have their own, each as its registry states it. */
final class PackageNameRules {
  private PackageNameRules() {}

  /**
   * The longest package name any rule looks at, checked first so that no rule's pattern ever runs
   * on more.
   */
  static final int MAX_LENGTH = 256;

  static final String TOO_LONG = "package names are at most " + MAX_LENGTH + " characters";

  private static final Pattern PEP_508_NAME =
      Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NPM_URL_SAFE = Pattern.compile("[A-Za-z0-9._~()'!*-]+");
  private static final Pattern GO_ELEMENT = Pattern.compile("[A-Za-z0-9._~-]+");
  private static final Pattern GO_FIRST_ELEMENT = Pattern.compile("[a-z0-9.-]+");
  private static final Pattern CRATE_CHARS = Pattern.compile("[A-Za-z0-9_-]*");
  private static final Pattern MAVEN_NAME = Pattern.compile("[A-Za-z0-9_.-]++:[A-Za-z0-9_.-]++");
  private static final Pattern GEM_CHARS = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern NUGET_ID =
      Pattern.compile("\\w++(?:[.-]\\w++)*+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern COMPOSER_NAME =
      Pattern.compile("[a-z0-9]++(?:[_.-][a-z0-9]++)*+/[a-z0-9]++(?:(?:[_.]|-{1,2}+)[a-z0-9]++)*+");
  private static final Pattern HEX_NAME = Pattern.compile("[a-z][A-Za-z0-9_]*");
  private static final Pattern PUB_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern R_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]");
  private static final Pattern HACKAGE_NAME =
      Pattern.compile("\\p{N}*+\\p{L}[\\p{L}\\p{N}]*+(?:-\\p{N}*+\\p{L}[\\p{L}\\p{N}]*+)*+");
  private static final Pattern GITHUB_ACTION =
      Pattern.compile("[A-Za-z0-9-]++/[A-Za-z0-9._-]++(?:/[^/\\s]++)*+");
  private static final Pattern WHITESPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cc}]");

  /** Dart's reserved words, which pub refuses as package names. */
  private static final Set<String> DART_RESERVED_WORDS =
      Set.of(
          "assert",
          "break",
          "case",
          "catch",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "else",
          "enum",
          "extends",
          "false",
          "final",
          "finally",
          "for",
          "if",
          "in",
          "is",
          "new",
          "null",
          "rethrow",
          "return",
          "super",
          "switch",
          "this",
          "throw",
          "true",
          "try",
          "var",
          "void",
          "while",
          "with");

  static final PackageNameRule PYPI =
      matching(
          PEP_508_NAME,
          "PyPI project names contain only ASCII letters, digits, '.', '_' and '-', and start"
              + " and end with a letter or digit (PEP 508)");

  static final PackageNameRule MAVEN =
      matching(
          MAVEN_NAME,
          "Maven package names are groupId:artifactId, each non-empty and made of ASCII"
              + " letters, digits, '_', '.' and '-' (Maven coordinates)");

  static final PackageNameRule PACKAGIST =
      matching(
          COMPOSER_NAME,
          "Packagist package names are vendor/package in lower case: words of a-z and 0-9"
              + " joined by '-', '.' or '_' (Composer package name rules)");

  static final PackageNameRule HEX =
      name ->
          HEX_NAME.matcher(name).matches() && name.length() >= 2
              ? none()
              : problem(
                  "Hex package names start with a lower-case letter, contain only ASCII letters,"
                      + " digits and '_', and are at least 2 characters long (hex.pm package rules)");

  static final PackageNameRule R =
      matching(
          R_NAME,
          "R package names contain only ASCII letters, digits and '.', have at least two"
              + " characters, start with a letter and do not end in '.' (Writing R"
              + " Extensions)");

  static final PackageNameRule HACKAGE =
      matching(
          HACKAGE_NAME,
          "Hackage package names are alphanumeric words joined by single '-', each word"
              + " containing at least one letter (Cabal package name rules)");

  static final PackageNameRule GITHUB_ACTIONS =
      matching(
          GITHUB_ACTION,
          "GitHub Actions package names are {owner}/{repo} (optionally followed by /path),"
              + " the owner made of ASCII letters, digits and '-', the repository of letters,"
              + " digits, '.', '-' and '_' (OSV GitHub Actions ecosystem)");

  static final PackageNameRule LINUX =
      name ->
          name.equals("Kernel")
              ? none()
              : problem("the only package name OSV supports in the Linux ecosystem is 'Kernel'");

  static final PackageNameRule NPM = PackageNameRules::npm;
  static final PackageNameRule GO = PackageNameRules::go;
  static final PackageNameRule CRATES_IO = PackageNameRules::crate;
  static final PackageNameRule RUBYGEMS = PackageNameRules::gem;
  static final PackageNameRule NUGET = PackageNameRules::nuget;
  static final PackageNameRule PUB = PackageNameRules::pub;

  /**
   * The rule of ecosystems without one of their own: non-empty, at most 256 characters, no
   * whitespace or control characters.
   */
  static final PackageNameRule GENERAL = PackageNameRules::general;

  private static PackageNameRule matching(Pattern pattern, String reason) {
    return name -> pattern.matcher(name).matches() ? none() : problem(reason);
  }

  private static Optional<String> npm(String name) {
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

  private static Optional<String> go(String name) {
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

  private static Optional<String> crate(String name) {
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

  private static Optional<String> gem(String name) {
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

  private static Optional<String> nuget(String name) {
    String rule = " (NuGet package ID rules)";
    if (name.length() > 100) return problem("NuGet package IDs are at most 100 characters" + rule);
    return NUGET_ID.matcher(name).matches()
        ? none()
        : problem(
            "NuGet package IDs are words of letters, digits and '_' joined by single '.' or '-'"
                + rule);
  }

  private static Optional<String> pub(String name) {
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

  private static Optional<String> general(String name) {
    if (name.length() > MAX_LENGTH) return problem(TOO_LONG);
    if (WHITESPACE_OR_CONTROL.matcher(name).find()) {
      return problem("package names cannot contain whitespace or control characters");
    }
    return none();
  }

  private static Optional<String> none() {
    return Optional.empty();
  }

  private static Optional<String> problem(String reason) {
    return Optional.of(reason);
  }
}
