package dev.disclose.feed;

import dev.disclose.concurrent.Threads;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Feed;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * RSS 2.0: {@code feed.xml} in every feed's folder (the site's, each ecosystem's and package's).
 */
public final class RssFormat implements OutputFormat {
  @Override
  public String name() {
    return "rss";
  }

  @Override
  public String folder() {
    return "";
  }

  @Override
  public String summary() {
    return "feed.xml: an RSS 2.0 feed for the site and every ecosystem.";
  }

  @Override
  public boolean readsPlan() {
    return true;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    return writeEach(publication, sink, Feed.RSS, RomeFeedWriter::rss);
  }

  /**
   * {@code file} in the folder of every feed written in that format, made by {@code format} of the
   * feed alone.
   */
  static Written writeEach(
      Publication publication, FileSink sink, String file, Function<Feed, String> format)
      throws IOException {
    List<Feed> feeds =
        publication.feeds().stream().filter(f -> f.writtenAs(file, publication.config())).toList();
    Threads.inParallel(
        feeds,
        f ->
            sink.put(
                f.path() + file, f, feed -> format.apply(feed).getBytes(StandardCharsets.UTF_8)));
    return new Written(feeds.size(), List.of());
  }
}
