package dev.disclose.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/** {@code --now}: the moment a command judges dates against, so runs and tests are exact. */
public final class NowOption {
  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "The moment to judge dates against, e.g. 2026-01-19T16:00:00Z (default: the clock).")
  Instant now;

  Instant resolve(Environment env) {
    return now != null ? now : env.clock().instant();
  }
}
