package dev.disclose.authoring;

import java.time.LocalDate;

/**
 * The text of a new draft: the fields a typical advisory needs, the optional ones as comments, and
 * a skeleton of the details. It validates as it is (a draft may leave the versions open).
 */
final class Template {
  private Template() {}

  static String draft(
      String id, String ecosystem, String packageName, String title, LocalDate today) {
    return """
        ---
        id: %s
        title: %s
        status: draft            # draft → embargoed (with `embargo:`) → published (with `published:`)
        # published: %s
        # embargo: %sT16:00:00Z
        # aliases: [CVE-YYYY-NNNNN, GHSA-xxxx-xxxx-xxxx]
        # cve_requested: YYYY-MM-DD   # a CVE asked for and not assigned yet
        # severity:
        #   cvss_v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
        #   cvss_v4: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N
        # cwes: [CWE-79]
        affected:
          - ecosystem: %s
            package: %s
            ranges:
              - introduced: "0"   # first affected version ("0": all versions)
                # fixed: 1.2.3     # first version with the fix
        # references:
        #   - type: FIX
        #     url: https://github.com/OWNER/REPO/commit/HASH
        # credits:
        #   - name: Reporter Name
        #     type: FINDER
        timeline:
          reported: %s
          # acknowledged: YYYY-MM-DD   # the reply to the reporter
          # assessed: YYYY-MM-DD       # triage, the initial assessment
          # fixed: YYYY-MM-DD          # the fix released
        ---
        ## Impact

        What an attacker can do, under which conditions, and who is affected.

        ## Patches

        The versions that fix it.

        ## Workarounds

        What users can do until they upgrade.
        """
        .formatted(id, yamlString(title), today, today, ecosystem, yamlString(packageName), today);
  }

  /** Quotes a value when plain YAML would misread it. */
  static String yamlString(String s) {
    boolean plain =
        s.matches("[A-Za-z0-9][A-Za-z0-9 ._/()'-]*")
            && !s.endsWith(" ")
            && !s.contains(": ")
            && !s.contains(" #");
    if (plain) return s;
    return "\""
        + s.replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        + "\"";
  }
}
