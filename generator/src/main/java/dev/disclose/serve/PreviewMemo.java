package dev.disclose.serve;

import dev.disclose.memo.Memo;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The preview server's memo: what each successful build made, found again by the next. What a build
 * used is kept, what it did not use is dropped, so the memo follows the site; a failed build's
 * values are dropped, and the next build finds the last successful one's. Thread-safe within a
 * build (advisories are planned in parallel); one build at a time.
 *
 * <p>A slot that {@linkplain Slot#mayLag may lag} gets its new value made in the background once
 * the build is written, while that build shows the previous one; {@link Listener#ready} says when a
 * rebuild would show the new one.
 */
public final class PreviewMemo implements Memo {
  /** Told what the background work did: for the preview server's log. */
  public interface Listener {
    Listener NONE = new Listener() {};

    /**
     * The value of {@code slot} a build showed the previous one of is made, after {@code millis}: a
     * rebuild would show it.
     */
    default void ready(Slot<?, ?> slot, long millis) {}

    /** Making it failed; the next build tries again. */
    default void failed(Slot<?, ?> slot, String message) {}
  }

  /** A value, and the input it was made of. */
  private record Entry(Object input, Object value) {}

  /** A lagging value's state: the latest one made, and the one being made in the background. */
  private static final class Lagging {
    Entry made;
    Object pendingInput;
    Runnable queued;
    Future<?> pending = CompletableFuture.completedFuture(null);
    volatile Thread runner;

    /** Whether the latest build showed the previous value while the new one is made. */
    boolean provisional;
  }

  private final ExecutorService background;
  private final boolean lag;
  private volatile Listener listener = Listener.NONE;

  /** Each build's values, by slot name and key. */
  private volatile Map<String, Map<String, Entry>> previous = new ConcurrentHashMap<>();

  private volatile Map<String, Map<String, Entry>> current = new ConcurrentHashMap<>();

  /** The lagging slots' states, by slot name and key. */
  private final Map<String, Lagging> lagging = new ConcurrentHashMap<>();

  /**
   * {@code background}: where lagging values are made (its parallel streams run there too); {@code
   * lag}: whether slots that may lag do, else their values are made at once.
   */
  public PreviewMemo(ExecutorService background, boolean lag) {
    this.background = background;
    this.lag = lag;
  }

  public void listener(Listener l) {
    listener = l;
  }

  @Override
  public boolean remembers() {
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <I, V> V get(Slot<I, V> slot, String key, I input, Function<? super I, ? extends V> make) {
    if (slot.mayLag())
      return (V) lagging(slot.name() + "\0" + key, slot, input, (Function<Object, Object>) make);
    Entry before = of(previous, slot).get(key);
    if (before != null && Objects.equals(before.input(), input)) {
      of(current, slot).put(key, before);
      return (V) before.value();
    }
    V made = make.apply(input);
    // An equal value is last build's instance: what holds it is then found unchanged by reference.
    Object kept = before != null && Objects.equals(before.value(), made) ? before.value() : made;
    of(current, slot).put(key, new Entry(input, kept));
    return (V) kept;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <I, V> V update(
      Slot<I, V> slot, String key, I input, BiFunction<? super I, Optional<V>, ? extends V> make) {
    Map<String, Entry> now = of(current, slot);
    Entry before = now.get(key);
    if (before == null) before = of(previous, slot).get(key);
    V made = make.apply(input, before == null ? Optional.empty() : Optional.of((V) before.value()));
    now.put(key, new Entry(input, made));
    return made;
  }

  /** A generation's values of {@code slot}, by key. */
  private static Map<String, Entry> of(
      Map<String, Map<String, Entry>> generation, Slot<?, ?> slot) {
    Map<String, Entry> values = generation.get(slot.name());
    return values != null
        ? values
        : generation.computeIfAbsent(slot.name(), s -> new ConcurrentHashMap<>());
  }

  /**
   * The value of a lagging slot: the latest made if of an equal input, else made now if none was,
   * else the latest while the new one is made later.
   */
  private synchronized Object lagging(
      String k, Slot<?, ?> slot, Object input, Function<Object, Object> make) {
    Lagging state = lagging.computeIfAbsent(k, x -> new Lagging());
    state.provisional = false;
    if (state.made != null && Objects.equals(state.made.input(), input)) return state.made.value();
    if (state.made == null || !lag) {
      state.made = new Entry(input, make.apply(input));
      return state.made.value();
    }
    if (!Objects.equals(input, state.pendingInput)) {
      cancel(state); // a newer edit: the value under way would be of no use
      state.pendingInput = input;
      state.queued = () -> makeInBackground(state, slot, input, make);
    }
    state.provisional = true;
    return state.made.value();
  }

  private void makeInBackground(
      Lagging state, Slot<?, ?> slot, Object input, Function<Object, Object> make) {
    long start = System.nanoTime();
    synchronized (this) {
      if (!Objects.equals(input, state.pendingInput)) return; // superseded before it started
      state.runner = Thread.currentThread();
    }
    try {
      Object value = make.apply(input);
      synchronized (this) {
        if (!Objects.equals(input, state.pendingInput)) return;
        state.made = new Entry(input, value);
        state.pendingInput = null;
      }
      listener.ready(slot, (System.nanoTime() - start) / 1_000_000);
    } catch (CancellationException e) {
      // a newer edit's value follows
    } catch (RuntimeException | OutOfMemoryError e) {
      synchronized (this) {
        if (Objects.equals(input, state.pendingInput))
          state.pendingInput = null; // the next build tries again
      }
      listener.failed(slot, e.getMessage() == null ? e.toString() : e.getMessage());
    } finally {
      synchronized (this) {
        state.runner = null;
        Thread.interrupted(); // a cancellation's interrupt ends with its task
      }
    }
  }

  /**
   * Interrupts the making of {@code state}'s pending value, if under way (under this memo's lock).
   */
  private static void cancel(Lagging state) {
    Thread runner = state.runner;
    if (runner != null) runner.interrupt();
  }

  /**
   * Whether the latest build showed a lagging slot's previous value and the new one is now made.
   */
  public synchronized boolean settled() {
    return lagging.values().stream().anyMatch(s -> s.provisional && s.pendingInput == null);
  }

  /**
   * The build succeeded: the next one finds what it made; the lagging values it asked for start
   * being made.
   */
  public synchronized void commit() {
    previous = current;
    // Sized for what this build kept, so the next build does not grow them as it goes.
    Map<String, Map<String, Entry>> next = new ConcurrentHashMap<>();
    previous.forEach((slot, values) -> next.put(slot, new ConcurrentHashMap<>(values.size())));
    current = next;
    for (Lagging state : lagging.values()) {
      if (state.queued == null) continue;
      state.pending = background.submit(state.queued);
      state.queued = null;
    }
  }

  /**
   * The build failed: the next one finds the last successful build's values, and asks again for the
   * lagging ones.
   */
  public synchronized void abandon() {
    Map<String, Map<String, Entry>> next = new ConcurrentHashMap<>();
    previous.forEach((slot, values) -> next.put(slot, new ConcurrentHashMap<>(values.size())));
    current = next;
    for (Lagging state : lagging.values()) {
      if (state.queued == null) continue;
      state.queued = null;
      state.pendingInput = null;
    }
  }

  /** Waits until the lagging values under way are made (tests). */
  void awaitLagging(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (Lagging state : lagging.values()) {
      Future<?> pending;
      synchronized (this) {
        pending = state.pending;
      }
      try {
        pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException | CancellationException e) {
        // reported to the listener
      }
    }
  }

  /**
   * This memo as the background's work reads it (the exports' bundles): the latest build's values
   * for equal inputs, else made; nothing kept, since the next build may be running.
   */
  public Memo reading() {
    return new Memo() {
      @Override
      @SuppressWarnings("unchecked")
      public <I, V> V get(
          Slot<I, V> slot, String key, I input, Function<? super I, ? extends V> make) {
        Entry known = of(previous, slot).get(key);
        return known != null && Objects.equals(known.input(), input)
            ? (V) known.value()
            : make.apply(input);
      }

      @Override
      @SuppressWarnings("unchecked")
      public <I, V> V update(
          Slot<I, V> slot,
          String key,
          I input,
          BiFunction<? super I, Optional<V>, ? extends V> make) {
        Entry known = of(previous, slot).get(key);
        return make.apply(input, known == null ? Optional.empty() : Optional.of((V) known.value()));
      }

      @Override
      public boolean remembers() {
        return false;
      }
    };
  }
}
