package dev.disclose.search;

import dev.disclose.advisory.Advisory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * "Similar advisories" for each advisory page, computed at build time with Lucene over the public
 * advisories: the same package weighs most, then the same weakness (CWE), then wording
 * ({@link MoreLikeThis} over title and details). Deterministic: one segment, docs added in the
 * catalog's order, ties broken by that order.
 */
public final class SimilarAdvisories {
  /** How many similar advisories a page lists. */
  public static final int COUNT = 5;

  /** Title and details, with term vectors: MoreLikeThis reads a document's terms from them instead of analyzing it again. */
  private static final org.apache.lucene.document.FieldType TEXT = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);

  static {
    TEXT.setStoreTermVectors(true);
    TEXT.freeze();
  }

  private SimilarAdvisories() {}

  /** Advisory ID → the IDs of its most similar public advisories, best first. */
  public static Map<String, List<String>> of(List<Advisory> advisories) {
    Map<String, List<String>> out = new HashMap<>();
    if (advisories.size() < 2) return out;
    EnglishAnalyzer analyzer = new EnglishAnalyzer();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
      config.setMaxBufferedDocs(Math.max(2, advisories.size() + 1));
      config.setRAMBufferSizeMB(512);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (Advisory a : advisories) {
          Document d = new Document();
          d.add(new StoredField("id", a.id()));
          for (var p : a.affected()) d.add(new StringField("package", p.ecosystem() + ":" + p.packageName(), Field.Store.NO));
          for (String c : a.cwes()) d.add(new StringField("cwe", c, Field.Store.NO));
          d.add(new Field("text", a.title() + "\n" + a.details(), TEXT));
          writer.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < reader.maxDoc(); i++) ids.add(reader.storedFields().document(i).get("id"));
        Map<String, List<String>> found = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.stream.IntStream.range(0, advisories.size()).parallel().forEach(n -> {
          Advisory a = advisories.get(n);
          try {
            MoreLikeThis mlt = new MoreLikeThis(reader);
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {"text"});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(12);
            mlt.setMinWordLen(3);
            // On a large site, words in more than a tenth of the advisories ("vulnerability",
            // "version") say little and cost much; a small site needs every word it has.
            if (advisories.size() >= 200) mlt.setMaxDocFreqPct(10);
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (var p : a.affected()) {
              q.add(new BoostQuery(new TermQuery(new Term("package", p.ecosystem() + ":" + p.packageName())), 8f), BooleanClause.Occur.SHOULD);
            }
            for (String c : a.cwes()) q.add(new BoostQuery(new TermQuery(new Term("cwe", c)), 3f), BooleanClause.Occur.SHOULD);
            Query like = mlt.like(n);
            q.add(like, BooleanClause.Occur.SHOULD);
            List<String> similar = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(q.build(), COUNT + 1).scoreDocs) {
              if (hit.doc != n) similar.add(ids.get(hit.doc));
              if (similar.size() == COUNT) break;
            }
            found.put(a.id(), List.copyOf(similar));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        out.putAll(found);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
