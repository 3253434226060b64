package dev.disclose.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.load.SourceDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code disclose-build.json}, at the root of every published build: what the build was made of and
 * what it holds, so that a scheduled job can tell without building whether a build now would
 * publish anything new ({@code disclose due}). The file is public, like the site: it names no
 * embargo that has not lifted, and no instant one lifts at (docs/embargo.md).
 *
 * @param generator the generator's version
 * @param sources the digest of the build's public inputs ({@link SourceDigest}: no advisory that is
 *     not public) and the generator's version
 * @param content the digest of every other file of the output, as {@code sha256sum} lists them
 * @param nextChange the first instant after the build at which its output changes though nothing in
 *     the repository does, among the changes the site announces anyway (security.txt's renewal);
 *     embargoes are not among them
 */
public record BuildManifest(
    String generator, String sources, String content, Optional<Instant> nextChange) {
  public static final String FILE = "disclose-build.json";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The {@code sources} digest of a build by {@code generator} of files digested as {@code files}.
   */
  public static String sources(String files, String generator) {
    return SourceDigest.sha256(
        ("generator " + generator + "\nfiles " + files + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The file's bytes: the same manifest, the same bytes, on every machine (written here rather than
   * by a pretty printer, whose line ends are the platform's).
   */
  public byte[] json() {
    String next = nextChange.map(i -> string(i.toString())).orElse("null");
    return ("{\n"
            + ("  \"generator\": " + string(generator) + ",\n")
            + ("  \"sources\": " + string(sources) + ",\n")
            + ("  \"content\": " + string(content) + ",\n")
            + ("  \"next_change\": " + next + "\n")
            + "}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String string(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The manifest {@code bytes} hold, or why they hold none: not JSON, or a field missing or not of
   * its form.
   */
  public static BuildManifest parse(byte[] bytes) throws IllegalArgumentException {
    JsonNode o;
    try {
      o = JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("it is not JSON");
    }
    if (o == null || !o.isObject()) throw new IllegalArgumentException("it is not a JSON object");
    String generator = text(o, "generator");
    String sources = text(o, "sources");
    String content = text(o, "content");
    for (String digest : List.of(sources, content)) {
      if (!SHA256.matcher(digest).matches())
        throw new IllegalArgumentException("a digest is not 64 lowercase hex digits");
    }
    JsonNode next = o.get("next_change");
    Optional<Instant> nextChange = Optional.empty();
    if (next != null && !next.isNull()) {
      if (!next.isTextual())
        throw new IllegalArgumentException("`next_change` is neither an instant nor null");
      try {
        nextChange = Optional.of(Instant.parse(next.asText()));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("`next_change` is not an RFC 3339 instant");
      }
    }
    return new BuildManifest(generator, sources, content, nextChange);
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual())
      throw new IllegalArgumentException("`" + field + "` is missing or not a string");
    return v.asText();
  }
}
