package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** I001 id-format, I002 id-placeholder, I005 alias-format, I006 self-reference, I007 file-name. */
final class IdentifierCheck implements AdvisoryCheck {
  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    String prefix = context.config().idPrefix();
    String id = a.id();
    if (id.isEmpty()) return; // reported as missing
    Optional<AdvisoryId.Own> own = AdvisoryId.parseOwn(id, prefix);
    if (AdvisoryId.isPlaceholder(id, prefix)) {
      findings.report(
          Rule.ID_PLACEHOLDER,
          a.source().value("id"),
          "`"
              + id
              + "` is the placeholder ID; run `disclose assign-ids` to give it the next free number");
    } else if (own.isEmpty() && !AdvisoryId.isKnownDatabaseId(id)) {
      String expected =
          prefix.isEmpty() ? "" : "`" + prefix + "-<YYYY>-<NNNN>` (this site's prefix) or ";
      findings.report(
          Rule.ID_FORMAT,
          a.source().value("id"),
          "`"
              + id
              + "` is not a valid advisory ID: use "
              + expected
              + "a known database's ID such as `GHSA-xxxx-xxxx-xxxx` or `RUSTSEC-2025-0001`");
    } else {
      own.filter(o -> o.year() < 1999 || o.year() > 2999)
          .ifPresent(
              o ->
                  findings.report(
                      Rule.ID_FORMAT,
                      a.source().value("id"),
                      "`"
                          + id
                          + "` has the year "
                          + o.year()
                          + "; use the year the advisory was created"));
    }
    String fileName = a.source().file().getFileName().toString();
    String expectedName = fileName.endsWith(".md.asc") ? id + ".md.asc" : id + ".md";
    if (!fileName.equals(expectedName)) {
      findings.report(
          Rule.FILE_NAME,
          a.source().value("id"),
          "the file is named `"
              + fileName
              + "` but its ID is `"
              + id
              + "`: rename it to `"
              + expectedName
              + "`");
    }
    checkList(a, "aliases", a.aliases(), prefix, findings);
    checkList(a, "related", a.related(), prefix, findings);
    checkList(a, "upstream", a.upstream(), prefix, findings);
  }

  private static void checkList(
      Advisory a, String key, List<String> ids, String prefix, Findings findings) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String other = ids.get(i);
      String path = key + "[" + i + "]";
      if (other.equals(a.id())) {
        findings.report(
            Rule.SELF_REFERENCE,
            a.source().value(path),
            "`" + key + "` lists the advisory's own ID `" + other + "`; remove it");
      } else if (!seen.add(other)) {
        findings.report(
            Rule.SELF_REFERENCE,
            a.source().value(path),
            "`" + key + "` lists `" + other + "` twice; remove one");
      } else if (!AdvisoryId.isKnownDatabaseId(other)
          && AdvisoryId.parseOwn(other, prefix).isEmpty()) {
        findings.report(
            Rule.ALIAS_FORMAT,
            a.source().value(path),
            "`"
                + other
                + "` in `"
                + key
                + "` does not look like an advisory ID "
                + "(`CVE-2025-12345`, `GHSA-xxxx-xxxx-xxxx`, `"
                + (prefix.isEmpty() ? "PREFIX" : prefix)
                + "-2025-0001`, …); check for a typo");
      }
    }
  }
}
