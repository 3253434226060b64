package dev.disclose.ghsa;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code sync.sh}: the {@code gh api} calls that apply an export's bodies, an update for each
 * advisory GitHub has and a draft created for each it has not. Every value it names is checked
 * against a pattern before it is written between single quotes, since the advisories come from pull
 * requests.
 */
final class SyncScript {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./-]+");

  private SyncScript() {}

  static String of(List<GhsaExporter.Body> bodies, Function<GhsaExporter.Body, String> path) {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        #!/bin/sh
        # Applies the GitHub security advisory bodies beside this script with the GitHub CLI, which
        # must be signed in with admin rights on each repository. An advisory GitHub has (its GHSA
        # ID is an alias) is updated in place; one it has not is created as a draft, whose new GHSA
        # ID to add to the advisory's aliases so that the next run updates it instead.
        # GHSA_REPOSITORY=owner/name names the repository for advisories that do not name one.
        set -eu
        cd "$(dirname "$0")"

        update() {
          gh api --method PATCH "repos/$1/security-advisories/$2" --input "$3" > /dev/null
          echo "updated $2 in $1"
        }

        create() {
          ghsa=$(gh api --method POST "repos/$1/security-advisories" --input "$3" --jq .ghsa_id)
          echo "created draft $ghsa in $1 for $2: add $ghsa to its aliases, then review and publish it"
        }

        """);
    for (GhsaExporter.Body b : bodies) {
      String file = path.apply(b);
      String repository =
          b.repository()
              .filter(SyncScript::isSafe)
              .map(SyncScript::quoted)
              .orElse(
                  "\"${GHSA_REPOSITORY:?set GHSA_REPOSITORY=owner/name: "
                      + safe(b.advisoryId())
                      + " names no GitHub repository}\"");
      if (b.ghsaId().isPresent()) {
        s.append("update ")
            .append(repository)
            .append(' ')
            .append(quoted(b.ghsaId().get()))
            .append(' ')
            .append(quoted(file))
            .append('\n');
      } else {
        s.append("create ")
            .append(repository)
            .append(' ')
            .append(quoted(b.advisoryId()))
            .append(' ')
            .append(quoted(file))
            .append('\n');
      }
    }
    return s.toString();
  }

  /** Whether {@code value} means nothing to a shell between single quotes, nor as a path. */
  static boolean isSafe(String value) {
    return SAFE.matcher(value).matches() && !value.contains("..");
  }

  private static String quoted(String value) {
    return "'" + safe(value) + "'";
  }

  /** A value from an advisory, refused unless made of characters that mean nothing to a shell. */
  private static String safe(String value) {
    if (!isSafe(value)) throw new IllegalArgumentException("not a safe name for sync.sh: " + value);
    return value;
  }
}
