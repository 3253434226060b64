package dev.disclose.feed;

import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Feed;
import dev.disclose.plan.Publication;
import java.io.IOException;

/** Atom 1.0: {@code atom.xml} in every feed's folder. */
public final class AtomFormat implements OutputFormat {
  @Override
  public String name() {
    return "atom";
  }

  @Override
  public String folder() {
    return "";
  }

  @Override
  public String summary() {
    return "atom.xml: an Atom 1.0 feed for the site, every ecosystem and every package.";
  }

  @Override
  public boolean readsPlan() {
    return true;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    return RssFormat.writeEach(publication, sink, Feed.ATOM, RomeFeedWriter::atom);
  }
}
