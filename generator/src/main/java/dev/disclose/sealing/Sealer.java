package dev.disclose.sealing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/** Seals an advisory's bytes to every recipient: one OpenPGP message, ASCII-armored. */
public final class Sealer {
  private Sealer() {}

  /**
   * {@code plaintext} encrypted to the valid encryption subkeys of every recipient, as armored text
   * without headers (no Version or Comment line says which tool made it).
   */
  public static String seal(byte[] plaintext, List<Recipient> recipients, Instant now)
      throws SealingException {
    for (Recipient r : recipients) {
      if (r.problemAt(now).isPresent()) throw new SealingException(r.problemAt(now).get());
    }
    if (recipients.isEmpty()) {
      throw new SealingException(
          "site-config.yaml lists no `sealing.recipients`: add the security team's and the"
              + " publishing CI's public keys");
    }
    SecureRandom random = new SecureRandom();
    PGPEncryptedDataGenerator generator =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true)
                .setSecureRandom(random));
    for (Recipient r : recipients) {
      for (PGPPublicKey key : r.encryptionKeys(now)) {
        generator.addMethod(
            new BcPublicKeyKeyEncryptionMethodGenerator(key).setSecureRandom(random));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out);
      try (OutputStream encrypted = generator.open(armor, new byte[1 << 14])) {
        // No file name and a fixed date: the literal packet carries the bytes and nothing else.
        PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
        try (OutputStream data =
            literal.open(encrypted, PGPLiteralData.BINARY, "", plaintext.length, new Date(0))) {
          data.write(plaintext);
        }
      }
      armor.close();
    } catch (IOException | PGPException e) {
      throw new SealingException("cannot seal the advisory: " + e.getMessage(), e);
    }
    return out.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
  }
}
