package dev.disclose.ecosystem;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Package URL type and how an ecosystem's package name maps onto it: which part is the purl's
 * namespace, name and subpath, and how two purls of the type are compared.
 *
 * @param type the purl type, {@code "pypi"}, {@code "cargo"}
 * @param caseInsensitive whether the registry treats names case-insensitively (compared so)
 * @param coordinates the namespace, name and subpath of a package name, if it has them
 */
public record PurlType(String type, boolean caseInsensitive, Coordinates coordinates) {

  /**
   * A package name split into the purl's parts; {@code namespace} and {@code subpath} may be null.
   */
  public record Parts(String namespace, String name, String subpath) {}

  /** How a package name splits into a purl's parts; empty if it cannot. */
  @FunctionalInterface
  public interface Coordinates {
    Optional<Parts> of(String name);
  }

  static final PurlType PYPI =
      new PurlType("pypi", false, name -> Optional.of(new Parts(null, pep503(name), null)));
  static final PurlType NPM = new PurlType("npm", false, PurlType::lastSlash);
  static final PurlType GOLANG = new PurlType("golang", true, PurlType::lastSlash);
  static final PurlType CARGO = plain("cargo", true);
  static final PurlType MAVEN =
      new PurlType(
          "maven",
          false,
          name -> {
            int colon = name.indexOf(':');
            return Optional.of(
                new Parts(name.substring(0, colon), name.substring(colon + 1), null));
          });
  static final PurlType GEM = plain("gem", false);
  static final PurlType NUGET = plain("nuget", true);
  static final PurlType COMPOSER =
      new PurlType(
          "composer",
          true,
          name -> {
            int slash = name.indexOf('/');
            return Optional.of(
                new Parts(name.substring(0, slash), name.substring(slash + 1), null));
          });
  static final PurlType HEX = plain("hex", true);
  static final PurlType PUB = plain("pub", false);
  static final PurlType HACKAGE = plain("hackage", false);
  static final PurlType CRAN = plain("cran", false);
  static final PurlType SWIFT =
      new PurlType(
          "swift",
          false,
          name -> {
            String path = name.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
            path = path.replaceFirst("/+$", "").replaceFirst("\\.git$", "");
            int slash = path.lastIndexOf('/');
            if (slash <= 0) return Optional.empty();
            return Optional.of(
                new Parts(path.substring(0, slash), path.substring(slash + 1), null));
          });
  static final PurlType GITHUB =
      new PurlType(
          "github",
          true,
          name -> {
            String[] parts = name.split("/", 3);
            return Optional.of(new Parts(parts[0], parts[1], parts.length > 2 ? parts[2] : null));
          });

  public PurlType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(coordinates, "coordinates");
  }

  /** The purl of package {@code name} (already valid for its ecosystem), if it has one. */
  Optional<PackageURL> of(String name) {
    Optional<Parts> parts = coordinates.of(name);
    if (parts.isEmpty()) return Optional.empty();
    try {
      PackageURLBuilder builder =
          PackageURLBuilder.aPackageURL()
              .withType(type)
              .withNamespace(parts.get().namespace())
              .withName(parts.get().name());
      if (parts.get().subpath() != null) builder.withSubpath(parts.get().subpath());
      return Optional.of(builder.build());
    } catch (MalformedPackageURLException e) {
      return Optional.empty();
    }
  }

  /** What two purls of this type must share to designate the same package. */
  List<String> key(PackageURL purl) {
    String namespace = Objects.toString(purl.getNamespace(), "");
    String name = purl.getName();
    if (type.equals("pypi")) {
      name = pep503(name);
    } else if (caseInsensitive) {
      namespace = namespace.toLowerCase(Locale.ROOT);
      name = name.toLowerCase(Locale.ROOT);
    }
    String subpath = type.equals("github") ? Objects.toString(purl.getSubpath(), "") : "";
    return List.of(namespace, name, subpath);
  }

  private static PurlType plain(String type, boolean caseInsensitive) {
    return new PurlType(type, caseInsensitive, name -> Optional.of(new Parts(null, name, null)));
  }

  /**
   * {@code scope/name} or {@code path/to/module}: the namespace is what comes before the last
   * slash.
   */
  private static Optional<Parts> lastSlash(String name) {
    int slash = name.lastIndexOf('/');
    return Optional.of(
        slash > 0
            ? new Parts(name.substring(0, slash), name.substring(slash + 1), null)
            : new Parts(null, name, null));
  }

  /** PEP 503 normalization: lower case, each run of '-', '_' and '.' replaced by '-'. */
  static String pep503(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }
}
