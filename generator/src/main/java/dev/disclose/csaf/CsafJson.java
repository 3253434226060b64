package dev.disclose.csaf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Timestamp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What every CSAF file shares: JSON with its keys in alphabetical order (CSAF 2.0 section 5.3), the
 * file name rule (section 5.1), times, and the hash files (requirement 18).
 */
final class CsafJson {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private static final Pattern NOT_IN_FILE_NAMES = Pattern.compile("[^+\\-a-z0-9]+");

  private CsafJson() {}

  /** {@code node} as UTF-8 JSON, every object's keys sorted, two-space indent, a final newline. */
  static byte[] bytes(JsonNode node) {
    try {
      return (WRITER.writeValueAsString(sorted(node)) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a CSAF document", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = JSON.objectNode();
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String name : names) out.set(name, sorted(object.get(name)));
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JSON.arrayNode();
      array.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }

  /**
   * The file name of the document {@code trackingId} (section 5.1): lower case, every run of other
   * characters than a-z, 0-9, {@code +} and {@code -} one underscore, then {@code .json}.
   */
  static String fileName(String trackingId) {
    return NOT_IN_FILE_NAMES.matcher(trackingId.toLowerCase(Locale.ROOT)).replaceAll("_") + ".json";
  }

  /**
   * An advisory's date as a CSAF time: a date written without a time is noon UTC, as the OSV and
   * CVE exports write it, the same calendar day from UTC-12 to UTC+11.
   */
  static Instant instant(Timestamp t) {
    return t.dateOnly() ? t.instant().plus(Duration.ofHours(12)) : t.instant();
  }

  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /**
   * The hash file of {@code file} named {@code name} (requirement 18): the hex digest, two spaces
   * and the file name, as {@code sha256sum} writes and checks it.
   */
  static byte[] hashFile(String algorithm, byte[] file, String name) {
    try {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(file));
      return (hex + "  " + name + "\n").getBytes(StandardCharsets.US_ASCII);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }
}
