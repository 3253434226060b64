package dev.disclose.sealing;

import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.bcpg.KeyIdentifier;

/** How keys are named in messages: the way {@code gpg --list-keys} prints them, upper-case hex. */
final class Fingerprints {
  private Fingerprints() {}

  static String of(byte[] fingerprint) {
    return HexFormat.of().withUpperCase().formatHex(fingerprint);
  }

  /** A packet's key ID: the fingerprint if it carries one, else the 64-bit key ID. */
  static String of(KeyIdentifier id) {
    if (id.isWildcard()) return "(hidden recipient)";
    byte[] fingerprint = id.getFingerprint();
    return fingerprint != null
        ? of(fingerprint)
        : String.format(Locale.ROOT, "%016X", id.getKeyId());
  }
}
