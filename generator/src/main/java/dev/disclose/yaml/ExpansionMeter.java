package dev.disclose.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A parser that counts the characters of a document's scalars as the composer takes its events,
 * each alias counting as everything its anchor holds, and stops at the first alias that takes the
 * total past a limit: the sizes are known from the events alone, so a value repeated by aliases is
 * refused before anything is expanded.
 */
final class ExpansionMeter implements Parser {
  private final Parser parser;
  private final long limit;
  private long total;

  /** The characters each anchor holds, once its node is complete. */
  private final Map<String, Long> anchored = new HashMap<>();

  /** The collections open with an anchor: the anchor and the total when it opened. */
  private final Deque<Open> open = new ArrayDeque<>();

  private record Open(String anchor, long totalAtStart) {}

  /** Where the total first went past the limit, and the anchor the alias there repeats, if any. */
  static final class Exceeded extends RuntimeException {
    final Mark mark;
    final String anchor;

    Exceeded(Mark mark, String anchor) {
      super(null, null, false, false);
      this.mark = mark;
      this.anchor = anchor;
    }
  }

  ExpansionMeter(Parser parser, long limit) {
    this.parser = parser;
    this.limit = limit;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public Event getEvent() {
    Event event = parser.getEvent();
    if (event instanceof ScalarEvent scalar) {
      total += scalar.getValue().length();
      if (scalar.getAnchor() != null)
        anchored.put(scalar.getAnchor(), (long) scalar.getValue().length());
      if (total > limit) throw new Exceeded(scalar.getStartMark(), null);
    } else if (event instanceof AliasEvent alias) {
      // An anchor still open refers to itself: the composer refuses that, and it adds nothing here.
      total += anchored.getOrDefault(alias.getAnchor(), 0L);
      if (total > limit) throw new Exceeded(alias.getStartMark(), alias.getAnchor());
    } else if (event instanceof CollectionStartEvent start) {
      // Every collection is pushed, anchored or not, so that each end pops its own start.
      open.push(new Open(start.getAnchor(), total));
    } else if (event instanceof CollectionEndEvent) {
      Open start = open.pop();
      if (start.anchor() != null) anchored.put(start.anchor(), total - start.totalAtStart());
    }
    return event;
  }
}
