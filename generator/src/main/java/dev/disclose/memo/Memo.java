package dev.disclose.memo;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a build may reuse of the previous build's work. The stages and formats ask it for the values
 * they make of advisories and files (a view, an OSV record, a parse), and it gives back the
 * previous build's value where that was made of an equal input. A one-off build has none: {@link
 * #NONE} makes every value. The preview server's keeps each successful build's values for the next
 * one.
 *
 * <p>A value is kept by {@link Slot} (what kind of value) and key (whose: an advisory's ID, a
 * file's path), with the input it was made of; inputs are compared with {@code equals}, never by
 * reference. Every value must be a pure function of its input, so that a build with a memo writes
 * the same bytes as one without; keys and inputs are plain values, so that a memo can be saved and
 * loaded.
 */
public interface Memo {
  /**
   * A kind of value kept, named for messages and storage; its type parameters tie the input and the
   * value made of it together at compile time. {@code mayLag}: the value is slow to make and a page
   * may show the previous one a while, so a long-running memo may give the previous build's at once
   * and make the new one in the background.
   */
  record Slot<I, V>(String name, boolean mayLag, Optional<Saved<I, V>> saved) {
    public Slot {
      Objects.requireNonNull(name, "name");
    }

    public Slot(String name, boolean mayLag) {
      this(name, mayLag, Optional.empty());
    }

    public Slot(String name) {
      this(name, false);
    }

    /**
     * A slot whose values a build may save for a build in another process, as {@code saved} says.
     */
    public Slot(String name, Saved<I, V> saved) {
      this(name, false, Optional.of(saved));
    }
  }

  /**
   * How a slot's values outlive the process: the digest of an input ({@code fingerprint}, equal for
   * equal inputs in any process) and a value as text and back.
   */
  record Saved<I, V>(
      Function<? super I, byte[]> fingerprint,
      Function<? super V, String> text,
      Function<String, ? extends V> value) {}

  /** No memory: every value is made, nothing is kept. */
  Memo NONE =
      new Memo() {
        @Override
        public <I, V> V get(
            Slot<I, V> slot, String key, I input, Function<? super I, ? extends V> make) {
          return make.apply(input);
        }

        @Override
        public <I, V> V update(
            Slot<I, V> slot,
            String key,
            I input,
            BiFunction<? super I, Optional<V>, ? extends V> make) {
          return make.apply(input, Optional.empty());
        }

        @Override
        public boolean remembers() {
          return false;
        }
      };

  /**
   * The value of {@code key} in {@code slot} made of {@code input}: the previous build's if it was
   * made of an equal input, else {@code make}'s; kept for the next build. A value made now that
   * equals the previous one is replaced by the previous instance, so that what holds it is found
   * unchanged at the cost of a reference comparison.
   */
  <I, V> V get(Slot<I, V> slot, String key, I input, Function<? super I, ? extends V> make);

  /**
   * As {@link #get}, but {@code make} always runs, given the previous build's value of {@code key}
   * (made of any input) to reuse or patch what it can.
   */
  <I, V> V update(
      Slot<I, V> slot, String key, I input, BiFunction<? super I, Optional<V>, ? extends V> make);

  /**
   * Whether values made now are kept for a next build: what only a next build would use need not be
   * made otherwise.
   */
  boolean remembers();
}
