package dev.disclose.sealing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;

/**
 * Reads an ASCII-armored OpenPGP secret key, the way the sealing and the signing key are given to
 * CI, with the same advice when the bytes are something else.
 */
final class ArmoredSecretKeys {
  private ArmoredSecretKeys() {}

  /** The key in {@code armored}; {@code source} names where it came from, {@code role} its use. */
  static OpenPGPKey read(byte[] armored, String source, String role) throws SealingException {
    String text = new String(armored, StandardCharsets.UTF_8);
    if (!text.contains("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {
      throw new SealingException(
          source
              + " holds no ASCII-armored OpenPGP secret key"
              + (text.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")
                  ? " (it holds a public key)"
                  : "")
              + ": export the "
              + role
              + " key with gpg --armor --export-secret-keys FINGERPRINT");
    }
    try {
      return new OpenPGPKeyReader().parseKey(text);
    } catch (IOException | RuntimeException e) {
      throw new SealingException(
          source
              + " holds no readable OpenPGP secret key ("
              + e.getMessage()
              + "): export it again with gpg --armor --export-secret-keys FINGERPRINT");
    }
  }
}
