package dev.disclose.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sealing to several keys, opening with one, and each way a key or a sealed file is refused. */
class SealerTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final TestKeys TEAM = TestKeys.generate("Security Team");
  static final TestKeys CI = TestKeys.generate("Publishing CI");
  static final byte[] TEXT = "---\nid: X\n---\nsecret canary\n".getBytes(StandardCharsets.UTF_8);

  static Recipient recipient(TestKeys keys) throws SealingException {
    return Recipient.read(keys.publicKey().getBytes(StandardCharsets.US_ASCII));
  }

  static SealingKey key(TestKeys keys) throws SealingException {
    return SealingKey.read(
        keys.secret().getBytes(StandardCharsets.US_ASCII),
        Optional.empty(),
        "DISCLOSE_SEALING_KEY");
  }

  @Test
  void everyRecipientOpensWhatIsSealedAndTheArmorHasNoHeaders() throws Exception {
    String sealed = Sealer.seal(TEXT, List.of(recipient(TEAM), recipient(CI)), NOW);
    assertThat(sealed).startsWith("-----BEGIN PGP MESSAGE-----\n\n").doesNotContain("Version:");
    assertThat(sealed).doesNotContain("canary");
    byte[] bytes = sealed.getBytes(StandardCharsets.US_ASCII);
    assertThat(key(TEAM).open(bytes)).isEqualTo(TEXT);
    assertThat(key(CI).open(bytes)).isEqualTo(TEXT);
    assertThat(SealingKey.recipientsOf(bytes)).hasSize(2);
  }

  @Test
  void aKeyNotAmongTheRecipientsIsNamedWithTheRecipients() throws Exception {
    byte[] sealed =
        Sealer.seal(TEXT, List.of(recipient(TEAM)), NOW).getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> key(CI).open(sealed))
        .isInstanceOf(SealingException.class)
        .hasMessageContaining("is sealed for the keys")
        .hasMessageContaining(CI.fingerprint());
  }

  @Test
  void expiredAndRevokedRecipientsAreRefused() throws Exception {
    TestKeys expired =
        TestKeys.generate(
            "Old", Instant.parse("2024-01-01T00:00:00Z"), Duration.ofDays(365), null, false);
    TestKeys revoked = TestKeys.generate("Gone", TestKeys.CREATED, null, null, true);
    assertThat(recipient(expired).problemAt(NOW))
        .hasValueSatisfying(m -> assertThat(m).contains(expired.fingerprint()).contains("expired"));
    assertThat(recipient(revoked).problemAt(NOW))
        .hasValueSatisfying(m -> assertThat(m).contains(revoked.fingerprint()).contains("revoked"));
    assertThatThrownBy(() -> Sealer.seal(TEXT, List.of(recipient(expired)), NOW))
        .hasMessageContaining("expired");
  }

  @Test
  void aSecretKeyOrNoKeyIsNotARecipient() {
    assertThatThrownBy(() -> Recipient.read(TEAM.secret().getBytes(StandardCharsets.US_ASCII)))
        .hasMessageContaining("SECRET key");
    assertThatThrownBy(() -> Recipient.read("hello".getBytes(StandardCharsets.US_ASCII)))
        .hasMessageContaining("not an ASCII-armored OpenPGP public key");
  }

  @Test
  void aPassphraseIsNeededAndChecked() throws Exception {
    TestKeys locked = TestKeys.generate("Locked", TestKeys.CREATED, null, "s3cret", false);
    byte[] secret = locked.secret().getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> SealingKey.read(secret, Optional.empty(), "K"))
        .hasMessageContaining("DISCLOSE_SEALING_PASSPHRASE");
    assertThatThrownBy(() -> SealingKey.read(secret, Optional.of("wrong".toCharArray()), "K"))
        .hasMessageContaining("does not unlock")
        .hasMessageContaining(locked.fingerprint());
    SealingKey key = SealingKey.read(secret, Optional.of("s3cret".toCharArray()), "K");
    byte[] sealed =
        Sealer.seal(TEXT, List.of(recipient(locked)), NOW).getBytes(StandardCharsets.US_ASCII);
    assertThat(key.open(sealed)).isEqualTo(TEXT);
  }

  @Test
  void damagedFilesAreRefused() throws Exception {
    assertThatThrownBy(() -> key(TEAM).open("plain text".getBytes(StandardCharsets.US_ASCII)))
        .hasMessageContaining("not an ASCII-armored OpenPGP message");
    String sealed = Sealer.seal(TEXT, List.of(recipient(TEAM)), NOW);
    String broken = sealed.replaceFirst("\n\n(.{10})", "\n\nAAAAAAAAAA");
    assertThatThrownBy(() -> key(TEAM).open(broken.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(SealingException.class);
  }

  @Test
  void anExpiredDecryptionKeyIsNamed() throws Exception {
    TestKeys expired =
        TestKeys.generate(
            "Old", Instant.parse("2024-01-01T00:00:00Z"), Duration.ofDays(365), null, false);
    assertThat(key(expired).problemAt(NOW))
        .hasValueSatisfying(m -> assertThat(m).contains(expired.fingerprint()).contains("expired"));
  }
}
