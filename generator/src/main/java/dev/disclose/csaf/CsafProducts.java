package dev.disclose.csaf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.version.InvalidVersionException;
import dev.disclose.version.Version;
import dev.disclose.version.VersionScheme;
import dev.disclose.version.VersionSchemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An advisory's affected packages as a CSAF product tree: for each package, under its ecosystem
 * (the vendor branch: advisories name packages, not who makes them) and its name, each affected
 * interval as a {@code product_version_range} in purl's vers notation, and each fixed version as a
 * {@code product_version}, with its purl. A product's ID is its ecosystem, package and range or
 * version ({@code PyPI/corvid-serve@vers:pypi/>=0.5.0|<0.7.2}, {@code PyPI/corvid-serve@0.7.2}):
 * stable from one revision to the next, and unique in the document. Commit ranges (GIT) have no
 * versions to name and are left out.
 */
final class CsafProducts {
  /**
   * One package's products: those affected and those that fix it, and for each affected one what to
   * do.
   */
  record PackageProducts(
      Affected affected, List<String> known, List<String> fixed, List<Remediation> remedies) {}

  /** A remediation: its CSAF category, what it says, and the products it is for. */
  record Remediation(String category, String details, List<String> products) {}

  /** The interval of every version, for a package whose advisory names no range or version. */
  private static final AffectedRange EVERY_VERSION =
      new AffectedRange(
          RangeType.ECOSYSTEM,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Map.of());

  private final Map<String, Map<String, List<ObjectNode>>> leaves = new LinkedHashMap<>();
  private final Set<String> ids = new LinkedHashSet<>();
  private final List<PackageProducts> packages = new ArrayList<>();

  private CsafProducts() {}

  /** The products of {@code affected}, in the order the advisory lists them. */
  static CsafProducts of(List<Affected> affected) {
    CsafProducts out = new CsafProducts();
    for (Affected p : affected) out.add(p);
    return out;
  }

  List<PackageProducts> packages() {
    return packages;
  }

  boolean isEmpty() {
    return ids.isEmpty();
  }

  /** The product tree: vendor (the ecosystem) → package → its version ranges and versions. */
  ObjectNode tree() {
    ObjectNode tree = CsafJson.JSON.objectNode();
    ArrayNode vendors = tree.putArray("branches");
    leaves.forEach(
        (ecosystem, names) -> {
          ObjectNode vendor = vendors.addObject();
          vendor.put("category", "vendor").put("name", ecosystem);
          ArrayNode products = vendor.putArray("branches");
          names.forEach(
              (name, versions) -> {
                ObjectNode product = products.addObject();
                product.put("category", "product_name").put("name", name);
                versions.forEach(product.putArray("branches")::add);
              });
        });
    return tree;
  }

  private void add(Affected p) {
    String ecosystem = Ecosystems.displayName(p.ecosystem());
    Optional<PackageURL> purl = purl(p);
    String scheme = purl.map(PackageURL::getType).orElse("generic");
    List<AffectedRange> ranges =
        p.ranges().stream().filter(r -> r.type() != RangeType.GIT).distinct().toList();
    boolean commitsOnly = !p.ranges().isEmpty() && ranges.isEmpty() && p.versions().isEmpty();
    if (commitsOnly) return;
    List<String> known = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    List<Remediation> remedies = new ArrayList<>();
    String label = p.packageName() + " (" + ecosystem + ")";
    // Other intervals or versions affected too: "or later" would send readers into one of them.
    boolean laterAffected = ranges.size() > 1 || !p.versions().isEmpty();
    for (AffectedRange r : ranges) {
      String vers = r.vers(scheme);
      String id = range(p, ecosystem, vers, purl);
      known.add(id);
      if (r.fixed().isPresent()) {
        String f = r.fixed().get();
        fixed.add(version(p, ecosystem, f, purl));
        remedies.add(
            new Remediation(
                "vendor_fix",
                "Upgrade "
                    + label
                    + " to "
                    + f
                    + (laterAffected ? ", the fixed version of its release line." : " or later."),
                List.of(id)));
      } else if (r.lastAffected().isPresent()) {
        remedies.add(
            afterLastAffected(p, label, r.lastAffected().get(), ranges, laterAffected, id));
      } else {
        remedies.add(
            new Remediation(
                "none_available",
                "No version of "
                    + label
                    + (r.introducedOrBeginning().equals(AffectedRange.BEGINNING)
                        ? ""
                        : " from " + r.introducedOrBeginning() + " on")
                    + " is fixed yet.",
                List.of(id)));
      }
    }
    // Versions listed one by one beyond the intervals; with neither, every version is affected.
    List<String> listed = new ArrayList<>();
    for (String v : outsideRanges(p, ranges)) listed.add(version(p, ecosystem, v, purl));
    if (listed.isEmpty() && ranges.isEmpty())
      listed.add(range(p, ecosystem, EVERY_VERSION.vers(scheme), purl));
    if (!listed.isEmpty()) {
      known.addAll(listed);
      remedies.add(
          new Remediation(
              "none_available",
              "The advisory names no fixed version of "
                  + label
                  + (ranges.isEmpty() ? "" : " for " + String.join(", ", outsideRanges(p, ranges)))
                  + ".",
              listed));
    }
    packages.add(new PackageProducts(p, distinct(known), distinct(fixed), remedies));
  }

