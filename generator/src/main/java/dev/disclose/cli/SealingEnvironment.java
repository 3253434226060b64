package dev.disclose.cli;

import dev.disclose.load.AdvisoryReader;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.sealing.SealingException;
import dev.disclose.sealing.SealingKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The key that opens sealed advisories, as every command gets it: the armored secret key in {@code
 * DISCLOSE_SEALING_KEY} or in the file {@code DISCLOSE_SEALING_KEY_FILE} names, unlocked with
 * {@code DISCLOSE_SEALING_PASSPHRASE}; and the note a command prints when it had none.
 */
final class SealingEnvironment {
  static final String KEY = "DISCLOSE_SEALING_KEY";
  static final String KEY_FILE = "DISCLOSE_SEALING_KEY_FILE";
  static final String PASSPHRASE = "DISCLOSE_SEALING_PASSPHRASE";
  static final KeyVariables VARIABLES = new KeyVariables(KEY, KEY_FILE, PASSPHRASE);

  private SealingEnvironment() {}

  /**
   * The key the environment gives, if any; refused (a usage error) when it cannot be read, unlocked
   * or has expired at {@code now}.
   */
  static Optional<SealingKey> key(Environment env, Instant now) throws SiteException {
    Optional<KeyVariables.Given> given = VARIABLES.read(env);
    if (given.isEmpty()) return Optional.empty();
    try {
      SealingKey key =
          SealingKey.read(given.get().armored(), given.get().passphrase(), given.get().source());
      Optional<String> problem = key.problemAt(now);
      if (problem.isPresent()) throw new SiteException(problem.get());
      return Optional.of(key);
    } catch (SealingException e) {
      throw new SiteException(e.getMessage(), e);
    }
  }

  /** The key, which a command that opens sealed files cannot do without. */
  static SealingKey requireKey(Environment env, Instant now) throws SiteException {
    return key(env, now)
        .orElseThrow(
            () ->
                new SiteException(
                    "no key to open sealed advisories: set "
                        + KEY
                        + " to your armored secret key (gpg --armor --export-secret-keys"
                        + " FINGERPRINT), or "
                        + KEY_FILE
                        + " to a file holding it"));
  }

  /** How many sealed advisories the site holds, counted by name alone. */
  static int sealedFiles(SiteRoot site) {
    if (!Files.isDirectory(site.advisoriesDir())) return 0;
    try (Stream<Path> files = Files.walk(site.advisoriesDir())) {
      return (int) files.filter(p -> Files.isRegularFile(p) && AdvisoryReader.isSealed(p)).count();
    } catch (IOException | UncheckedIOException e) {
      return 0; // the build reports what it cannot read
    }
  }

  /** One line on stderr when sealed advisories were left out for want of a key: never more. */
  static void noteSkipped(Environment env, int skipped) {
    if (skipped == 0) return;
    env.err()
        .println(
            "note: "
                + skipped
                + (skipped == 1 ? " sealed advisory" : " sealed advisories")
                + " skipped: no "
                + KEY);
  }
}
