package dev.disclose.feed;

import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * OPML: {@code feeds.opml}, every feed of the site, for readers that import a subscription list.
 */
public final class OpmlFormat implements OutputFormat {
  @Override
  public String name() {
    return "opml";
  }

  @Override
  public String folder() {
    return "";
  }

  @Override
  public String summary() {
    return "feeds.opml: every feed of the site, in a folder per ecosystem and its packages, to import into a feed reader.";
  }

  @Override
  public boolean readsPlan() {
    return true;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    // Each feed in the first format it is written in; none when the site publishes no feed, so
    // no entry points to a file that is not there.
    List<OpmlWriter.Entry> entries =
        publication.feeds().stream()
            .flatMap(
                f ->
                    f.kinds(publication.config()).stream()
                        .limit(1)
                        .map(k -> OpmlWriter.Entry.of(f, k)))
            .toList();
    sink.put(
        "feeds.opml",
        new OpmlWriter.Subscriptions(publication.config().title(), entries),
        s -> OpmlWriter.opml(s).getBytes(StandardCharsets.UTF_8));
    return new Written(1, List.of());
  }
}
