package dev.disclose.serve;

import dev.disclose.advisory.Advisory;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.LastCommitTimes;
import java.util.List;

/** What the bundles of the exports are made of: equal inputs give the same bytes. */
public record BundleInputs(List<Advisory> advisories, SiteConfig config, LastCommitTimes commits) {
  public BundleInputs {
    advisories = List.copyOf(advisories);
  }
}
