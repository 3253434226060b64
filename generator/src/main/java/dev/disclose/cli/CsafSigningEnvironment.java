package dev.disclose.cli;

import dev.disclose.load.SiteException;
import dev.disclose.sealing.SealingException;
import dev.disclose.sealing.SigningKey;
import java.time.Instant;
import java.util.Optional;

/**
 * The key CSAF documents are signed with, as {@code build} and {@code export} get it: the armored
 * secret key in {@code DISCLOSE_CSAF_SIGNING_KEY} or in the file {@code
 * DISCLOSE_CSAF_SIGNING_KEY_FILE} names, unlocked with {@code DISCLOSE_CSAF_SIGNING_PASSPHRASE};
 * and the warning a public build prints when it publishes CSAF unsigned.
 */
final class CsafSigningEnvironment {
  static final String KEY = "DISCLOSE_CSAF_SIGNING_KEY";
  static final String KEY_FILE = "DISCLOSE_CSAF_SIGNING_KEY_FILE";
  static final String PASSPHRASE = "DISCLOSE_CSAF_SIGNING_PASSPHRASE";
  static final KeyVariables VARIABLES = new KeyVariables(KEY, KEY_FILE, PASSPHRASE);

  private CsafSigningEnvironment() {}

  /**
   * The key the environment gives, if any; refused (a usage error) when it cannot be read, unlocked
   * or has expired at {@code now}, or signs nothing then.
   */
  static Optional<SigningKey> key(Environment env, Instant now) throws SiteException {
    Optional<KeyVariables.Given> given = VARIABLES.read(env);
    if (given.isEmpty()) return Optional.empty();
    try {
      SigningKey key =
          SigningKey.read(
              given.get().armored(),
              given.get().passphrase(),
              given.get().source(),
              PASSPHRASE,
              now);
      Optional<String> problem = key.problemAt(now);
      if (problem.isPresent()) throw new SiteException(problem.get());
      return Optional.of(key);
    } catch (SealingException e) {
      throw new SiteException(e.getMessage(), e);
    }
  }

  /**
   * What an unsigned CSAF publication lacks: signatures make a CSAF provider a trusted one, and
   * without them readers cannot tell a document from a forgery on the way.
   */
  static String unsigned() {
    return "the CSAF documents are not signed: set "
        + KEY
        + " to the armored secret signing key (gpg --armor --export-secret-keys FINGERPRINT), or "
        + KEY_FILE
        + " to a file holding it, to publish them as a CSAF trusted provider (docs/site.md#csaf)";
  }
}
