package dev.disclose.advisory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The response process, step by step, as the security policy describes it. */
public record Timeline(
    Optional<Timestamp> reported,
    Optional<Timestamp> acknowledged,
    Optional<Timestamp> assessed,
    Optional<Timestamp> fixed,
    Optional<Timestamp> disclosed) {

  /** The steps' names as the advisory format spells them, in the order they happen. */
  public static final List<String> STEPS =
      List.of("reported", "acknowledged", "assessed", "fixed", "disclosed");

  public static final Timeline EMPTY =
      new Timeline(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * The timeline whose step {@code name} is {@code step.apply(name)}, for each of {@link #STEPS}.
   */
  public static Timeline of(Function<String, Optional<Timestamp>> step) {
    return new Timeline(
        step.apply("reported"),
        step.apply("acknowledged"),
        step.apply("assessed"),
        step.apply("fixed"),
        step.apply("disclosed"));
  }

  /** The step called {@code name}, one of {@link #STEPS}. */
  public Optional<Timestamp> step(String name) {
    return switch (name) {
      case "reported" -> reported;
      case "acknowledged" -> acknowledged;
      case "assessed" -> assessed;
      case "fixed" -> fixed;
      case "disclosed" -> disclosed;
      default -> throw new IllegalArgumentException("no timeline step " + name);
    };
  }

  /** The steps that have a date, by name, in the order they happen. */
  public Map<String, Timestamp> recorded() {
    Map<String, Timestamp> steps = new LinkedHashMap<>();
    for (String name : STEPS) step(name).ifPresent(t -> steps.put(name, t));
    return steps;
  }
}
