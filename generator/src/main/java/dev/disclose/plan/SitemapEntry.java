package dev.disclose.plan;

import java.time.Instant;
import java.util.Optional;

/** A page the sitemap lists: its canonical URL, and when it last changed, if known. */
public record SitemapEntry(String url, Optional<Instant> lastModified) {}
