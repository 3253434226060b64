package dev.disclose.pipeline;

import dev.disclose.memo.Memo;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The memo of a one-off build that remembers itself ({@link BuildCache}): the values of the slots
 * that say how they are {@linkplain Memo.Saved saved} come from the last build, in another process,
 * where their input's fingerprint is the same, and every value made or found now is kept for the
 * next. Every other slot's value is made, as without a memo. Thread-safe.
 */
final class SavedMemo implements Memo {
  /**
   * A saved value: the fingerprint of its input, and the value as text in UTF-8, decoded only if a
   * build uses it, so that a build that finds nothing changed reads it as bytes alone.
   */
  record Value(byte[] fingerprint, byte[] text) {
    String decoded() {
      return new String(text, StandardCharsets.UTF_8);
    }
  }

  private final Map<String, Value> last;
  private final Map<String, Value> now = new ConcurrentHashMap<>();

  /** {@code last}: the last build's values, by {@link #key}. */
  SavedMemo(Map<String, Value> last) {
    this.last = last;
  }

  /** Where a slot's value of a key is kept. */
  static String key(Slot<?, ?> slot, String key) {
    return slot.name() + "\0" + key;
  }

  @Override
  public <I, V> V get(Slot<I, V> slot, String key, I input, Function<? super I, ? extends V> make) {
    if (slot.saved().isEmpty()) return make.apply(input);
    Memo.Saved<I, V> saved = slot.saved().get();
    String k = key(slot, key);
    byte[] fingerprint = saved.fingerprint().apply(input);
    Value before = last.get(k);
    if (before != null && Arrays.equals(before.fingerprint(), fingerprint)) {
      now.put(k, before);
      return saved.value().apply(before.decoded());
    }
    V made = make.apply(input);
    now.put(k, new Value(fingerprint, saved.text().apply(made).getBytes(StandardCharsets.UTF_8)));
    return made;
  }

  @Override
  public <I, V> V update(
      Slot<I, V> slot, String key, I input, BiFunction<? super I, Optional<V>, ? extends V> make) {
    return make.apply(input, Optional.empty());
  }

  /** Values made by any other memo are not kept: what only a next build would use is not made. */
  @Override
  public boolean remembers() {
    return false;
  }

  /** The values this build made or found, for the next. */
  Map<String, Value> values() {
    return Map.copyOf(now);
  }
}
