package dev.disclose.releases;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One release of a published package, as its release notes state it.
 *
 * @param notes the release notes' Markdown (empty for releases published elsewhere)
 * @param source the file it was read from, relative to the site root, and its first line
 * @param externalUrl where the notes live when the site does not hold them (a URL template)
 */
public record Release(
    String ecosystem,
    String packageName,
    String version,
    Optional<LocalDate> date,
    String notes,
    String source,
    int line,
    Optional<String> externalUrl) {}
