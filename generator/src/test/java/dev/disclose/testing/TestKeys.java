package dev.disclose.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * OpenPGP keys made for a test (Ed25519 with an X25519 encryption subkey: fast), never committed:
 * the armored secret key, the armored public key, the fingerprint.
 */
public record TestKeys(String secret, String publicKey, String fingerprint) {
  /** Before every instant the tests judge at, so that a new key is valid then. */
  public static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  /** A key that never expires, without a passphrase. */
  public static TestKeys generate(String name) {
    return generate(name, CREATED, null, null, false);
  }

  /**
   * A key made at {@code created}, valid for {@code validFor} (null: forever), locked with {@code
   * passphrase} (null: none), revoked or not.
   */
  public static TestKeys generate(
      String name, Instant created, Duration validFor, String passphrase, boolean revoked) {
    try {
      SecureRandom random = new SecureRandom();
      Date date = Date.from(created);
      Ed25519KeyPairGenerator signing = new Ed25519KeyPairGenerator();
      signing.init(new Ed25519KeyGenerationParameters(random));
      X25519KeyPairGenerator encryption = new X25519KeyPairGenerator();
      encryption.init(new X25519KeyGenerationParameters(random));
      PGPKeyPair primary =
          new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, signing.generateKeyPair(), date);
      PGPKeyPair sub =
          new BcPGPKeyPair(PublicKeyAlgorithmTags.ECDH, encryption.generateKeyPair(), date);
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      // Signed when the key is made, not at the wall clock: tests judge keys at fixed instants.
      hashed.setSignatureCreationTime(false, date);
      hashed.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
      if (validFor != null) hashed.setKeyExpirationTime(false, validFor.toSeconds());
      PGPSignatureSubpacketGenerator subHashed = new PGPSignatureSubpacketGenerator();
      subHashed.setSignatureCreationTime(false, date);
      subHashed.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
      if (validFor != null) subHashed.setKeyExpirationTime(false, validFor.toSeconds());
      PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
      PGPKeyRingGenerator rings =
          new PGPKeyRingGenerator(
              PGPSignature.POSITIVE_CERTIFICATION,
              primary,
              name + " <" + name.toLowerCase().replace(' ', '-') + "@example.org>",
              sha1,
              hashed.generate(),
              null,
              new BcPGPContentSignerBuilder(
                  primary.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
              passphrase == null
                  ? null
                  : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1)
                      .build(passphrase.toCharArray()));
      rings.addSubKey(sub, subHashed.generate(), null);
      PGPSecretKeyRing secretRing = rings.generateSecretKeyRing();
      PGPPublicKeyRing publicRing = rings.generatePublicKeyRing();
      if (revoked) {
        PGPPublicKey key = publicRing.getPublicKey();
        PGPSignatureGenerator revocation =
            new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(key.getAlgorithm(), HashAlgorithmTags.SHA256), key);
        PGPPrivateKey privateKey = primary.getPrivateKey();
        revocation.init(PGPSignature.KEY_REVOCATION, privateKey);
        PGPSignatureSubpacketGenerator when = new PGPSignatureSubpacketGenerator();
        when.setSignatureCreationTime(false, date);
        revocation.setHashedSubpackets(when.generate());
        PGPPublicKey revokedKey =
            PGPPublicKey.addCertification(key, revocation.generateCertification(key));
        publicRing = PGPPublicKeyRing.insertPublicKey(publicRing, revokedKey);
      }
      return new TestKeys(
          armor(secretRing.getEncoded()),
          armor(publicRing.getEncoded()),
          java.util.HexFormat.of()
              .withUpperCase()
              .formatHex(publicRing.getPublicKey().getFingerprint()));
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String armor(byte[] encoded) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
      armor.write(encoded);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  /** Unused keys of the list, for tests that need a few. */
  public static List<TestKeys> several(String... names) {
    List<TestKeys> out = new ArrayList<>();
    for (String n : names) out.add(generate(n));
    return out;
  }
}
