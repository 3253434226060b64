package dev.disclose.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.testing.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.Test;

/** Detached signatures that verify with the public key, made at a chosen time, and refusals. */
class SigningKeyTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final TestKeys SIGNER = TestKeys.generate("CSAF signer");
  static final byte[] TEXT = "{\"document\": {}}\n".getBytes(StandardCharsets.UTF_8);

  static SigningKey key(TestKeys keys, Optional<String> passphrase) throws SealingException {
    return SigningKey.read(
        keys.secret().getBytes(StandardCharsets.US_ASCII),
        passphrase.map(String::toCharArray),
        "DISCLOSE_CSAF_SIGNING_KEY",
        "DISCLOSE_CSAF_SIGNING_PASSPHRASE",
        NOW);
  }

  static PGPSignature signature(byte[] armored) throws Exception {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
      return ((PGPSignatureList) new BcPGPObjectFactory(in).nextObject()).get(0);
    }
  }

  static boolean verifies(byte[] armored, byte[] data, String publicKey) throws Exception {
    OpenPGPCertificate cert = new OpenPGPKeyReader().parseCertificate(publicKey);
    PGPSignature s = signature(armored);
    PGPPublicKey signer = cert.getPGPPublicKeyRing().getPublicKey(s.getKeyID());
    s.init(new BcPGPContentVerifierBuilderProvider(), signer);
    s.update(data);
    return s.verify();
  }

  @Test
  void aSignatureVerifiesWithThePublicKeyAndNothingElse() throws Exception {
    SigningKey key = key(SIGNER, Optional.empty());
    assertThat(key.fingerprint()).isEqualTo(SIGNER.fingerprint());
    byte[] signed = key.sign(TEXT, NOW);
    assertThat(new String(signed, StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN PGP SIGNATURE-----\n\n")
        .doesNotContain("Version:");
    assertThat(verifies(signed, TEXT, SIGNER.publicKey())).isTrue();
    assertThat(verifies(signed, TEXT, key.publicKeyArmored())).isTrue();
    assertThat(verifies(signed, "{}".getBytes(StandardCharsets.UTF_8), SIGNER.publicKey()))
        .isFalse();
    assertThat(key.publicKeyArmored())
        .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
        .doesNotContain("PRIVATE");
  }

  @Test
  void aSignatureIsMadeAtTheTimeGivenNeverBeforeTheKeyAndTheSameEachTime() throws Exception {
    SigningKey key = key(SIGNER, Optional.empty());
    Instant release = Instant.parse("2026-03-04T12:00:00Z");
    assertThat(signature(key.sign(TEXT, release)).getCreationTime().toInstant()).isEqualTo(release);
    assertThat(key.sign(TEXT, release)).isEqualTo(key.sign(TEXT, release));
    Instant beforeTheKey = TestKeys.CREATED.minus(Duration.ofDays(30));
    assertThat(signature(key.sign(TEXT, beforeTheKey)).getCreationTime().toInstant())
        .isEqualTo(TestKeys.CREATED);
  }

  @Test
  void aLockedKeyOpensWithItsPassphraseOnly() throws Exception {
    TestKeys locked = TestKeys.generate("Locked", TestKeys.CREATED, null, "s3cret", false);
    assertThatThrownBy(() -> key(locked, Optional.empty()))
        .isInstanceOf(SealingException.class)
        .hasMessageContaining("protected by a passphrase: set DISCLOSE_CSAF_SIGNING_PASSPHRASE");
    assertThatThrownBy(() -> key(locked, Optional.of("nope")))
        .hasMessageContaining("DISCLOSE_CSAF_SIGNING_PASSPHRASE does not unlock the key");
    SigningKey key = key(locked, Optional.of("s3cret"));
    assertThat(verifies(key.sign(TEXT, NOW), TEXT, locked.publicKey())).isTrue();
  }

  @Test
  void aKeyMadeLaterOrExpiredCannotSignNow() throws Exception {
    TestKeys later = TestKeys.generate("Later", NOW.plus(Duration.ofDays(1)), null, null, false);
    assertThatThrownBy(() -> key(later, Optional.empty()))
        .hasMessageContaining("without a secret key that can sign at " + NOW);
    TestKeys expired =
        TestKeys.generate("Expired", TestKeys.CREATED, Duration.ofDays(30), null, false);
    assertThatThrownBy(() -> key(expired, Optional.empty()))
        .hasMessageContaining("without a secret key that can sign at");
  }
}
