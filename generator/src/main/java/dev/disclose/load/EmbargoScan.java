package dev.disclose.load;

import dev.disclose.advisory.Advisory;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.sealing.SealingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The advisories of a site that state an embargo, found without parsing the rest: a plaintext file
 * is parsed only when its bytes mention {@code embargo}, a sealed one only with the key (without
 * it, a build skips it too). What a scheduled job needs to tell whether time alone changed the
 * site.
 */
public final class EmbargoScan {
  private static final byte[] KEY = "embargo".getBytes(StandardCharsets.US_ASCII);

  private EmbargoScan() {}

  /** The advisories of {@code site} with an {@code embargo}, in path order. */
  public static List<Advisory> embargoed(SiteRoot site, Optional<SealingKey> key)
      throws SiteException {
    AdvisoryReader reader;
    List<Path> files;
    try {
      reader = new AdvisoryReader(site.root(), site.display(), key);
      files = reader.walk(site.advisoriesDir(), new ArrayList<>());
    } catch (IOException e) {
      throw new SiteException(
          "cannot list " + site.display().of(site.advisoriesDir()) + ": " + e.getMessage(), e);
    }
    return files.parallelStream()
        .filter(f -> key.isPresent() || !AdvisoryReader.isSealed(f))
        .map(f -> embargoed(reader, f))
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<Advisory> embargoed(AdvisoryReader reader, Path file) {
    if (!(reader.readBytes(file) instanceof AdvisoryReader.Read.Bytes read))
      return Optional.empty();
    byte[] bytes = read.bytes();
    if (!AdvisoryReader.isSealed(file) && !mentions(bytes)) return Optional.empty();
    AdvisoryFile parsed = reader.parse(file, bytes);
    return parsed.advisory().filter(a -> a.embargo().isPresent());
  }

  private static boolean mentions(byte[] bytes) {
    outer:
    for (int i = 0; i + KEY.length <= bytes.length; i++) {
      for (int j = 0; j < KEY.length; j++) if (bytes[i + j] != KEY[j]) continue outer;
      return true;
    }
    return false;
  }
}
