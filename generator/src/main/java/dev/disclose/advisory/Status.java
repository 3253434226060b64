package dev.disclose.advisory;

/** Where an advisory is in its life. Only PUBLISHED and WITHDRAWN are ever public. */
public enum Status {
  DRAFT,
  EMBARGOED,
  PUBLISHED,
  WITHDRAWN;

  public String spelling() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
