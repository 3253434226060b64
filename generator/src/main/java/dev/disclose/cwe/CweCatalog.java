package dev.disclose.cwe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MITRE's CWE list (weaknesses, categories and views, deprecated ones included), as bundled in the
 * resource {@code cwe-names.tsv} beside this class; see the README.md there for its source and how
 * it is regenerated. Immutable and thread-safe.
 */
public final class CweCatalog {
  private static final String RESOURCE = "cwe-names.tsv";
  private static final Pattern VERSION = Pattern.compile("CWE version (\\S+)");

  /**
   * One CWE entry.
   *
   * @param kind "weakness", "category" or "view"
   * @param status MITRE's status in lower case: stable, draft, incomplete, obsolete or deprecated
   */
  public record Entry(int id, String name, String kind, String status) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(status, "status");
    }

    public boolean deprecated() {
      return status.equals("deprecated");
    }
  }

  private final String version;
  private final Map<Integer, Entry> entries;

  private CweCatalog(String version, Map<Integer, Entry> entries) {
    this.version = version;
    this.entries = entries;
  }

  private static final class Bundled {
    static final CweCatalog INSTANCE = load();
  }

  /**
   * {@code CWE-<1 to 7 digits>}: the IDs the pages link to MITRE and the VEX document lists by
   * number.
   */
  private static final Pattern ID = Pattern.compile("CWE-([0-9]{1,7})");

  /**
   * The number of a {@code CWE-<digits>} ID ("CWE-79" → 79), or empty for anything else. Lenient on
   * purpose (the validator's WeaknessCheck says what a well-formed one is): what is read here is
   * what the outputs can name.
   */
  public static OptionalInt number(String id) {
    Matcher m = ID.matcher(id);
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** The bundled catalog, loaded once on first use. */
  public static CweCatalog bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * The entry's name, e.g. 79 → "Improper Neutralization of Input During Web Page Generation …".
   */
  public Optional<String> name(int id) {
    return entry(id).map(Entry::name);
  }

  /** The whole entry for {@code id}, if MITRE's list has it. */
  public Optional<Entry> entry(int id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** Whether MITRE's list has {@code id}, as a weakness, category or view, deprecated or not. */
  public boolean isKnown(int id) {
    return entries.containsKey(id);
  }

  /** Whether {@code id} is known but MITRE has deprecated it. */
  public boolean isDeprecated(int id) {
    return entry(id).map(Entry::deprecated).orElse(false);
  }

  /** The CWE list version the data comes from, e.g. "4.15". */
  public String version() {
    return version;
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }

  private static CweCatalog load() {
    try (InputStream in = CweCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static CweCatalog parse(BufferedReader reader) throws IOException {
    String version = null;
    Map<Integer, Entry> entries = new HashMap<>();
    int lineNumber = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      lineNumber++;
      if (line.isBlank()) continue;
      if (line.startsWith("#")) {
        Matcher m = VERSION.matcher(line);
        if (version == null && m.find()) version = m.group(1);
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length < 2 || fields[1].isEmpty()) {
        throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": expected id<TAB>name");
      }
      int id = Integer.parseInt(fields[0]);
      String kind = fields.length > 2 ? fields[2] : "weakness";
      String status = fields.length > 3 ? fields[3] : "";
      entries.put(id, new Entry(id, fields[1], kind, status));
    }
    if (version == null) throw new IllegalStateException(RESOURCE + ": no CWE version in header");
    return new CweCatalog(version, Collections.unmodifiableMap(entries));
  }
}
