package dev.disclose.advisory;

import java.util.Optional;

/** The response process, step by step, as the security policy describes it. */
public record Timeline(
    Optional<Timestamp> reported,
    Optional<Timestamp> acknowledged,
    Optional<Timestamp> fixed,
    Optional<Timestamp> disclosed) {

  public static final Timeline EMPTY =
      new Timeline(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
