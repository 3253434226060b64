package dev.disclose.sealing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;

/**
 * A public key a site seals its advisories to, as {@code sealing.recipients} lists it: its
 * fingerprint, when it expires and whether it is revoked, read from the key's own signatures.
 */
public final class Recipient {
  private final OpenPGPCertificate certificate;
  private final String fingerprint;
  private final Optional<Instant> expires;
  private final boolean revoked;

  private Recipient(OpenPGPCertificate certificate) {
    this.certificate = certificate;
    this.fingerprint = Fingerprints.of(certificate.getFingerprint());
    Date expiry = certificate.getExpirationTime();
    this.expires = Optional.ofNullable(expiry).map(Date::toInstant);
    PGPPublicKey primary = certificate.getPGPPublicKeyRing().getPublicKey();
    this.revoked = primary.hasRevocation();
  }

  /**
   * The public key in {@code armored}; refused when it is not one OpenPGP key, or is a secret key
   * (which never belongs in a repository).
   */
  public static Recipient read(byte[] armored) throws SealingException {
    String text = new String(armored, StandardCharsets.UTF_8);
    if (text.contains("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {
      throw new SealingException(
          "is a SECRET key: remove it from the repository, treat the key as compromised (revoke it,"
              + " make a new one) and list only public keys (gpg --armor --export FINGERPRINT)");
    }
    if (!text.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
      throw new SealingException(
          "is not an ASCII-armored OpenPGP public key: export one with gpg --armor --export"
              + " FINGERPRINT");
    }
    List<OpenPGPCertificate> certificates;
    try {
      certificates = new OpenPGPKeyReader().parseCertificates(text);
    } catch (IOException | RuntimeException e) {
      throw new SealingException(
          "is not a readable OpenPGP public key ("
              + e.getMessage()
              + "): export it again with gpg --armor --export FINGERPRINT");
    }
    if (certificates.size() != 1) {
      throw new SealingException(
          "holds "
              + certificates.size()
              + " keys; list one public key per file in `sealing.recipients`");
    }
    return new Recipient(certificates.get(0));
  }

  /** The primary key's fingerprint, upper-case hex. */
  public String fingerprint() {
    return fingerprint;
  }

  /** When the key expires, if it does. */
  public Optional<Instant> expires() {
    return expires;
  }

  public boolean revoked() {
    return revoked;
  }

  /** Why the key cannot be sealed to at {@code now}, if it cannot. */
  public Optional<String> problemAt(Instant now) {
    if (revoked) {
      return Optional.of(
          "the key "
              + fingerprint
              + " is revoked: remove it from `sealing.recipients`, or list its holder's new key");
    }
    if (expires.isPresent() && !expires.get().isAfter(now)) {
      return Optional.of(
          "the key "
              + fingerprint
              + " expired at "
              + expires.get()
              + ": extend it (gpg --quick-set-expire "
              + fingerprint
              + " 1y), export it again and commit the file");
    }
    if (certificate.getEncryptionKeys(Date.from(now)).isEmpty()) {
      return Optional.of(
          "the key "
              + fingerprint
              + " has no valid encryption subkey: add one (gpg --quick-add-key "
              + fingerprint
              + " cv25519 encr) and export the key again");
    }
    return Optional.empty();
  }

  /** The subkeys a message sealed at {@code now} is encrypted to. */
  List<PGPPublicKey> encryptionKeys(Instant now) {
    return certificate.getEncryptionKeys(Date.from(now)).stream()
        .map(OpenPGPCertificate.OpenPGPComponentKey::getPGPPublicKey)
        .toList();
  }
}
