package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The reference {@link SimilarAdvisories} is checked against: what it computed until it scored
 * without Lucene's search (a Lucene index of the advisories, one "more like this" query each,
 * searched with Lucene's BM25). One segment, docs added in the catalog's order, ties broken by that
 * order.
 */
final class LuceneSimilarAdvisories {
  /** How many similar advisories a page lists. */
  static final int COUNT = SimilarAdvisories.COUNT;

  /**
   * Title and details, with term vectors: MoreLikeThis reads a document's terms from them instead
   * of analyzing it again.
   */
  private static final FieldType TEXT = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    TEXT.setStoreTermVectors(true);
    TEXT.freeze();
  }

  /** Terms a document's "like this" query takes: its most telling words. */
  private static final int QUERY_TERMS = 12;

  private LuceneSimilarAdvisories() {}

  /**
   * The document's {@link #QUERY_TERMS} words with the highest tf·idf (as MoreLikeThis ranks them:
   * words of at least three letters, in at most {@code maxDocFreq} documents), as one query; ties
   * go to the word that sorts first, so the result never depends on hash order.
   */
  private static Query likeThis(
      Terms vector,
      Map<String, TermStates> statistics,
      int numDocs,
      int maxDocFreq,
      ClassicSimilarity tfidf)
      throws IOException {
    record Scored(String term, float score) {}
    List<Scored> scored = new ArrayList<>();
    if (vector != null) {
      TermsEnum te = vector.iterator();
      for (BytesRef t; (t = te.next()) != null; ) {
        String text = t.utf8ToString();
        if (text.length() < 3) continue;
        TermStates states = statistics.get(text);
        int docFreq = states == null ? 0 : states.docFreq();
        if (docFreq == 0 || docFreq > maxDocFreq) continue;
        scored.add(new Scored(text, te.totalTermFreq() * tfidf.idf(docFreq, numDocs)));
      }
    }
    scored.sort(Comparator.comparing(Scored::score).reversed().thenComparing(Scored::term));
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (Scored s : scored.subList(0, Math.min(QUERY_TERMS, scored.size()))) {
      q.add(
          new TermQuery(new Term("text", s.term()), statistics.get(s.term())),
          BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  /** Advisory ID → the IDs of its most similar public advisories, best first. */
  public static Map<String, List<String>> of(List<Advisory> advisories) {
    return of(advisories, () -> false);
  }

  /**
   * As {@link #of(List)}, given up with a {@link java.util.concurrent.CancellationException} once
   * {@code cancelled} says so (the preview server's background run, when a newer edit came).
   */
  public static Map<String, List<String>> of(List<Advisory> advisories, BooleanSupplier cancelled) {
    Map<String, List<String>> out = new HashMap<>();
    if (advisories.size() < 2) return out;
    EnglishAnalyzer analyzer = new EnglishAnalyzer();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setMergePolicy(NoMergePolicy.INSTANCE);
      config.setMaxBufferedDocs(Math.max(2, advisories.size() + 1));
      config.setRAMBufferSizeMB(512);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (Advisory a : advisories) {
          Document d = new Document();
          d.add(new StoredField("id", a.id()));
          for (var p : a.affected())
            d.add(
                new StringField("package", p.ecosystem() + ":" + p.packageName(), Field.Store.NO));
          for (String c : a.cwes()) d.add(new StringField("cwe", c, Field.Store.NO));
          d.add(new Field("text", a.title() + "\n" + a.details(), TEXT));
          writer.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null); // every query is different
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < reader.maxDoc(); i++)
          ids.add(reader.storedFields().document(i).get("id"));
        // What MoreLikeThis computes for each document, but with each term's statistics gathered
        // once for the whole site instead of once per document that has it: from the
        // enumeration's own state, each segment registered, instead of seeking every term again.
        Map<String, TermStates> statistics = new HashMap<>();
        for (var leaf : reader.leaves()) {
          Terms terms = leaf.reader().terms("text");
          if (terms == null) continue;
          TermsEnum te = terms.iterator();
          for (BytesRef t; (t = te.next()) != null; ) {
            statistics
                .computeIfAbsent(
                    t.utf8ToString(), x -> new TermStates(searcher.getTopReaderContext()))
                .register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
          }
        }
        int numDocs = reader.numDocs();
        // On a large site, words in more than a tenth of the advisories ("vulnerability",
        // "version") say little and cost much; a small site needs every word it has.
        int maxDocFreq = advisories.size() >= 200 ? numDocs / 10 : Integer.MAX_VALUE;
        ClassicSimilarity tfidf = new ClassicSimilarity();
        Map<String, List<String>> found = new ConcurrentHashMap<>();
        IntStream.range(0, advisories.size())
            .parallel()
            .forEach(
                n -> {
                  if (cancelled.getAsBoolean()) return;
                  Advisory a = advisories.get(n);
                  try {
                    BooleanQuery.Builder q = new BooleanQuery.Builder();
                    for (var p : a.affected()) {
                      q.add(
                          new BoostQuery(
                              new TermQuery(
                                  new Term("package", p.ecosystem() + ":" + p.packageName())),
                              8f),
                          BooleanClause.Occur.SHOULD);
                    }
                    for (String c : a.cwes())
                      q.add(
                          new BoostQuery(new TermQuery(new Term("cwe", c)), 3f),
                          BooleanClause.Occur.SHOULD);
                    q.add(
                        likeThis(
                            reader.termVectors().get(n, "text"),
                            statistics,
                            numDocs,
                            maxDocFreq,
                            tfidf),
                        BooleanClause.Occur.SHOULD);
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
        if (cancelled.getAsBoolean()) throw new CancellationException("a newer edit came");
        out.putAll(found);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
