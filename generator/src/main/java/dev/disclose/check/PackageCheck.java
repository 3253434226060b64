package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.Status;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.ecosystem.Ecosystems;
import java.util.Locale;

/**
 * P001 unknown-ecosystem, P002 package-name, P003 purl, P004 undeclared-package, P005
 * affected-missing, P008 too-many-packages.
 */
final class PackageCheck implements AdvisoryCheck {
  /**
   * The affected packages one advisory may list: each gets a page and feeds of its own, so the
   * output grows with the count; real advisories list far fewer.
   */
  static final int MAX_AFFECTED = 200;

  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    if (a.affected().size() > MAX_AFFECTED) {
      findings.report(
          Rule.TOO_MANY_PACKAGES,
          a.source().key("affected[" + MAX_AFFECTED + "]"),
          String.format(
              Locale.ROOT,
              "the advisory lists %,d affected packages, more than the %d one advisory may list"
                  + " (each gets a page and feeds of its own); split it into"
                  + " several advisories, each naming the packages that share a fix",
              a.affected().size(),
              MAX_AFFECTED));
    }
    if (a.affected().isEmpty()
        && a.source().positions().get("affected") == null
        && a.status() != Status.WITHDRAWN
        && a.informational().isEmpty()) {
      findings.report(
          Rule.AFFECTED_MISSING,
          a.source().key("title"),
          "the advisory names no affected package; add `affected:` with `ecosystem`, `package` "
              + "and `ranges` (only informational and withdrawn advisories may omit it)");
    }
    boolean own =
        AdvisoryId.parseOwn(a.id(), context.config().idPrefix()).isPresent()
            || AdvisoryId.isPlaceholder(a.id(), context.config().idPrefix());
    for (int i = 0; i < a.affected().size(); i++) {
      Affected p = a.affected().get(i);
      String path = "affected[" + i + "]";
      if (p.ecosystem().isEmpty() || p.packageName().isEmpty()) continue; // reported as missing
      if (Ecosystems.find(p.ecosystem()).isEmpty()) {
        findings.report(
            Rule.UNKNOWN_ECOSYSTEM,
            a.source().value(path + ".ecosystem"),
            "`"
                + p.ecosystem()
                + "` is not an OSV ecosystem"
                + Ecosystems.suggest(p.ecosystem())
                    .map(s -> "; did you mean `" + s + "`?")
                    .orElse("; see https://ossf.github.io/osv-schema/#defined-ecosystems"));
        continue;
      }
      Ecosystems.packageNameProblem(p.ecosystem(), p.packageName())
          .ifPresent(
              problem ->
                  findings.report(
                      Rule.PACKAGE_NAME,
                      a.source().value(path + ".package"),
                      "`"
                          + p.packageName()
                          + "` is not a valid "
                          + p.ecosystem()
                          + " package name: "
                          + problem));
      p.purl()
          .ifPresent(
              purl ->
                  Ecosystems.purlProblem(purl, p.ecosystem(), p.packageName())
                      .ifPresent(
                          problem ->
                              findings.report(
                                  Rule.PURL,
                                  a.source().value(path + ".purl"),
                                  "`purl` "
                                      + purl
                                      + ": "
                                      + problem
                                      + Ecosystems.purlFor(p.ecosystem(), p.packageName())
                                          .map(
                                              d ->
                                                  "; the package's purl is `"
                                                      + d
                                                      + "` (or remove `purl`: it is derived)")
                                          .orElse(""))));
      if (own
          && context.config().declaresPackages()
          && !context.declares(p.ecosystem(), p.packageName())) {
        findings.report(
            Rule.UNDECLARED_PACKAGE,
            a.source().value(path + ".package"),
            p.ecosystem()
                + " package `"
                + p.packageName()
                + "` is not among the `packages` of "
                + "site-config.yaml; add it there, or fix the name");
      }
    }
  }
}
