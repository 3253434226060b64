package dev.disclose.announce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Timestamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code .disclose/announced.json}: since when {@code disclose announce --new} announces, and what
 * it has announced, committed by the publish workflow so that a late or skipped run neither repeats
 * a post nor misses one. Without the file, announcing starts now: advisories published before it
 * was enabled are not posted again.
 */
public record AnnouncedLedger(Instant since, Map<String, Instant> announced) {
  public static final String FILE = ".disclose/announced.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public AnnouncedLedger {
    announced = Map.copyOf(announced);
  }

  /**
   * The ledger in {@code file}, or a new one starting {@code now}; an unreadable one is an error.
   */
  public static AnnouncedLedger read(Path file, Instant now) throws AnnouncementException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return new AnnouncedLedger(now, Map.of());
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 1 << 20)
        throw new IOException("not a regular file of at most 1 MiB");
      JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      Instant since = Instant.parse(root.path("since").asText());
      Map<String, Instant> announced = new TreeMap<>();
      root.path("announced")
          .fields()
          .forEachRemaining(e -> announced.put(e.getKey(), Instant.parse(e.getValue().asText())));
      return new AnnouncedLedger(since, announced);
    } catch (IOException | RuntimeException e) {
      throw new AnnouncementException(
          FILE
              + " cannot be read ("
              + e.getMessage()
              + "); restore it from git, or delete it to announce only what is published from now"
              + " on");
    }
  }

  /** The public advisories published after {@link #since}, up to {@code now}, not yet announced. */
  public List<Advisory> unannounced(List<Advisory> published, Instant now) {
    List<Advisory> out = new ArrayList<>();
    for (Advisory a : published) {
      Optional<Instant> at = a.effectivePublished().map(Timestamp::instant);
      if (a.withdrawn().isPresent() || at.isEmpty() || announced.containsKey(a.id())) continue;
      if (at.get().isAfter(since) && !at.get().isAfter(now)) out.add(a);
    }
    out.sort((x, y) -> x.id().compareTo(y.id()));
    return out;
  }

  /** This ledger with {@code posted} announced at {@code now}. */
  public AnnouncedLedger with(List<Advisory> posted, Instant now) {
    Map<String, Instant> next = new TreeMap<>(announced);
    for (Advisory a : posted) next.put(a.id(), now);
    return new AnnouncedLedger(since, next);
  }

  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("since", since.toString());
    ObjectNode a = root.putObject("announced");
    new TreeMap<>(announced).forEach((id, t) -> a.put(id, t.toString()));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
