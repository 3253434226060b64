package dev.disclose.check;

import dev.disclose.config.SiteConfig;
import dev.disclose.cwe.CweCatalog;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * What checks need besides the advisory: the site's configuration, "now", the CWE list, and the
 * packages site-config.yaml declares, indexed once because every affected package of every advisory
 * is looked up among them.
 */
public record CheckContext(
    SiteConfig config, Instant now, CweCatalog cwes, Set<String> declaredPackages) {
  public CheckContext(SiteConfig config, Instant now, CweCatalog cwes) {
    this(config, now, cwes, declared(config));
  }

  public CheckContext {
    // Not Set.copyOf: its linear probing is slow on keys with neighbouring hash codes (see
    // Catalog).
    declaredPackages = Collections.unmodifiableSet(new HashSet<>(declaredPackages));
  }

  /** Whether site-config.yaml's {@code packages} lists {@code name} of {@code ecosystem}. */
  public boolean declares(String ecosystem, String name) {
    return declaredPackages.contains(key(ecosystem, name));
  }

  private static Set<String> declared(SiteConfig config) {
    Set<String> keys = new HashSet<>();
    for (SiteConfig.PublishedPackage p : config.packages()) keys.add(key(p.ecosystem(), p.name()));
    return keys;
  }

  private static String key(String ecosystem, String name) {
    return ecosystem + '\0' + name;
  }
}
