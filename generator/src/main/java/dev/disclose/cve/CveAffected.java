package dev.disclose.cve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An advisory's affected packages as a CVE record's {@code affected} products: each package named
 * by its collection and name, its intervals as versions of the collection's {@code versionType}
 * with {@code lessThan} or {@code lessThanOrEqual}, every other version unaffected.
 */
final class CveAffected {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Where each ecosystem's packages are published, as CVE names a package collection: the
   * registry's own address for the ecosystems Disclose knows best, the CVE schema's examples for
   * the others.
   */
  static final Map<String, String> COLLECTIONS =
      Map.ofEntries(
          Map.entry("PyPI", "https://pypi.org"),
          Map.entry("npm", "https://www.npmjs.com"),
          Map.entry("Go", "https://pkg.go.dev"),
          Map.entry("crates.io", "https://crates.io"),
          Map.entry("Maven", "https://repo.maven.apache.org/maven2"),
          Map.entry("RubyGems", "https://rubygems.org"),
          Map.entry("NuGet", "https://nuget.org/packages"),
          Map.entry("Packagist", "https://packagist.org"),
          Map.entry("Hex", "https://repo.hex.pm"),
          Map.entry("Pub", "https://pub.dev"),
          Map.entry("Hackage", "https://hackage.haskell.org"),
          Map.entry("CRAN", "https://cran.r-project.org"),
          Map.entry("GitHub Actions", "https://github.com"),
          Map.entry("Debian", "https://packages.debian.org"));

  /** The vendor CVE records write when they cannot name one: its convention for "not known". */
  static final String UNKNOWN_VENDOR = "n/a";

  private CveAffected() {}

  /** Every package of {@code affected} as one or more products, in the order written. */
  static ArrayNode products(List<Affected> affected) {
    ArrayNode out = JSON.arrayNode();
    for (Affected p : affected) {
      for (ObjectNode product : products(p)) if (!contains(out, product)) out.add(product);
    }
    return out;
  }

  /**
   * One package's products: its version intervals and listed versions in one; its GIT intervals in
   * one per repository, which names the repository their commits are in.
   */
  private static List<ObjectNode> products(Affected p) {
    List<ObjectNode> out = new ArrayList<>();
    if (p.ranges().isEmpty() && p.versions().isEmpty()) {
      // No range and no version: every version is affected (an unmaintained package, say).
      ObjectNode every = product(p, Optional.empty());
      every.put("defaultStatus", "affected");
      out.add(every);
      return out;
    }
    ArrayNode versions = JSON.arrayNode();
    Map<String, ArrayNode> commits = new LinkedHashMap<>();
    for (AffectedRange r : p.ranges()) {
      ObjectNode v = interval(r, p.ecosystem());
      ArrayNode into =
          r.type() == RangeType.GIT
              ? commits.computeIfAbsent(r.repo().orElse(""), x -> JSON.arrayNode())
              : versions;
      if (!contains(into, v)) into.add(v);
    }
    for (String version : p.versions()) {
      ObjectNode v = JSON.objectNode().put("version", version).put("status", "affected");
      if (!contains(versions, v)) versions.add(v);
    }
    if (!versions.isEmpty()) out.add(withVersions(product(p, Optional.empty()), versions));
    commits.forEach(
        (repo, listed) ->
            out.add(withVersions(product(p, Optional.of(repo).filter(x -> !x.isEmpty())), listed)));
    return out;
  }

  private static ObjectNode withVersions(ObjectNode product, ArrayNode versions) {
    product.set("versions", versions);
    product.put("defaultStatus", "unaffected");
    return product;
  }

  /** The package's names, the repository of its commits, its routines and platforms. */
  private static ObjectNode product(Affected p, Optional<String> repo) {
    ObjectNode product = JSON.objectNode();
    Optional<String> collection = collection(p.ecosystem());
    if (collection.isPresent()) {
      product.put("collectionURL", collection.get());
      product.put("packageName", p.packageName());
    } else {
      product.put("vendor", UNKNOWN_VENDOR);
      product.put("product", p.packageName());
    }
    repo.ifPresent(r -> product.put("repo", r));
    if (!p.functions().isEmpty()) {
      ArrayNode routines = product.putArray("programRoutines");
      p.functions().keySet().forEach(f -> routines.addObject().put("name", f));
    }
    List<String> platforms = platforms(p.os(), p.arch());
    if (!platforms.isEmpty()) platforms.forEach(product.putArray("platforms")::add);
    return product;
  }

  /**
   * The CVE collection of an ecosystem: a Maven repository named in its suffix ({@code
   * Maven:https://maven.example.org/}), else the table's.
   */
  static Optional<String> collection(String ecosystem) {
    int colon = ecosystem.indexOf(':');
    String base = colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    String suffix = colon < 0 ? "" : ecosystem.substring(colon + 1);
    if (base.equals("Maven") && (suffix.startsWith("https://") || suffix.startsWith("http://"))) {
      return Optional.of(suffix);
    }
    return Optional.ofNullable(COLLECTIONS.get(base));
  }

  /**
   * An interval as a CVE version range: from its first version ("0": from the beginning) up to the
   * fix (exclusive) or the last affected version (inclusive); an open interval up to any version.
   */
  private static ObjectNode interval(AffectedRange r, String ecosystem) {
    ObjectNode v = JSON.objectNode();
    v.put("version", r.introducedOrBeginning());
    v.put("status", "affected");
    v.put("versionType", versionType(r.type(), ecosystem));
    if (r.fixed().isPresent()) v.put("lessThan", r.fixed().get());
    else if (r.lastAffected().isPresent()) v.put("lessThanOrEqual", r.lastAffected().get());
    // OSV's limit bounds an interval with no fix: no version from it on is affected.
    else if (r.limit().isPresent()) v.put("lessThan", r.limit().get());
    // The schema's convention for "every version from here on".
    else v.put("lessThan", "*");
    return v;
  }

  /**
   * How CVE consumers compare the versions of an interval: SemVer, Python's PEP 440, Maven's
   * ordering, git commits, or "custom" where CVE names no scheme Disclose can vouch for.
   */
  static String versionType(RangeType type, String ecosystem) {
    if (type == RangeType.GIT) return "git";
    if (type == RangeType.SEMVER) return "semver";
    String base =
        ecosystem.contains(":") ? ecosystem.substring(0, ecosystem.indexOf(':')) : ecosystem;
    return switch (base) {
      case "PyPI" -> "python";
      case "Maven" -> "maven";
      case "npm", "crates.io", "Go" -> "semver";
      default -> "custom";
    };
  }

  /**
   * The platforms the package is affected on: each operating system with each architecture, or
   * either alone when only it is given.
   */
  private static List<String> platforms(List<String> os, List<String> arch) {
    if (os.isEmpty()) return arch;
    if (arch.isEmpty()) return os;
    List<String> both = new ArrayList<>();
    for (String o : os) for (String a : arch) both.add(o + "/" + a);
    return both;
  }

  /** Whether {@code array} holds a value equal to {@code node}: CVE's lists hold each once. */
  private static boolean contains(ArrayNode array, ObjectNode node) {
    for (int i = 0; i < array.size(); i++) if (array.get(i).equals(node)) return true;
    return false;
  }
}
