package dev.disclose.sealing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * The secret key a site signs its published files with (CSAF documents: a CI secret), unlocked
 * once: detached, ASCII-armored OpenPGP signatures, and the public key readers verify them with.
 */
public final class SigningKey {
  private final String source;
  private final String fingerprint;
  private final Optional<Instant> expires;
  private final PGPPrivateKey privateKey;
  private final PGPPublicKey publicKey;
  private final String publicKeyArmored;

  private SigningKey(
      String source,
      String fingerprint,
      Optional<Instant> expires,
      PGPPrivateKey privateKey,
      PGPPublicKey publicKey,
      String publicKeyArmored) {
    this.source = source;
    this.fingerprint = fingerprint;
    this.expires = expires;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.publicKeyArmored = publicKeyArmored;
  }

  /**
   * The armored secret key in {@code armored}, its signing key unlocked with {@code passphrase} if
   * it has one, for signing at {@code now}; {@code source} names where it came from in messages (an
   * environment variable, a file), {@code passphraseSource} where its passphrase comes from.
   */
  public static SigningKey read(
      byte[] armored,
      Optional<char[]> passphrase,
      String source,
      String passphraseSource,
      Instant now)
      throws SealingException {
    OpenPGPKey key = ArmoredSecretKeys.read(armored, source, "signing");
    String fingerprint = Fingerprints.of(key.getFingerprint());
    List<OpenPGPComponentKey> signing = key.getSigningKeys(Date.from(now));
    OpenPGPKey.OpenPGPSecretKey secret =
        signing.stream()
            .map(key::getSecretKey)
            .filter(s -> s != null && !s.getPGPSecretKey().isPrivateKeyEmpty())
            .findFirst()
            .orElseThrow(
                () ->
                    new SealingException(
                        source
                            + " holds the key "
                            + fingerprint
                            + " without a secret key that can sign at "
                            + now
                            + " (one made before then, neither expired nor revoked): add a"
                            + " signing subkey (gpg --quick-add-key "
                            + fingerprint
                            + " ed25519 sign) or extend an expired one, then export the secret key"
                            + " again"));
    boolean locked = secret.isLocked();
    if (locked && passphrase.isEmpty()) {
      throw new SealingException(
          "the key "
              + fingerprint
              + " in "
              + source
              + " is protected by a passphrase: set "
              + passphraseSource);
    }
    PGPPrivateKey privateKey;
    try {
      privateKey =
          secret
              .getPGPSecretKey()
              .extractPrivateKey(
                  locked
                      ? new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                          .build(passphrase.get())
                      : null);
    } catch (PGPException | RuntimeException e) {
      throw new SealingException(
          passphraseSource
              + " does not unlock the key "
              + fingerprint
              + " in "
              + source
              + ": set the key's passphrase");
    }
    String publicKeyArmored;
    try {
      publicKeyArmored =
          key.toCertificate()
              .toAsciiArmoredString(
                  PacketFormat.ROUNDTRIP, ArmoredOutputStream.builder().clearHeaders());
    } catch (IOException e) {
      throw new SealingException(
          "cannot write the public part of the key " + fingerprint + " in " + source, e);
    }
    Optional<Instant> expires = Optional.ofNullable(key.getExpirationTime()).map(Date::toInstant);
    return new SigningKey(
        source,
        fingerprint,
        expires,
        privateKey,
        secret.getPGPSecretKey().getPublicKey(),
        publicKeyArmored);
  }

  /** The primary key's fingerprint, upper-case hex. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Where the key came from: the environment variable or file. */
  public String source() {
    return source;
  }

  /** The public key, ASCII-armored without headers: what readers verify the signatures with. */
  public String publicKeyArmored() {
    return publicKeyArmored;
  }

  /** When the signing key was made: no signature can be older. */
  public Instant created() {
    return publicKey.getCreationTime().toInstant();
  }

  /** Why the key cannot be used at {@code now}, if it cannot: it expired. */
  public Optional<String> problemAt(Instant now) {
    if (expires.isPresent() && !expires.get().isAfter(now)) {
      return Optional.of(
          "the key "
              + fingerprint
              + " in "
              + source
              + " expired at "
              + expires.get()
              + ": extend it (gpg --quick-set-expire "
              + fingerprint
              + " 1y) and update the secret and the published public key");
    }
    return Optional.empty();
  }

  /**
   * A detached signature of {@code data}, made at {@code at} (never before the key itself),
   * ASCII-armored without headers. The same bytes and time give the same signature with an Ed25519
   * or RSA key, whose signatures involve no randomness.
   */
  public byte[] sign(byte[] data, Instant at) {
    Instant when = at.isBefore(created()) ? created() : at;
    try {
      PGPSignatureGenerator generator =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA512),
              publicKey);
      generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setSignatureCreationTime(false, Date.from(when));
      hashed.setIssuerFingerprint(false, publicKey);
      generator.setHashedSubpackets(hashed.generate());
      PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
      unhashed.setIssuerKeyID(false, publicKey.getKeyID());
      generator.setUnhashedSubpackets(unhashed.generate());
      generator.update(data);
      PGPSignature signature = generator.generate();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out);
          BCPGOutputStream packets = new BCPGOutputStream(armor, PacketFormat.ROUNDTRIP)) {
        signature.encode(packets);
      }
      return out.toByteArray();
    } catch (PGPException | IOException e) {
      throw new IllegalStateException("cannot sign with the key " + fingerprint, e);
    }
  }
}
