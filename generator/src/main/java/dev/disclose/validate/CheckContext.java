package dev.disclose.validate;

import dev.disclose.config.SiteConfig;
import dev.disclose.cwe.CweCatalog;
import java.time.Instant;

/** What checks need besides the advisory: the site's configuration, "now", the CWE list. */
public record CheckContext(SiteConfig config, Instant now, CweCatalog cwes) {}
