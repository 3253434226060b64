package dev.disclose.advisory;

import java.util.Locale;

/** Where an advisory is in its life. Only PUBLISHED and WITHDRAWN are ever public. */
public enum Status {
  DRAFT,
  EMBARGOED,
  PUBLISHED,
  WITHDRAWN;

  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
