package dev.disclose.pipeline;

import dev.disclose.check.CheckedSite;

/** The check found errors: nothing was built or exported. */
public final class Refused extends Exception {
  private final transient CheckedSite checked;

  Refused(CheckedSite checked) {
    super(checked.errors() + " validation errors");
    this.checked = checked;
  }

  /** The findings, errors among them. */
  public CheckedSite checked() {
    return checked;
  }
}
