package dev.disclose.rustsec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.disclose.advisory.RustSecCategories;
import dev.disclose.severity.CvssScore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What advisory-db's CI refuses in a submitted file and can be told without the network: the checks
 * of {@code rustsec-admin lint} (rustsec crate: {@code advisory/linter.rs}), the parse before them
 * ({@code advisory/parts.rs} and the types of {@code [advisory]}, {@code [affected]} and {@code
 * [versions]}), the database's rule that a file lies in its crate's folder under its ID's name, and
 * a {@code cvss} that cargo-audit releases without CVSS 4.0 support can load. Not checked here:
 * that the crate exists on crates.io.
 *
 * <p>The export runs it on every file it writes and notes each problem, so a maintainer learns
 * before opening the pull request what its CI would refuse.
 */
public final class RustSecLint {
  /** One thing advisory-db would refuse: the file's line, the key or part it is about, and why. */
  public record Problem(int line, String key, String message) {}

  private static final String PLACEHOLDER = RustSecExporter.PLACEHOLDER_ID;

  private static final TomlMapper TOML = new TomlMapper();
  private static final Set<String> TOP = Set.of("advisory", "versions", "affected");
  private static final Set<String> ADVISORY_KEYS =
      Set.of(
          ("id package date url references categories keywords aliases related cvss informational"
                  + " withdrawn license expect-deleted yanked")
              .split(" "));
  private static final Set<String> LICENSES = Set.of("CC0-1.0", "CC-BY-4.0");
  private static final Set<String> INFORMATIONAL = Set.of("notice", "unmaintained", "unsound");

