package dev.disclose.csaf;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.RangeType;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.plan.Publication;
import dev.disclose.sealing.SigningKey;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSAF 2.0: the site as a CSAF provider ({@code /.well-known/csaf/}). Each public advisory's
 * document in {@code white/<YYYY>/<id>.json} (TLP:WHITE, the year of its first publication), with
 * its {@code .sha256} and {@code .sha512} files and, when the format has a signing key, its {@code
 * .asc} signature, which makes the site a trusted provider; then {@code provider-metadata.json},
 * the ROLIE feed and service document, {@code index.txt}, {@code changes.csv} and the public key
 * ({@link CsafProvider}). The documents are {@link CsafDocument}'s.
 */
public final class CsafFormat implements OutputFormat {
  public static final String NAME = "csaf";

  /** One advisory's document: where it goes, its bytes, what the feed says of it, and notes. */
  record Made(
      CsafProvider.Entry entry, byte[] json, List<String> notes, Optional<String> skipped) {}

  /**
   * What an advisory's document is made of; {@code undated}: the build's time, for an advisory that
   * states no publication (and only then, so that a preview's next build keeps the others).
   */
  record DocumentInput(
      Advisory advisory,
      CsafDocument.Settings settings,
      List<Instant> commits,
      Optional<Instant> undated) {}

  static final Slot<DocumentInput, Made> DOCUMENT = new Slot<>("CSAF document");

  private final Optional<SigningKey> signingKey;

  /** The format without signatures: a CSAF provider's files. */
  public CsafFormat() {
    this(Optional.empty());
  }

  /** The format signing its documents with {@code signingKey}, if there is one. */
  public CsafFormat(Optional<SigningKey> signingKey) {
    this.signingKey = signingKey;
  }

  /** Whether the documents are signed. */
  public boolean signs() {
    return signingKey.isPresent();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String folder() {
    return ".well-known/csaf/";
  }

  @Override
  public String summary() {
    return "white/<YYYY>/<id>.json per advisory, a CSAF 2.0 document with .sha256, .sha512 and"
        + " (with a signing key) .asc; provider-metadata.json, the ROLIE feed, index.txt and"
        + " changes.csv: the site as a CSAF provider.";
  }

  @Override
  public boolean readsPlan() {
    return false;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    CsafDocument.Settings settings = CsafDocument.Settings.of(publication.config());
    List<Made> made =
        publication.catalog().advisories().parallelStream()
            .map(a -> document(memo, a, settings, publication.commitTimes(a), publication.now()))
            .sorted(Comparator.comparing(m -> m.entry().path()))
            .toList();
    List<String> notes = new ArrayList<>();
    if (!settings.urls().base().startsWith("https://")) {
      notes.add(
          "base_url is not https: CSAF documents must be served over TLS (CSAF 2.0 requirement"
              + " 3); set an https base_url in site-config.yaml");
    }
    Map<String, String> paths = new HashMap<>();
    List<Made> kept = new ArrayList<>();
    for (Made m : made) {
      notes.addAll(m.notes());
      if (m.skipped().isPresent()) {
        notes.add(m.skipped().get());
        continue;
      }
      String path = m.entry().path();
      String before = paths.putIfAbsent(path, m.entry().id());
      if (before == null) {
        kept.add(m);
        continue;
      }
      notes.add(
          m.entry().id()
              + " and "
              + before
              + " have the same CSAF file name, "
              + path
              + ": "
              + m.entry().id()
              + " is left out; give one of them another ID");
    }
    // Signed in parallel: an RSA key takes milliseconds a document.
    List<Optional<byte[]>> signatures =
        kept.parallelStream()
            .map(m -> signingKey.map(k -> k.sign(m.json(), m.entry().current())))
            .toList();
    int files = 0;
    for (int i = 0; i < kept.size(); i++) {
      Made m = kept.get(i);
      String path = m.entry().path();
      String name = path.substring(path.lastIndexOf('/') + 1);
      sink.put(path, m.json());
      sink.put(path + ".sha256", CsafJson.hashFile("SHA-256", m.json(), name));
      sink.put(path + ".sha512", CsafJson.hashFile("SHA-512", m.json(), name));
      files += 3;
      if (signatures.get(i).isPresent()) {
        sink.put(path + ".asc", signatures.get(i).get());
        files++;
      }
    }
    List<CsafProvider.Entry> entries = kept.stream().map(Made::entry).toList();
    Map<String, byte[]> provider =
        CsafProvider.files(
            entries,
            settings,
            signingKey.map(SigningKey::fingerprint),
            signingKey.map(SigningKey::publicKeyArmored),
            publication.now());
    for (Map.Entry<String, byte[]> f : provider.entrySet()) sink.put(f.getKey(), f.getValue());
    return new Written(files + provider.size(), notes);
  }

  /** The advisory's document: a function of the advisory, the settings and its commits. */
  static Made document(
      Memo memo,
      Advisory advisory,
      CsafDocument.Settings settings,
      List<Instant> commits,
      Instant now) {
    Optional<Instant> undated =
        advisory.effectivePublished().isPresent() ? Optional.empty() : Optional.of(now);
    return memo.get(
        DOCUMENT,
        advisory.id(),
        new DocumentInput(advisory, settings, List.copyOf(commits), undated),
        in -> make(in.advisory(), in.settings(), in.commits(), in.undated().orElse(Instant.EPOCH)));
  }

  private static Made make(
      Advisory a, CsafDocument.Settings settings, List<Instant> commits, Instant undated) {
    CsafRevisions revisions = CsafRevisions.of(a, commits, undated);
    String path = CsafDocument.path(a, revisions);
    CsafProvider.Entry entry =
        new CsafProvider.Entry(
            a.id(), CsafDocument.title(a), path, revisions.initial(), revisions.current());
    List<String> notes = new ArrayList<>();
    String category = CsafDocument.category(a);
    CsafProducts products =
        CsafProducts.of(category.equals(CsafDocument.WITHDRAWN) ? List.of() : a.affected());
    if (!category.equals(CsafDocument.WITHDRAWN)) {
      boolean commitRanges =
          a.affected().stream()
              .flatMap(p -> p.ranges().stream())
              .anyMatch(r -> r.type() == RangeType.GIT);
      if (commitRanges) {
        notes.add(
            a.id()
                + " has commit ranges (GIT), which name no versions: its CSAF document leaves"
                + " them out; add the released versions as ECOSYSTEM or SEMVER ranges");
      }
      if (category.equals(CsafDocument.SECURITY_ADVISORY) && products.isEmpty()) {
        return new Made(
            entry,
            new byte[0],
            notes,
            Optional.of(
                a.id()
                    + " names no affected versions, which a CSAF security advisory needs: not"
                    + " exported"));
      }
      if (category.equals(CsafDocument.SECURITY_ADVISORY)
          && a.severity().cvssV4().isPresent()
          && a.severity().cvssV3().isEmpty()
          && a.severity().cvssV2().isEmpty()) {
        notes.add(
            a.id()
                + " is rated with CVSS 4.0 only, which CSAF 2.0 cannot hold: its document has no"
                + " score; add a `cvss_v3` vector beside it to rate it there");
      }
    }
    byte[] json = CsafJson.bytes(CsafDocument.of(a, settings, revisions, products, path));
    return new Made(entry, json, notes, Optional.empty());
  }
}