  /**
   * What to do for an interval that ends at its last affected version: move past it, to a version
   * no other interval affects; with other intervals, to a fix of the package later than it, or
   * nothing when it has none.
   */
  private static Remediation afterLastAffected(
      Affected p,
      String label,
      String last,
      List<AffectedRange> ranges,
      boolean laterAffected,
      String id) {
    if (!laterAffected)
      return new Remediation(
          "vendor_fix", "Upgrade " + label + " to a version after " + last + ".", List.of(id));
    List<String> later = new ArrayList<>();
    VersionScheme scheme = Ecosystems.versionScheme(p.ecosystem());
    for (AffectedRange other : ranges) {
      if (other.fixed().isEmpty() || !scheme.isOrdered()) continue;
      try {
        if (scheme.parse(other.fixed().get()).compareTo(scheme.parse(last)) > 0)
          later.add(other.fixed().get());
      } catch (InvalidVersionException e) {
        // validation refused such a version before any export
      }
    }
    if (later.isEmpty())
      return new Remediation(
          "none_available",
          "No fixed version of " + label + " after " + last + " is named yet.",
          List.of(id));
    return new Remediation(
        "vendor_fix",
        "Upgrade " + label + " to " + String.join(" or ", later.stream().distinct().toList()) + ".",
        List.of(id));
  }

  /**
   * The listed versions no interval covers (every one where the ecosystem's versions cannot be
   * ordered, and every one that does not parse under its rules), but not a fixed version, which
   * cannot be affected too.
   */
  private static List<String> outsideRanges(Affected p, List<AffectedRange> ranges) {
    VersionScheme scheme = Ecosystems.versionScheme(p.ecosystem());
    List<String> out = new ArrayList<>();
    for (String v : p.versions()) {
      if (ranges.stream().anyMatch(r -> r.fixed().equals(Optional.of(v)))) continue;
      if (!scheme.isOrdered()) {
        out.add(v);
        continue;
      }
      try {
        Version version = scheme.parse(v);
        boolean inside =
            ranges.stream()
                .anyMatch(
                    r ->
                        VersionSchemes.inInterval(
                            scheme,
                            version,
                            r.introducedOrBeginning(),
                            r.fixed(),
                            r.lastAffected()));
        if (!inside) out.add(v);
      } catch (InvalidVersionException e) {
        // A listed version is a literal release name, which no interval can be shown to hold.
        out.add(v);
      }
    }
    return out.stream().distinct().toList();
  }

  /** The product of an affected interval, added to the tree once; its ID. */
  private String range(Affected p, String ecosystem, String vers, Optional<PackageURL> purl) {
    String id = ecosystem + "/" + p.packageName() + "@" + vers;
    leaf(
        ecosystem,
        p.packageName(),
        "product_version_range",
        vers,
        id,
        purl.map(PackageURL::canonicalize));
    return id;
  }

  /** The product of one version, added to the tree once; its ID. */
  private String version(Affected p, String ecosystem, String version, Optional<PackageURL> purl) {
    String id = ecosystem + "/" + p.packageName() + "@" + version;
    leaf(
        ecosystem,
        p.packageName(),
        "product_version",
        version,
        id,
        purl.flatMap(u -> withVersion(u, version)));
    return id;
  }

  private void leaf(
      String ecosystem,
      String name,
      String category,
      String branch,
      String id,
      Optional<String> purl) {
    if (!ids.add(id)) return;
    ObjectNode leaf = CsafJson.JSON.objectNode();
    leaf.put("category", category).put("name", branch);
    ObjectNode product = leaf.putObject("product");
    product.put("name", name + " " + branch).put("product_id", id);
    purl.ifPresent(u -> product.putObject("product_identification_helper").put("purl", u));
    leaves
        .computeIfAbsent(ecosystem, e -> new LinkedHashMap<>())
        .computeIfAbsent(name, n -> new ArrayList<>())
        .add(leaf);
  }

  /**
   * The package's purl without a version: the one its ecosystem gives it, else the one the advisory
   * writes; empty when neither is known or it does not parse.
   */
  private static Optional<PackageURL> purl(Affected p) {
    Optional<String> text = Ecosystems.purlFor(p.ecosystem(), p.packageName()).or(p::purl);
    if (text.isEmpty()) return Optional.empty();
    try {
      return Optional.of(new PackageURL(text.get()).toBuilder().withVersion(null).build());
    } catch (MalformedPackageURLException e) {
      return Optional.empty(); // validation reported it
    }
  }

  private static Optional<String> withVersion(PackageURL u, String version) {
    try {
      return Optional.of(u.toBuilder().withVersion(version).build().canonicalize());
    } catch (MalformedPackageURLException e) {
      return Optional.empty();
    }
  }

  private static List<String> distinct(List<String> ids) {
    return List.copyOf(new LinkedHashSet<>(ids));
  }
}
