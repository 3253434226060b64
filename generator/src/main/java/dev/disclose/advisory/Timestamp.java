package dev.disclose.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A point in time as an advisory states it: a calendar date (read as 00:00 UTC) or an instant.
 * Which of the two was written is kept, so a date stays a date in RustSec output.
 */
public record Timestamp(Instant instant, boolean dateOnly) implements Comparable<Timestamp> {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern INSTANT =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

  public static Timestamp ofDate(LocalDate date) {
    return new Timestamp(date.atStartOfDay(ZoneOffset.UTC).toInstant(), true);
  }

  public static Timestamp ofInstant(Instant instant) {
    return new Timestamp(instant, false);
  }

  /** Parses {@code 2025-03-04} or an RFC 3339 instant; empty for anything else. */
  public static Optional<Timestamp> parse(String text) {
    try {
      if (DATE.matcher(text).matches()) {
        return Optional.of(ofDate(LocalDate.parse(text)));
      }
      if (INSTANT.matcher(text).matches()) {
        return Optional.of(
            ofInstant(
                OffsetDateTime.parse(
                        text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()));
      }
    } catch (DateTimeParseException e) {
      // 2025-02-30 and the like: fall through
    }
    return Optional.empty();
  }

  public LocalDate date() {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public int compareTo(Timestamp o) {
    return instant.compareTo(o.instant);
  }

  /** As written in the format: {@code 2025-03-04} or {@code 2025-03-04T16:00:00Z} (UTC). */
  @Override
  public String toString() {
    return dateOnly ? date().toString() : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
