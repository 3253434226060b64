package dev.disclose.cli;

import dev.disclose.advisory.Timestamp;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --now}: an RFC 3339 instant or a date (00:00 UTC). */
public final class InstantConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    return Timestamp.parse(value)
        .map(Timestamp::instant)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "`" + value + "` is not an instant; write 2026-01-19T16:00:00Z or 2026-01-19"));
  }
}
