package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** W001 cwe-format, W002 cwe-unknown. */
final class WeaknessCheck implements AdvisoryCheck {
  private static final Pattern CWE = Pattern.compile("CWE-([1-9][0-9]{0,6})");

  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    for (int i = 0; i < a.cwes().size(); i++) {
      String cwe = a.cwes().get(i);
      String path = "cwes[" + i + "]";
      Matcher m = CWE.matcher(cwe);
      if (!m.matches()) {
        String digits = cwe.replaceAll("[^0-9]", "");
        findings.report(
            Rule.CWE_FORMAT,
            a.source().value(path),
            "`"
                + cwe
                + "` is not a CWE ID; write `CWE-"
                + (digits.isEmpty() ? "<number>" : digits)
                + "`");
      } else if (!context.cwes().isKnown(Integer.parseInt(m.group(1)))) {
        findings.report(
            Rule.CWE_UNKNOWN,
            a.source().value(path),
            "`"
                + cwe
                + "` is not in the CWE list (version "
                + context.cwes().version()
                + "); check the number at https://cwe.mitre.org/");
      }
    }
  }
}
