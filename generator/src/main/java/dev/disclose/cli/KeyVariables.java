package dev.disclose.cli;

import dev.disclose.load.SiteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The environment variables that give a command an armored secret key: the key itself in {@code
 * key}, or the file {@code keyFile} names, and its passphrase in {@code passphrase}. CI secrets
 * come in the first way, a key on a workstation in the second.
 */
record KeyVariables(String key, String keyFile, String passphrase) {
  /**
   * A key as given: its armored bytes, where they came from (for messages), and its passphrase if
   * one was set.
   */
  record Given(byte[] armored, String source, Optional<char[]> passphrase) {}

  /**
   * The key {@code env} gives, if any; refused when both ways are set or the file is unreadable.
   */
  Optional<Given> read(Environment env) throws SiteException {
    String inline = env.variables().get(key);
    String file = env.variables().get(keyFile);
    if (inline != null && inline.isBlank()) inline = null;
    if (file != null && file.isBlank()) file = null;
    if (inline != null && file != null) {
      throw new SiteException(key + " and " + keyFile + " are both set: set one of them");
    }
    Optional<char[]> secret =
        Optional.ofNullable(env.variables().get(passphrase)).map(String::toCharArray);
    if (inline != null) {
      return Optional.of(new Given(inline.getBytes(StandardCharsets.UTF_8), key, secret));
    }
    if (file == null) return Optional.empty();
    Path path = env.workingDirectory().resolve(file);
    try {
      return Optional.of(new Given(Files.readAllBytes(path), keyFile + " (" + file + ")", secret));
    } catch (IOException e) {
      throw new SiteException(
          "cannot read the key file " + file + " that " + keyFile + " names: " + e.getMessage(), e);
    }
  }
}
