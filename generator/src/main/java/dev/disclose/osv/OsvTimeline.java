package dev.disclose.osv;

import dev.disclose.advisory.Timeline;
import dev.disclose.advisory.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The advisory's timeline in OSV's {@code database_specific}: OSV has no field for the response
 * process, and aggregators that show it read it there, each step as the advisory writes it.
 */
final class OsvTimeline {
  static final String KEY = "timeline";

  private OsvTimeline() {}

  /** The recorded steps, in the order they happen; empty when none is. */
  static Map<String, String> of(Timeline timeline) {
    Map<String, String> steps = new LinkedHashMap<>();
    timeline.recorded().forEach((step, t) -> steps.put(step, t.toString()));
    return steps;
  }

  /**
   * The timeline {@code database} holds under {@link #KEY}, removed from it; a value the model
   * cannot hold (an unknown step, a date that does not parse) leaves it where it is.
   */
  static Timeline take(Map<String, Object> database) {
    if (!(database.get(KEY) instanceof Map<?, ?> written) || written.isEmpty()) {
      return Timeline.EMPTY;
    }
    Map<String, Timestamp> steps = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : written.entrySet()) {
      Optional<Timestamp> t =
          e.getValue() instanceof String s ? Timestamp.parse(s) : Optional.empty();
      if (!Timeline.STEPS.contains(String.valueOf(e.getKey())) || t.isEmpty()) {
        return Timeline.EMPTY;
      }
      steps.put(String.valueOf(e.getKey()), t.get());
    }
    database.remove(KEY);
    return Timeline.of(step -> Optional.ofNullable(steps.get(step)));
  }
}
