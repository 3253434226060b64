package dev.disclose.memo;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The memo of one command that runs a stage more than once, such as an import that loads the site
 * before changing it and checks it after: a value made of an input is made again only when the
 * input changed. Nothing outlives the command; thread-safe, since the stages work in parallel.
 */
public final class CommandMemo implements Memo {
  /** A value, and the input it was made of. */
  private record Entry(Object input, Object value) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  @SuppressWarnings("unchecked")
  public <I, V> V get(Slot<I, V> slot, String key, I input, Function<? super I, ? extends V> make) {
    String k = slot.name() + "\0" + key;
    Entry before = entries.get(k);
    if (before != null && Objects.equals(before.input(), input)) return (V) before.value();
    V made = make.apply(input);
    entries.put(k, new Entry(input, made));
    return made;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <I, V> V update(
      Slot<I, V> slot, String key, I input, BiFunction<? super I, Optional<V>, ? extends V> make) {
    String k = slot.name() + "\0" + key;
    Entry before = entries.get(k);
    V made = make.apply(input, before == null ? Optional.empty() : Optional.of((V) before.value()));
    entries.put(k, new Entry(input, made));
    return made;
  }

  @Override
  public boolean remembers() {
    return true;
  }
}
