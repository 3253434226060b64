package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Credit;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.text.Urls;

/** U001 url: references are absolute http(s) URLs; credit contacts are http(s) or mailto: URLs. */
final class LinkCheck implements AdvisoryCheck {
  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    for (int i = 0; i < a.references().size(); i++) {
      String url = a.references().get(i).url();
      if (!Urls.isHttpUrl(url)) {
        String path = "references[" + i + "]";
        String at = a.source().positions().containsKey(path + ".url") ? path + ".url" : path;
        findings.report(
            Rule.URL,
            a.source().value(at),
            url.length() > Urls.MAX_LENGTH
                ? tooLong("reference", url)
                : "reference `"
                    + url
                    + "` is not an absolute http(s) URL; write the full address, "
                    + "starting with `https://`");
      }
    }
    for (int i = 0; i < a.credits().size(); i++) {
      Credit credit = a.credits().get(i);
      for (int c = 0; c < credit.contact().size(); c++) {
        String contact = credit.contact().get(c);
        if (!Urls.isContactUrl(contact)) {
          findings.report(
              Rule.URL,
              a.source().value("credits[" + i + "].contact[" + c + "]"),
              contact.length() > Urls.MAX_LENGTH
                  ? tooLong("contact", contact)
                  : "contact `"
                      + contact
                      + "` of "
                      + credit.name()
                      + " is not a URL; write "
                      + "`mailto:name@example.org` or `https://…`");
        }
      }
    }
  }

  /** An over-long link, quoted by its start only. */
  private static String tooLong(String what, String link) {
    return what
        + " `"
        + link.substring(0, 60)
        + "…` is "
        + link.length()
        + " characters long; links are at most "
        + Urls.MAX_LENGTH
        + ": write the address itself";
  }
}
