package dev.disclose.search;

import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.plan.Publication;
import dev.disclose.plan.SearchDoc;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The static search index under {@code search-index/} ({@link SearchIndexWriter}), which the site's
 * search page queries in the browser. Patched between a preview's rebuilds.
 */
public final class SearchIndexFormat implements OutputFormat {
  /**
   * The index as last written, which the next write patches; its input is the docs, though the
   * index compares them itself.
   */
  static final Slot<List<SearchDoc>, KeptIndex> INDEX = new Slot<>("search index");

  @Override
  public String name() {
    return SearchDoc.FORMAT;
  }

  @Override
  public String folder() {
    return "search-index/";
  }

  @Override
  public String summary() {
    return "the static, sharded search index the site's search page reads.";
  }

  @Override
  public boolean readsPlan() {
    return true;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    // A one-off build keeps no index: holding every doc's terms until the end would crowd a large
    // site's heap.
    KeptIndex kept =
        memo.update(
            INDEX,
            "",
            publication.searchDocs(),
            (docs, previous) ->
                previous.orElseGet(
                    () -> memo.remembers() ? new KeptIndex() : KeptIndex.forOneWrite()));
    Map<String, byte[]> files =
        SearchIndexWriter.write(publication.searchDocs(), SearchAnalyzer::terms, kept);
    for (Map.Entry<String, byte[]> f : files.entrySet()) sink.put(f.getKey(), f.getValue());
    return new Written(files.size(), List.of());
  }
}
