package dev.disclose.pipeline;

/** Told what a build is doing, for a progress line on a terminal. Called from several threads. */
public interface Progress {
  Progress NONE = new Progress() {};

  /** A new phase starts: "validating", "planning pages", "publishing". */
  default void phase(String what) {}

  /** {@code done} of {@code total} pages are rendered. */
  default void pages(int done, int total) {}
}