  private static final List<String> KINDS = List.of("RUSTSEC-", "CVE-", "GHSA-", "TALOS-");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_<][A-Za-z0-9_<>,]*");

  private final String path;
  private final String[] lines;
  private final Map<String, Integer> keyLines = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private int year = -1;

  private RustSecLint(String path, String text) {
    this.path = path;
    this.lines = text.split("\n", -1);
  }

  /**
   * The problems of the file at {@code path} (relative to advisory-db's root, {@code
   * crates/<crate>/<name>.md}) holding {@code text}, in the order of the file; none when CI would
   * accept it.
   */
  public static List<Problem> check(String path, String text) {
    RustSecLint lint = new RustSecLint(path, text);
    lint.run(text);
    lint.problems.sort(Comparator.comparingInt(Problem::line));
    return List.copyOf(lint.problems);
  }

  private void run(String text) {
    if (!text.startsWith("```toml")) {
      refuse(1, "file", "the file must start with a ```toml line");
      return;
    }
    int end = text.indexOf("\n```");
    if (end < 0) {
      refuse(1, "file", "the TOML block has no closing ``` line");
      return;
    }
    int closing = lineOf(text, end + 1);
    locateKeys(closing);
    JsonNode doc;
    try {
      doc = TOML.readTree(text.substring(7, end));
    } catch (JacksonException e) {
      int at = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      refuse(at, "file", "the TOML does not parse: " + e.getOriginalMessage());
      return;
    }
    String markdown = text.substring(end + 4).stripLeading();
    int heading = lineOf(text, text.length() - markdown.length());
    if (!markdown.startsWith("# ")) refuse(heading, "markdown", "a `# title` line must follow");
    else if (markdown.indexOf('\n') < 0) refuse(heading, "markdown", "the description is missing");
    mentions(markdown, heading);
    for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP.contains(key)) refuse(line(key), key, "unknown key `" + key + "` at the top");
    }
    JsonNode advisory = doc.path("advisory");
    if (!advisory.isObject()) {
      refuse(1, "advisory", "the file has no [advisory] table");
      return;
    }
    metadata(advisory);
    versions(doc.path("versions"));
    affected(doc.path("affected"), advisory.path("package").asText(""));
  }

  private void metadata(JsonNode advisory) {
    for (String required : List.of("id", "package", "date")) {
      if (!advisory.path(required).isTextual())
        refuse(line("advisory"), required, "[advisory] needs `" + required + "` as a string");
    }
    String id = advisory.path("id").asText("");
    String pkg = advisory.path("package").asText("");
    date("date", advisory.path("date")).ifPresent(d -> year = d.getYear());
    for (Iterator<Map.Entry<String, JsonNode>> it = advisory.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      int at = line("advisory." + key);
      switch (key) {
        case "id" -> id(at, v.asText(""));
        case "categories" -> {
          for (String c : strings(at, key, v)) {
            if (!RustSecCategories.ALL.contains(c)) refuse(at, key, "unknown category `" + c + "`");
          }
        }
        case "keywords" -> strings(at, key, v);
        case "aliases", "related" -> {
          for (String other : strings(at, key, v)) otherId(at, key, other);
        }
        case "url" -> {
          if (!v.asText("").startsWith("https://"))
            refuse(at, key, "`url` must start with https://");
          else url(at, key, v.asText(""));
        }
        case "references" -> {
          for (String u : strings(at, key, v)) url(at, key, u);
        }
        case "cvss" -> cvss(at, v.asText(""));
        case "informational" -> {
          if (!INFORMATIONAL.contains(v.asText("")))
            refuse(at, key, "unknown informational kind `" + v.asText() + "`");
        }
        case "withdrawn" -> date(key, v);
        case "license" -> {
          if (!LICENSES.contains(v.asText("")))
            refuse(at, key, "unknown license `" + v.asText() + "`: CC0-1.0 or CC-BY-4.0");
        }
        case "yanked" -> {
          if (!advisory.has("withdrawn"))
            refuse(at, key, "`yanked` is deprecated: use `withdrawn`");
        }
        case "collection" ->
            refuse(at, key, "`collection` must not be written: the file's folder says it");
        case "title", "description" ->
            refuse(at, key, "`" + key + "` belongs in the Markdown after the TOML, not in it");
        default -> {
          if (!ADVISORY_KEYS.contains(key)) refuse(at, key, "unknown key `" + key + "`");
        }
      }
    }
    place(id, pkg);
  }

  private void id(int at, String id) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean draft = name.startsWith(PLACEHOLDER + ".");
    if (id.equals(PLACEHOLDER) != draft) {
      refuse(
          at,
          "id",
          "a new advisory is `" + PLACEHOLDER + "` in " + PLACEHOLDER + ".md, and only there");
    }
    if (id.equals(PLACEHOLDER)) return;
    if (KINDS.stream().noneMatch(id::startsWith))
      refuse(at, "id", "`" + id + "` is no kind of ID advisory-db knows (RUSTSEC, CVE, GHSA)");
    int idYear = otherId(at, "id", id);
    if (idYear > 0 && !id.startsWith("CVE-") && year > 0 && idYear != year)
      refuse(at, "id", "the year of `" + id + "` is not the year of `date`");
  }

  /** RUSTSEC, CVE and TALOS IDs parse as PREFIX-YEAR-NUMBER; the year, or -1. */
  private int otherId(int at, String key, String id) {
    if (id.equals(PLACEHOLDER)) return -1;
    if (!id.startsWith("RUSTSEC-") && !id.startsWith("CVE-") && !id.startsWith("TALOS-")) return -1;
    String[] parts = id.split("-", -1);
    if (parts.length == 3 && parts[1].matches("\\d{1,9}") && parts[2].matches("\\d{1,9}")) {
      int y = Integer.parseInt(parts[1]);
      if (y >= 2000 && y <= 2100) return y;
    }
    refuse(at, key, "`" + id + "` is not PREFIX-YEAR-NUMBER with a year from 2000 to 2100");
    return -1;
  }

  /** The database's rule: {@code crates/<package>/<ID>.md}, or the placeholder's name. */
  private void place(String id, String pkg) {
    String[] parts = path.split("/", -1);
    String expected = id.equals(PLACEHOLDER) ? null : id + ".md";
    if (parts.length != 3 || !parts[0].equals("crates") && !parts[0].equals("rust")) {
      refuse(1, "file", "the file must be crates/" + pkg + "/<ID>.md in advisory-db");
    } else if (!parts[1].equals(pkg)) {
      refuse(1, "file", "the file must be in the folder of its crate, crates/" + pkg + "/");
    } else if (expected != null
        && !parts[2].startsWith(PLACEHOLDER + ".")
        && !parts[2].equals(expected)) {
      refuse(1, "file", "the file must be named after its ID, " + expected);
    }
  }

  private void cvss(int at, String vector) {
    if (!vector.startsWith("CVSS:3.0/") && !vector.startsWith("CVSS:3.1/")) {
      refuse(at, "cvss", "cargo-audit releases without CVSS 4.0 support read only CVSS 3.x here");
      return;
    }
    try {
      CvssScore.of(vector);
    } catch (IllegalArgumentException e) {
      refuse(at, "cvss", "`cvss` does not parse: " + e.getMessage());
    }
  }

  private Optional<LocalDate> date(String key, JsonNode v) {
    int at = line("advisory." + key);
    try {
      LocalDate d = LocalDate.parse(v.asText(""));
      if (v.asText().length() == 10 && d.getYear() >= 2000 && d.getYear() <= 2100)
        return Optional.of(d);
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (v.isTextual()) refuse(at, key, "`" + key + "` must be a YYYY-MM-DD date from 2000 to 2100");
    return Optional.empty();
  }

  private void url(int at, String key, String url) {
    try {
      URI uri = new URI(url);
      if (uri.isAbsolute() && uri.getHost() != null) return;
    } catch (URISyntaxException e) {
      // reported below
    }
    refuse(at, key, "`" + url + "` is not an absolute URL");
  }

  private void versions(JsonNode versions) {
    if (!versions.isObject() || !versions.path("patched").isArray()) {
      refuse(line("versions"), "versions", "[versions] needs `patched`, a list (empty if none)");
      if (!versions.isObject()) return;
    }
    List<String> patched = new ArrayList<>();
    List<String> unaffected = new ArrayList<>();
    for (Iterator<String> it = versions.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      int at = line("versions." + key);
      switch (key) {
        case "patched" -> patched.addAll(strings(at, key, versions.get(key)));
        case "unaffected" -> unaffected.addAll(strings(at, key, versions.get(key)));
        default -> refuse(at, key, "unknown key `" + key + "` in [versions]");
      }
    }
    try {
      CargoRequirements.affected(patched, unaffected);
    } catch (CargoRequirements.RequirementException e) {
      refuse(line("versions"), "versions", e.getMessage());
    }
  }

  private void affected(JsonNode affected, String pkg) {
    if (affected.isMissingNode()) return;
    for (Iterator<String> it = affected.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      JsonNode v = affected.get(key);
      int at = line("affected." + key);
      switch (key) {
        case "arch" -> {
          for (String a : strings(at, key, v))
            if (!RustTargets.ARCHS.contains(a)) refuse(at, key, "unknown architecture `" + a + "`");
        }
        case "os" -> {
          for (String o : strings(at, key, v))
            if (!RustTargets.OSES.contains(o))
              refuse(at, key, "unknown operating system `" + o + "`");
        }
        case "functions" -> functions(v, pkg);
        default -> refuse(at, key, "unknown key `" + key + "` in [affected]");
      }
    }
  }

  private void functions(JsonNode functions, String pkg) {
    String crate = pkg.replace('-', '_');
    for (Iterator<Map.Entry<String, JsonNode>> it = functions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      int at = line("affected.functions." + f.getKey());
      String[] segments = f.getKey().split("::", -1);
      boolean parses = segments.length >= 2;
      for (String s : segments) parses &= IDENTIFIER.matcher(s).matches();
      if (!parses) {
        refuse(at, "functions", "`" + f.getKey() + "` is not a Rust path without parameters");
      } else if (!segments[0].equals(crate)) {
        refuse(
            at, "functions", "`" + f.getKey() + "` must start with the crate, `" + crate + "::`");
      }
      for (String req : strings(at, "functions", f.getValue())) {
        try {
          if (!req.strip().equals("*")) CargoRequirements.interval(req);
        } catch (CargoRequirements.RequirementException e) {
          refuse(at, "functions", e.getMessage());
        }
      }
    }
  }

  /** As advisory-db's linter finds a bare {@code @user}, which GitHub would notify: one a line. */
  private void mentions(String markdown, int firstLine) {
    String[] md = markdown.split("\n", -1);
    for (int i = 0; i < md.length; i++) {
      String[] parts = md[i].split("(?<=@)", -1);
      for (int p = 1; p < parts.length; p++) {
        String part = parts[p];
        if (part.isEmpty() || !isAsciiAlphanumeric(part.charAt(0))) continue;
        String user = part.split("(?U)\\s", 2)[0];
        if (user.contains(".") || user.contains("@") || user.contains("`")) continue;
        user = user.replaceAll("[),;:!?]+$", "");
        refuse(firstLine + i, "markdown", "a bare @" + user + " notifies that user on GitHub");
        break;
      }
    }
  }

  private static boolean isAsciiAlphanumeric(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private List<String> strings(int at, String key, JsonNode v) {
    List<String> out = new ArrayList<>();
    if (!v.isArray()) {
      refuse(at, key, "`" + key + "` must be a list of strings");
      return out;
    }
    for (JsonNode x : v) {
      if (x.isTextual()) out.add(x.asText());
      else refuse(at, key, "`" + key + "` must be a list of strings");
    }
    return out;
  }

  /** Where each section and key is written, as {@code section.key}: the TOML block's lines. */
  private void locateKeys(int closing) {
    String section = "";
    for (int i = 1; i < closing - 1 && i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("[") && l.endsWith("]")) {
        section = l.substring(1, l.length() - 1).strip();
        keyLines.putIfAbsent(section, i + 1);
        continue;
      }
      int eq = l.indexOf('=');
      if (eq <= 0 || l.startsWith("#")) continue;
      String key = l.substring(0, eq).strip();
      if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\""))
        key = key.substring(1, key.length() - 1);
      keyLines.putIfAbsent(section.isEmpty() ? key : section + "." + key, i + 1);
    }
  }

  private int line(String key) {
    Integer at = keyLines.get(key);
    if (at != null) return at;
    int dot = key.lastIndexOf('.');
    return dot < 0 ? 1 : line(key.substring(0, dot));
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
    return line;
  }

  private void refuse(int line, String key, String message) {
    problems.add(new Problem(line, key, message));
  }
}
