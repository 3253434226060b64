package dev.disclose.sealing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

/**
 * The secret key that opens sealed advisories (a CI secret, or a team member's key), unlocked once.
 * It opens them in memory: nothing it decrypts is written anywhere by this class.
 */
public final class SealingKey {
  /**
   * Sealed files are advisories: far under this, which bounds what a crafted file can inflate to.
   */
  private static final int MAX_PLAINTEXT = 4 * 1024 * 1024;

  private final String source;
  private final String fingerprint;
  private final Optional<Instant> expires;
  private final Map<Long, PGPPrivateKey> privateKeys;

  private SealingKey(
      String source,
      String fingerprint,
      Optional<Instant> expires,
      Map<Long, PGPPrivateKey> privateKeys) {
    this.source = source;
    this.fingerprint = fingerprint;
    this.expires = expires;
    this.privateKeys = Map.copyOf(privateKeys);
  }

  /**
   * The armored secret key in {@code armored}, unlocked with {@code passphrase} if it has one;
   * {@code source} names where it came from in messages (an environment variable, a file).
   */
  public static SealingKey read(byte[] armored, Optional<char[]> passphrase, String source)
      throws SealingException {
    OpenPGPKey key = ArmoredSecretKeys.read(armored, source, "secret");
    PGPSecretKeyRing ring = key.getPGPSecretKeyRing();
    String fingerprint = Fingerprints.of(ring.getPublicKey().getFingerprint());
    Map<Long, PGPPrivateKey> privateKeys = new LinkedHashMap<>();
    for (PGPSecretKey secret : ring) {
      if (secret.isPrivateKeyEmpty()) continue; // a stub: gpg exported the public half only
      boolean locked = secret.getKeyEncryptionAlgorithm() != 0;
      if (locked && passphrase.isEmpty()) {
        throw new SealingException(
            "the key "
                + fingerprint
                + " in "
                + source
                + " is protected by a passphrase: set DISCLOSE_SEALING_PASSPHRASE");
      }
      try {
        PGPPrivateKey unlocked =
            secret.extractPrivateKey(
                locked
                    ? new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                        .build(passphrase.get())
                    : null);
        if (unlocked != null) privateKeys.put(secret.getKeyID(), unlocked);
      } catch (PGPException | RuntimeException e) {
        throw new SealingException(
            "DISCLOSE_SEALING_PASSPHRASE does not unlock the key "
                + fingerprint
                + " in "
                + source
                + ": set the key's passphrase");
      }
    }
    if (privateKeys.isEmpty()) {
      throw new SealingException(
          source
              + " holds the key "
              + fingerprint
              + " without its secret parts: export them with gpg --armor --export-secret-keys "
              + fingerprint);
    }
    Optional<Instant> expires =
        Optional.ofNullable(key.getExpirationTime()).map(java.util.Date::toInstant);
    return new SealingKey(source, fingerprint, expires, privateKeys);
  }

  /** The primary key's fingerprint, upper-case hex. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Where the key came from: the environment variable or file. */
  public String source() {
    return source;
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
              + " 1y), then update the secret and the public key in `sealing.recipients`");
    }
    return Optional.empty();
  }

  /**
   * The plaintext sealed in {@code armored}, decrypted in memory; refused when it is not a sealed
   * message, is not sealed to this key, or was altered.
   */
  public byte[] open(byte[] armored) throws SealingException {
    PGPEncryptedDataList list = encryptedData(armored);
    List<String> sealedFor = new ArrayList<>();
    PGPPublicKeyEncryptedData chosen = null;
    PGPPrivateKey privateKey = null;
    for (PGPEncryptedData data : list) {
      if (!(data instanceof PGPPublicKeyEncryptedData pked)) continue;
      sealedFor.add(Fingerprints.of(pked.getKeyIdentifier()));
      PGPPrivateKey match = privateKeys.get(pked.getKeyIdentifier().getKeyId());
      if (match != null && chosen == null) {
        chosen = pked;
        privateKey = match;
      }
    }
    if (chosen == null) {
      throw new SealingException(
          "is sealed for the keys "
              + (sealedFor.isEmpty() ? "(none: it needs a password)" : String.join(", ", sealedFor))
              + ", not for the key "
              + fingerprint
              + " in "
              + source
              + " (its keys "
              + String.join(", ", keyIds())
              + "): use a recipient's key, or have a recipient run `disclose edit` to re-seal it"
              + " for `sealing.recipients`");
    }
    try {
      InputStream clear = chosen.getDataStream(new BcPublicKeyDataDecryptorFactory(privateKey));
      byte[] plaintext = literal(new BcPGPObjectFactory(clear));
      if (!chosen.isIntegrityProtected() || !chosen.verify()) {
        throw new SealingException(
            "failed its integrity check: the file was altered; restore it from git history");
      }
      return plaintext;
    } catch (PGPException | IOException | RuntimeException e) {
      throw new SealingException(
          "cannot be decrypted with the key "
              + fingerprint
              + " ("
              + e.getMessage()
              + "): restore the file from git history, or seal the advisory again");
    }
  }

  /** The key IDs of the keys sealed in {@code armored}, for messages. */
  public static List<String> recipientsOf(byte[] armored) throws SealingException {
    List<String> out = new ArrayList<>();
    for (PGPEncryptedData data : encryptedData(armored)) {
      if (data instanceof PGPPublicKeyEncryptedData pked)
        out.add(Fingerprints.of(pked.getKeyIdentifier()));
    }
    return out;
  }

  private List<String> keyIds() {
    return privateKeys.keySet().stream().map(id -> String.format("%016X", id)).toList();
  }

  private static PGPEncryptedDataList encryptedData(byte[] armored) throws SealingException {
    String text = new String(armored, StandardCharsets.US_ASCII).stripLeading();
    if (!text.startsWith("-----BEGIN PGP MESSAGE-----")) {
      throw new SealingException(
          "is not an ASCII-armored OpenPGP message (it must start with -----BEGIN PGP MESSAGE-----):"
              + " restore it from git history, or replace it with the plaintext <ID>.md and run"
              + " `disclose seal ID`");
    }
    try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(armored))) {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
      Object next;
      while ((next = factory.nextObject()) != null) {
        if (next instanceof PGPMarker) continue;
        if (next instanceof PGPEncryptedDataList list) return list;
        break;
      }
    } catch (IOException | RuntimeException e) {
      throw new SealingException(
          "is a damaged OpenPGP message ("
              + e.getMessage()
              + "): restore it from git history, or seal the advisory again");
    }
    throw new SealingException(
        "holds no encrypted data: restore it from git history, or seal the advisory again");
  }

  /** The literal data of a decrypted message, through one layer of compression at most. */
  private static byte[] literal(BcPGPObjectFactory factory) throws IOException, PGPException {
    Object next = factory.nextObject();
    if (next instanceof PGPCompressedData compressed) {
      next = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
    }
    if (!(next instanceof PGPLiteralData literal)) {
      throw new PGPException("the message holds no literal data");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = literal.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_PLAINTEXT) throw new PGPException("the plaintext is too large");
      }
    }
    return out.toByteArray();
  }
}
