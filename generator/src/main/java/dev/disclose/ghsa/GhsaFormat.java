package dev.disclose.ghsa;

import dev.disclose.advisory.Advisory;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GitHub security advisories, for {@code disclose export ghsa}: {@code update/<GHSA-ID>.json} for
 * each advisory GitHub already has (its GHSA alias), {@code create/<ID>.json} for each it has not,
 * and {@code sync.sh}, which applies them with {@code gh api}. Only public advisories are exported;
 * the site never publishes this format, since the bodies are for the maintainers' own repositories.
 */
public final class GhsaFormat implements OutputFormat {
  @Override
  public String name() {
    return "ghsa";
  }

  @Override
  public String folder() {
    return "ghsa/";
  }

  @Override
  public String summary() {
    return "GitHub security advisory bodies (create/, update/) and sync.sh, which applies them"
        + " with gh api (export only).";
  }

  @Override
  public boolean readsPlan() {
    return false;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    List<String> notes = new ArrayList<>();
    List<GhsaExporter.Body> bodies = new ArrayList<>();
    int withdrawn = 0;
    for (Advisory a : publication.catalog().advisories()) {
      if (a.withdrawn().isPresent()) {
        withdrawn++;
        continue;
      }
      if (!SyncScript.isSafe(a.id())) {
        notes.add(a.id() + ": an ID sync.sh cannot name safely; not exported");
        continue;
      }
      Optional<GhsaExporter.Body> body = GhsaExporter.body(a, notes);
      if (body.isEmpty()) continue;
      bodies.add(body.get());
      sink.put(path(body.get()), body.get().json());
    }
    int uncredited = bodies.stream().mapToInt(GhsaExporter.Body::uncredited).sum();
    if (uncredited > 0)
      notes.add(
          uncredited
              + " credits name no GitHub profile (https://github.com/LOGIN) among their contacts and"
              + " are left out, since GitHub credits only its users: "
              + String.join(
                  ", ",
                  bodies.stream()
                      .filter(b -> b.uncredited() > 0)
                      .map(GhsaExporter.Body::advisoryId)
                      .toList()));
    if (withdrawn > 0)
      notes.add(
          withdrawn
              + " withdrawn advisories are not exported: GitHub withdraws a published advisory"
              + " only on a request to its staff");
    sink.put("sync.sh", SyncScript.of(bodies, this::path).getBytes(StandardCharsets.UTF_8));
    return new Written(bodies.size() + 1, notes);
  }

  String path(GhsaExporter.Body b) {
    return b.ghsaId()
        .map(g -> "update/" + g + ".json")
        .orElse("create/" + b.advisoryId() + ".json");
  }
}
