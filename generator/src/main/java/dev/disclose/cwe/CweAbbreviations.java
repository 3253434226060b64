package dev.disclose.cwe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The abbreviations readers search for (XSS, SSRF, RCE, DoS…) and the CWEs they name, from the
 * resource {@code cwe-abbreviations.tsv} beside this class: the one table the search index takes
 * them from, so an advisory with CWE-79 is found by "XSS" though its text never says it.
 */
public final class CweAbbreviations {
  private static final String RESOURCE = "cwe-abbreviations.tsv";
  private static final Map<Integer, List<String>> BY_CWE = load();

  private CweAbbreviations() {}

  /** The abbreviations that name CWE {@code number}, in the table's order; none if it has none. */
  public static List<String> of(int number) {
    return BY_CWE.getOrDefault(number, List.of());
  }

  /** Every abbreviation → its CWE numbers, in alphabetical order. */
  public static Map<String, List<Integer>> table() {
    Map<String, List<Integer>> table = new TreeMap<>();
    BY_CWE.forEach(
        (cwe, words) ->
            words.forEach(w -> table.computeIfAbsent(w, x -> new ArrayList<>()).add(cwe)));
    return table;
  }

  private static Map<Integer, List<String>> load() {
    try (InputStream in = CweAbbreviations.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<Integer, List<String>> byCwe = new TreeMap<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] columns = line.split("\t");
        for (String n : columns[1].split(","))
          byCwe
              .computeIfAbsent(Integer.parseInt(n.strip()), x -> new ArrayList<>())
              .add(columns[0]);
      }
      byCwe.replaceAll((cwe, words) -> List.copyOf(words));
      return Collections.unmodifiableMap(byCwe);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
