package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * "Similar advisories" for each advisory page, computed at build time over the public advisories:
 * the same package weighs most, then the same weakness (CWE), then wording (a "more like this"
 * query over title and details, as Lucene's MoreLikeThis builds it). Deterministic: ties go to the
 * advisory that comes first in the catalog's order.
 *
 * <p>Scored as Lucene scores the query {@code package OR cwe OR (its most telling words)}, boosted
 * by {@link #PACKAGE_BOOST} and {@link #CWE_BOOST}, over an index of title and details (its
 * analyzer, its BM25 and tf·idf, its length norms), but without an index or a query per advisory:
 * every word's contribution to every advisory that has it is computed once, and each advisory's
 * list sums the contributions of its own clauses into an array. A Lucene search per advisory spends
 * most of its time setting up scorers and walking skip data, and nothing in Lucene scores many
 * queries over one small in-memory collection at once. SimilarAdvisoriesTest compares the lists
 * with Lucene's own search over a real corpus.
 */
public final class SimilarAdvisories {
  /** How many similar advisories a page lists. */
  public static final int COUNT = 5;

  /** Terms a document's "like this" query takes: its most telling words. */
  private static final int QUERY_TERMS = 12;

  /** What the query's clauses are boosted by: a shared package, a shared weakness. */
  private static final float PACKAGE_BOOST = 8f;

  private static final float CWE_BOOST = 3f;

  private SimilarAdvisories() {}

  /**
   * Everything {@link #of} reads of one advisory: equal lists of inputs give equal results (the
   * preview server reuses the lists when an edit touches none of these).
   */
  public record Input(
      String id, List<String> packages, List<String> cwes, String title, String details) {}

  public static List<Input> inputs(List<Advisory> advisories) {
    List<Input> out = new ArrayList<>(advisories.size());
    for (Advisory a : advisories) {
      out.add(new Input(a.id(), packages(a), List.copyOf(a.cwes()), a.title(), a.details()));
    }
    return out;
  }

  private static List<String> packages(Advisory a) {
    return a.affected().stream().map(p -> p.ecosystem() + ":" + p.packageName()).toList();
  }

  /** Advisory ID → the IDs of its most similar public advisories, best first. */
  public static Map<String, List<String>> of(List<Advisory> advisories) {
    return of(inputs(advisories), () -> false);
  }

  /**
   * As {@link #of(List)}, of what it reads of each advisory; given up with a {@link
   * CancellationException} once {@code cancelled} says so (a background run, when a newer edit
   * comes).
   */
  public static Map<String, List<String>> of(List<Input> advisories, BooleanSupplier cancelled) {
    int n = advisories.size();
    Map<String, List<String>> out = new HashMap<>();
    if (n < 2) return out;
    List<Words> words;
    try (Analyzer analyzer = new EnglishAnalyzer()) {
      words =
          advisories.parallelStream()
              .map(a -> Words.of(analyzer, a.title() + "\n" + a.details()))
              .toList();
    }
    if (cancelled.getAsBoolean()) throw new CancellationException("a newer edit came");
    Vocabulary vocabulary = Vocabulary.of(words);
    // On a large site, words common to many advisories ("vulnerability", "version") say little and
    // cost much; a small site needs every word it has.
    int maxDocFreq = n >= 200 ? n / 10 : Integer.MAX_VALUE;
    int[][] telling = new int[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(d -> telling[d] = vocabulary.telling(d, words.get(d), maxDocFreq, n));
    Posting[] text = vocabulary.postings(words, telling);
    List<List<String>> packageKeys = advisories.stream().map(Input::packages).toList();
    List<List<String>> cweKeys = advisories.stream().map(a -> (List<String>) a.cwes()).toList();
    Map<String, Posting> packages = Posting.ofKeys("package", packageKeys, PACKAGE_BOOST);
    Map<String, Posting> cwes = Posting.ofKeys("cwe", cweKeys, CWE_BOOST);

    // Each advisory's list; a few chunks per core, each with its own scratch arrays, balance the
    // load.
    int chunks = Math.min(n, 4 * Runtime.getRuntime().availableProcessors());
    String[][] found = new String[n][];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              Scorer scorer = new Scorer(n);
              for (int d = chunk; d < n && !cancelled.getAsBoolean(); d += chunks) {
                for (String p : packageKeys.get(d)) scorer.add(packages.get(p));
                for (String c : cweKeys.get(d)) scorer.add(cwes.get(c));
                for (int term : telling[d]) scorer.add(text[term]);
                List<String> ids = new ArrayList<>(COUNT);
                for (int hit : scorer.best(COUNT + 1)) {
                  if (hit != d && ids.size() < COUNT) ids.add(advisories.get(hit).id());
                }
                found[d] = ids.toArray(String[]::new);
              }
            });
    if (cancelled.getAsBoolean()) throw new CancellationException("a newer edit came");
    for (int d = 0; d < n; d++) out.put(advisories.get(d).id(), List.of(found[d]));
    return out;
  }

  /**
   * One advisory's analysed title and details: its distinct words, how often each occurs, and how
   * many words in all.
   */
  private record Words(String[] terms, int[] freqs, int length) {
    static Words of(Analyzer analyzer, String text) {
      Map<String, int[]> counts = new LinkedHashMap<>();
      int length = 0;
      try (TokenStream stream = analyzer.tokenStream("text", text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment =
            stream.addAttribute(PositionIncrementAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          // The length Lucene's norms count: tokens, less those stacked on the one before.
          if (increment.getPositionIncrement() != 0) length++;
          counts.computeIfAbsent(term.toString(), t -> new int[1])[0]++;
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // reading a String does not fail
      }
      String[] terms = new String[counts.size()];
      int[] freqs = new int[counts.size()];
      int i = 0;
      for (Map.Entry<String, int[]> e : counts.entrySet()) {
        terms[i] = e.getKey();
        freqs[i++] = e.getValue()[0];
      }
      return new Words(terms, freqs, length);
    }
  }

  /**
   * Every word of the site, numbered in order of first use: each advisory's words by number, in how
   * many advisories each occurs and how often in all; the statistics Lucene's BM25 reads.
   */
  private record Vocabulary(
      List<String> terms,
      int[][] ids,
      int[] docFreq,
      long[] totalFreq,
      int docCount,
      long sumTotalFreq,
      long sumDocFreq) {
    static Vocabulary of(List<Words> words) {
      Map<String, Integer> numbers = new HashMap<>();
      List<String> terms = new ArrayList<>();
      int[][] ids = new int[words.size()][];
      int docCount = 0;
      long sumTotalFreq = 0;
      long sumDocFreq = 0;
      for (int d = 0; d < words.size(); d++) {
        Words w = words.get(d);
        ids[d] = new int[w.terms().length];
        for (int i = 0; i < w.terms().length; i++) {
          Integer known = numbers.putIfAbsent(w.terms()[i], terms.size());
          if (known == null) terms.add(w.terms()[i]);
          else
            w.terms()[i] =
                terms.get(known); // one String per word, not one per advisory that has it
          ids[d][i] = known == null ? terms.size() - 1 : known;
        }
        if (w.length() > 0) docCount++;
        sumTotalFreq += w.length();
        sumDocFreq += w.terms().length;
      }
      int[] docFreq = new int[terms.size()];
      long[] totalFreq = new long[terms.size()];
      for (int d = 0; d < words.size(); d++) {
        for (int i = 0; i < ids[d].length; i++) {
          docFreq[ids[d][i]]++;
          totalFreq[ids[d][i]] += words.get(d).freqs()[i];
        }
      }
      return new Vocabulary(terms, ids, docFreq, totalFreq, docCount, sumTotalFreq, sumDocFreq);
    }

    /**
     * The numbers of advisory d's {@link #QUERY_TERMS} most telling words, as MoreLikeThis picks
     * them: the highest tf·idf among words of at least three letters in at most maxDocFreq
     * advisories; ties go to the word that sorts first, so the result never depends on order.
     */
    int[] telling(int d, Words w, int maxDocFreq, int numDocs) {
      record Scored(int id, String term, float score) {}
      List<Scored> scored = new ArrayList<>();
      for (int i = 0; i < w.terms().length; i++) {
        int id = ids[d][i];
        if (w.terms()[i].length() < 3 || docFreq[id] > maxDocFreq) continue;
        scored.add(new Scored(id, w.terms()[i], w.freqs()[i] * TFIDF.idf(docFreq[id], numDocs)));
      }
      scored.sort(Comparator.comparing(Scored::score).reversed().thenComparing(Scored::term));
      return scored.stream().limit(QUERY_TERMS).mapToInt(Scored::id).toArray();
    }

    /**
     * For each word some advisory's query has: the advisories with it and its BM25 score in each
     * (by number; null for the rest).
     */
    Posting[] postings(List<Words> words, int[][] telling) {
      Posting[] postings = new Posting[terms.size()];
      Similarity.SimScorer[] bm25 = new Similarity.SimScorer[terms.size()];
      int[] filled = new int[terms.size()];
      if (docCount == 0) return postings;
      CollectionStatistics field =
          new CollectionStatistics("text", ids.length, docCount, sumTotalFreq, sumDocFreq);
      for (int[] query : telling) {
        for (int id : query) {
          if (postings[id] != null) continue;
          postings[id] = new Posting(new int[docFreq[id]], new float[docFreq[id]], 0f);
          bm25[id] =
              BM25.scorer(
                  1f,
                  field,
                  new TermStatistics(new BytesRef(terms.get(id)), docFreq[id], totalFreq[id]));
        }
      }
      for (int d = 0; d < ids.length; d++) {
        long norm = SmallFloat.intToByte4(words.get(d).length());
        for (int i = 0; i < ids[d].length; i++) {
          int id = ids[d][i];
          if (postings[id] == null) continue;
          postings[id].docs()[filled[id]] = d;
          postings[id].scores()[filled[id]++] = bm25[id].score(words.get(d).freqs()[i], norm);
        }
      }
      return postings;
    }
  }

  private static final BM25Similarity BM25 = new BM25Similarity();
  private static final ClassicSimilarity TFIDF = new ClassicSimilarity();

  /**
   * The advisories a clause matches, in catalog order, and what it adds to each one's score: per
   * advisory for a word (BM25 weighs how often it occurs against the text's length), or one
   * constant for a package or weakness (an exact key without length norms, as a StringField).
   */
  private record Posting(int[] docs, float[] scores, float constant) {
    /** Each advisory's keys (with repeats, as its query has them) → a posting per distinct key. */
    static Map<String, Posting> ofKeys(String field, List<List<String>> keys, float boost) {
      Map<String, List<Integer>> docs = new LinkedHashMap<>();
      int docCount = 0;
      long sumDocFreq = 0;
      for (int d = 0; d < keys.size(); d++) {
        List<String> distinct = keys.get(d).stream().distinct().toList();
        if (!distinct.isEmpty()) docCount++;
        sumDocFreq += distinct.size();
        for (String key : distinct) docs.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
      }
      Map<String, Posting> out = new HashMap<>();
      if (docCount == 0) return out;
      // A field indexed without frequencies counts each key once per advisory.
      CollectionStatistics stats =
          new CollectionStatistics(field, keys.size(), docCount, sumDocFreq, sumDocFreq);
      docs.forEach(
          (key, list) -> {
            float score =
                BM25.scorer(
                        boost,
                        stats,
                        new TermStatistics(new BytesRef(key), list.size(), list.size()))
                    .score(1f, 1L);
            out.put(
                key, new Posting(list.stream().mapToInt(Integer::intValue).toArray(), null, score));
          });
      return out;
    }
  }

  /** Sums one advisory's clauses for each advisory they reach, and picks the best. */
  private static final class Scorer {
    /** Each advisory's sum so far; 0 for one not reached yet (every clause adds more than 0). */
    private final double[] sums;

    private final int[] touched;
    private int size;

    Scorer(int n) {
      sums = new double[n];
      touched = new int[n];
    }

    // A loop for each kind of clause and no array of flags beside the sums, since this is the hot
    // loop of a large site.
    void add(Posting p) {
      int[] docs = p.docs();
      float[] scores = p.scores();
      if (scores == null) {
        float constant = p.constant();
        for (int d : docs) {
          if (sums[d] == 0) touched[size++] = d;
          sums[d] += constant;
        }
      } else {
        for (int i = 0; i < docs.length; i++) {
          int d = docs[i];
          if (sums[d] == 0) touched[size++] = d;
          sums[d] += scores[i];
        }
      }
    }

    /**
     * The k best advisories, best first: the highest score (summed in double, compared as the float
     * Lucene reports), ties to the first in catalog order; the sums cleared for the next.
     */
    int[] best(int k) {
      int[] docs = new int[k];
      float[] scores = new float[k];
      int count = 0;
      for (int t = 0; t < size; t++) {
        int d = touched[t];
        float s = (float) sums[d];
        sums[d] = 0;
        if (count == k && !better(s, d, scores[k - 1], docs[k - 1])) continue;
        int j = count < k ? count++ : k - 1;
        while (j > 0 && better(s, d, scores[j - 1], docs[j - 1])) {
          scores[j] = scores[j - 1];
          docs[j] = docs[j - 1];
          j--;
        }
        scores[j] = s;
        docs[j] = d;
      }
      size = 0;
      return Arrays.copyOf(docs, count);
    }

    private static boolean better(float score, int doc, float than, int thanDoc) {
      return score > than || (score == than && doc < thanDoc);
    }
  }
}
