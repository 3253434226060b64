package dev.disclose.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How text becomes search terms: Lucene's {@link EnglishAnalyzer} (standard tokenizer, English
 * possessives, lower case, English stop words, Porter stemming). The browser's search.js implements
 * the same steps, and a test holds the two to the same terms on a word list: a query term must be
 * spelt exactly as the index spells it.
 */
public final class SearchAnalyzer {
  private static final Analyzer ENGLISH = new EnglishAnalyzer();

  private SearchAnalyzer() {}

  /** The terms of {@code text}, in order, repeats kept. */
  public static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ENGLISH.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * An identifier as a lookup key: lower case, letters and digits only, so that "CVE-2025-1234",
   * "cve 2025 1234" and "cve20251234" find the same advisory.
   */
  public static String idKey(String id) {
    StringBuilder b = new StringBuilder();
    for (char c : id.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
    }
    return b.toString();
  }
}
