package dev.disclose.ghsa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.Credit;
import dev.disclose.advisory.RangeType;
import dev.disclose.advisory.Reference;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.markdown.SoftBreaks;
import dev.disclose.severity.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An advisory as the JSON body GitHub's repository-advisory endpoints take ({@code POST
 * /repos/{owner}/{repo}/security-advisories} to create, {@code PATCH …/{ghsa_id}} to update):
 * summary, description, CVE, the vulnerable packages with GitHub's ecosystem names and range
 * strings, CWEs, credits of GitHub users, and one of a CVSS vector or a severity.
 */
public final class GhsaExporter {
  /**
   * One advisory's body: the GHSA ID it updates (empty: it creates one), the repository it belongs
   * to when the advisory names it, and how many credits it leaves out for want of a GitHub login.
   */
  public record Body(
      String advisoryId,
      Optional<String> ghsaId,
      Optional<String> repository,
      byte[] json,
      int uncredited) {}

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");
  private static final Pattern GITHUB_URL =
      Pattern.compile("https://github\\.com/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)(?:/.*)?");
  private static final Pattern GITHUB_USER =
      Pattern.compile("https://github\\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/?");

  private GhsaExporter() {}

  /** {@code a}'s body, or empty when it has no package GitHub knows (said in {@code notes}). */
  public static Optional<Body> body(Advisory a, List<String> notes) {
    ObjectNode body = JSON.createObjectNode();
    body.put("summary", a.title());
    // GitHub shows a newline in a description as a line break: the file's wrapped prose is joined.
    body.put("description", SoftBreaks.joined(a.details().strip()));
    a.aliases().stream()
        .filter(x -> x.startsWith("CVE-"))
        .findFirst()
        .ifPresent(c -> body.put("cve_id", c));
    ArrayNode vulnerabilities = body.putArray("vulnerabilities");
    for (Affected p : a.affected()) {
      Optional<String> ecosystem = GithubEcosystems.github(p.ecosystem());
      if (ecosystem.isEmpty()) {
        notes.add(
            a.id()
                + ": GitHub has no ecosystem for "
                + p.ecosystem()
                + " "
                + p.packageName()
                + "; left out");
        continue;
      }
      if (p.ranges().stream().anyMatch(r -> r.type() == RangeType.GIT)) {
        notes.add(
            a.id()
                + ": "
                + p.packageName()
                + " is affected by commits, which GitHub has no range for; its version ranges"
                + " alone are exported");
      }
      for (GithubRanges.Interval i : intervals(p)) {
        ObjectNode v = vulnerabilities.addObject();
        ObjectNode pkg = v.putObject("package");
        pkg.put("ecosystem", ecosystem.get());
        pkg.put("name", p.packageName());
        v.put("vulnerable_version_range", GithubRanges.format(i));
        if (i.fixed().isPresent()) v.put("patched_versions", i.fixed().get());
        else v.putNull("patched_versions");
        ArrayNode functions = v.putArray("vulnerable_functions");
        p.functions().keySet().forEach(functions::add);
      }
    }
    if (vulnerabilities.isEmpty()) {
      notes.add(a.id() + ": no package GitHub knows; not exported");
      return Optional.empty();
    }
    ArrayNode cwes = body.putArray("cwe_ids");
    a.cwes().forEach(cwes::add);
    ArrayNode credits = body.putArray("credits");
    int uncredited = 0;
    for (Credit c : a.credits()) {
      Optional<String> login = login(c);
      if (login.isEmpty()) {
        uncredited++;
        continue;
      }
      ObjectNode credit = credits.addObject();
      credit.put("login", login.get());
      credit.put("type", c.type().map(t -> t.name().toLowerCase(Locale.ROOT)).orElse("other"));
    }
    Optional<String> vector = a.severity().cvssV3().or(() -> a.severity().cvssV4());
    if (vector.isPresent()) {
      body.put("cvss_vector_string", vector.get());
    } else {
      Rating.of(a.severity())
          .filter(l -> l != SeverityLevel.NONE)
          .ifPresent(l -> body.put("severity", l.spelling()));
    }
    // A record kept under GitHub's own ID (import --keep-ids) is that advisory.
    Optional<String> ghsa =
        Stream.concat(Stream.of(a.id()), a.aliases().stream())
            .filter(x -> GhsaReader.GHSA_ID.matcher(x).matches())
            .findFirst();
    try {
      return Optional.of(
          new Body(a.id(), ghsa, repository(a, ghsa), JSON.writeValueAsBytes(body), uncredited));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + a.id(), e);
    }
  }

  /**
   * The repository the advisory belongs to on GitHub: the one its GitHub advisory link names, else
   * the one a fix, package or report link names.
   */
  static Optional<String> repository(Advisory a, Optional<String> ghsa) {
    for (Reference r : a.references()) {
      Matcher m = GITHUB_URL.matcher(r.url());
      if (r.type() == Reference.ReferenceType.ADVISORY
          && m.matches()
          && ghsa.isPresent()
          && r.url().endsWith("/security/advisories/" + ghsa.get())) return Optional.of(m.group(1));
    }
    for (Reference r : a.references()) {
      Matcher m = GITHUB_URL.matcher(r.url());
      if (m.matches()
          && !m.group(1).startsWith("advisories/")
          && REPOSITORY.matcher(m.group(1)).matches()) return Optional.of(m.group(1));
    }
    return Optional.empty();
  }

  private static Optional<String> login(Credit c) {
    for (String contact : c.contact()) {
      Matcher m = GITHUB_USER.matcher(contact);
      if (m.matches()) return Optional.of(m.group(1));
    }
    return Optional.empty();
  }

  /** A package's affected versions as GitHub's intervals: one per range, one per exact version. */
  static List<GithubRanges.Interval> intervals(Affected p) {
    List<GithubRanges.Interval> out = new ArrayList<>();
    for (AffectedRange r : p.ranges()) {
      if (r.type() == RangeType.GIT) continue;
      out.add(
          new GithubRanges.Interval(
              r.introducedOrBeginning(), r.fixed(), r.lastAffected(), Optional.empty()));
    }
    for (String v : p.versions()) {
      out.add(new GithubRanges.Interval(v, Optional.empty(), Optional.empty(), Optional.of(v)));
    }
    if (out.isEmpty() && p.ranges().isEmpty())
      out.add(new GithubRanges.Interval("0", Optional.empty(), Optional.empty(), Optional.empty()));
    return out;
  }
}
