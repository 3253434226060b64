package dev.disclose.load;

import dev.disclose.advisory.Advisory;
import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.load.ReleaseNotesReader.ReleaseNotes;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The product of the load stage: a site's files, read and parsed, and what kept some of them from
 * being read.
 *
 * @param config the configuration, with its findings and where each key was written
 * @param files every advisory file, in path order: its advisory, or its findings, or both
 * @param reported the files a check reports on, if a selection named them; else every file
 * @param folderProblems findings about the folders under advisories/ (F008, F009)
 * @param namedFileProblems findings about the files site-config.yaml names: the policy page, the
 *     theme (F009)
 * @param releaseNotes the release notes, if they could be read
 * @param releaseNotesProblem why they could not be
 * @param build what a build reads besides: present only when the load was for one
 * @param sealingRecipients the public keys {@code sealing.recipients} lists that could be read
 * @param policy the security policy page's Markdown, if site-config.yaml names one that could be
 *     read
 */
public record SiteSources(
    SiteRoot root,
    SiteConfigLoader.Loaded config,
    List<AdvisoryFile> files,
    Optional<Set<Path>> reported,
    List<Diagnostic> folderProblems,
    List<Diagnostic> namedFileProblems,
    ReleaseNotes releaseNotes,
    Optional<String> releaseNotesProblem,
    Optional<BuildSources> build,
    List<SealingRecipient> sealingRecipients,
    Optional<String> policy) {
  public SiteSources {
    sealingRecipients = List.copyOf(sealingRecipients);
    files = List.copyOf(files);
    folderProblems = List.copyOf(folderProblems);
    namedFileProblems = List.copyOf(namedFileProblems);
    reported = reported.map(Set::copyOf);
  }

  /** The advisories the files state, in path order. */
  public List<Advisory> advisories() {
    return files.stream().flatMap(f -> f.advisory().stream()).toList();
  }

  /**
   * The advisories, for a command that lists or writes beside them (embargoes, new, assign-ids,
   * import): refused when a folder could not be read whole, or a link under advisories/ leads out
   * of the site.
   */
  public List<Advisory> requireAdvisories() throws SiteException {
    if (!folderProblems.isEmpty()) {
      throw new SiteException(
          folderProblems.get(0).file() + ": " + folderProblems.get(0).message());
    }
    return advisories();
  }

  /**
   * The IDs of the sealed advisories this load did not open (no key, or not one it could open), in
   * path order: all a check knows of them, and never public.
   */
  public Set<String> sealedIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (AdvisoryFile f : files) {
      if (AdvisoryReader.isSealed(f.path()) && f.advisory().isEmpty())
        ids.add(AdvisoryReader.sealedId(f.path()));
    }
    return ids;
  }

  /** How many sealed advisories were skipped for want of a key (not counting unopenable ones). */
  public int sealedSkipped() {
    return (int)
        files.stream()
            .filter(
                f ->
                    AdvisoryReader.isSealed(f.path())
                        && f.advisory().isEmpty()
                        && f.diagnostics().isEmpty())
            .count();
  }

  /** The configuration (with defaults where the file was wrong). */
  public SiteConfig siteConfig() {
    return config.config();
  }
}
