package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.RustSecCategories;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.markdown.MarkdownLimits;
import dev.disclose.text.DidYouMean;
import dev.disclose.yaml.Position;

/** C001 body-empty, C002 unknown-category, C004 markdown-limit. */
final class ContentCheck implements AdvisoryCheck {
  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    if (a.details().isBlank()) {
      findings.report(
          Rule.BODY_EMPTY,
          new Position(Math.max(1, a.source().detailsLine() - 1), 1),
          "the advisory has no details after the front matter; describe the vulnerability, its "
              + "impact, the fix and any workaround in Markdown");
    }
    MarkdownLimits.check(a.details())
        .ifPresent(
            b ->
                findings.report(
                    Rule.MARKDOWN_LIMIT,
                    new Position(a.source().detailsLine() + b.line() - 1, b.column()),
                    b.message()
                        + "; the build refuses Markdown past this limit: simplify it here"));
    for (int i = 0; i < a.categories().size(); i++) {
      String category = a.categories().get(i);
      if (!RustSecCategories.ALL.contains(category)) {
        findings.report(
            Rule.UNKNOWN_CATEGORY,
            a.source().value("categories[" + i + "]"),
            "`"
                + category
                + "` is not a RustSec category"
                + DidYouMean.suggest(category, RustSecCategories.ALL)
                    .map(s -> "; did you mean `" + s + "`?")
                    .orElse("; use a keyword instead"));
      }
    }
  }
}
