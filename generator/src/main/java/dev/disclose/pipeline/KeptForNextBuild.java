package dev.disclose.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values a build of the preview server made, found again by the next build: what a build used
 * is kept, what it did not use is dropped, so the memory follows the site. A failed build's
 * values are dropped and the next build finds the last successful one's. Thread-safe within a
 * build (pages are planned in parallel).
 */
final class KeptForNextBuild<K, V> {
  private volatile Map<K, V> previous = new ConcurrentHashMap<>();
  private volatile Map<K, V> current = new ConcurrentHashMap<>();

  /** The value for {@code key}: this build's, else the previous build's, else {@code make}'s; kept. */
  V get(K key, Function<K, V> make) {
    V value = current.get(key);
    if (value == null) value = previous.get(key);
    if (value == null) value = make.apply(key);
    current.put(key, value);
    return value;
  }

  /** The previous build's value for {@code key}, or null; not kept by asking. */
  V previous(K key) {
    return previous.get(key);
  }

  /** Keeps {@code value} for the next build. */
  void keep(K key, V value) {
    current.put(key, value);
  }

  /** The build succeeded: the next one finds what it kept. */
  void advance() {
    previous = current;
    current = new ConcurrentHashMap<>();
  }

  /** The build failed: the next one finds the previous build's values. */
  void discard() {
    current = new ConcurrentHashMap<>();
  }
}
