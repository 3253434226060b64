package dev.disclose.load;

import dev.disclose.sealing.Recipient;
import dev.disclose.yaml.Position;

/**
 * A public key {@code sealing.recipients} lists, read: the path as written, where site-config.yaml
 * writes it, and the key.
 */
public record SealingRecipient(String path, Position position, Recipient key) {}
