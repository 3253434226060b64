package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.diagnostic.Findings;

/** A group of rules about one concept, checked on one advisory at a time. Stateless. */
interface AdvisoryCheck {
  void check(Advisory advisory, CheckContext context, Findings findings);
}
