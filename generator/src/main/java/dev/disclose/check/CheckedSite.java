package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.load.SiteSources;
import dev.disclose.releases.Release;
import java.time.Instant;
import java.util.List;

/**
 * The product of the check stage: the findings, sorted by file and position, of a site as of {@code
 * now}, and how many files they are about.
 */
public record CheckedSite(
    SiteSources sources, Instant now, List<Diagnostic> diagnostics, int filesChecked) {
  public CheckedSite {
    diagnostics = List.copyOf(diagnostics);
  }

  public long errors() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public long warnings() {
    return diagnostics.size() - errors();
  }

  /** Every advisory the files state, in path order, public or not. */
  public List<Advisory> advisories() {
    return sources.advisories();
  }

  /** The release notes (none if they could not be read, which is an error). */
  public List<Release> releases() {
    return sources.releaseNotes().releases();
  }

  public SiteConfig config() {
    return sources.siteConfig();
  }

  /** The advisories public at {@code now}: what every public output is made of. */
  public Catalog publicCatalog() {
    return Catalog.publicAt(advisories(), now);
  }
}
