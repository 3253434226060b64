package dev.disclose.feed;

import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Feed;
import dev.disclose.plan.Publication;
import java.io.IOException;

/**
 * JSON Feed 1.1: {@code feed.json} in every feed's folder, items carrying the advisory's machine
 * fields.
 */
public final class JsonFeedFormat implements OutputFormat {
  @Override
  public String name() {
    return "json-feed";
  }

  @Override
  public String folder() {
    return "";
  }

  @Override
  public String summary() {
    return "feed.json: a JSON Feed 1.1 for the site and every ecosystem.";
  }

  @Override
  public boolean readsPlan() {
    return true;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    return RssFormat.writeEach(publication, sink, Feed.JSON, JsonFeedWriter::json);
  }
}
