package dev.disclose.discovery;

import dev.disclose.config.SiteConfig;
import dev.disclose.csaf.CsafFormat;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import dev.disclose.urls.SitePaths;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code .well-known/security.txt} (RFC 9116): whom to tell of a vulnerability, and the policy. */
public final class SecurityTxtFormat implements OutputFormat {
  /**
   * security.txt must expire within a year (RFC 9116 §2.5.5); half a year leaves room to rebuild.
   */
  static final int SECURITY_TXT_DAYS = 180;

  @Override
  public String name() {
    return "security-txt";
  }

  @Override
  public String folder() {
    return ".well-known/";
  }

  @Override
  public String summary() {
    return "security.txt (RFC 9116): the security contact and policy, expiring half a year after the build.";
  }

  @Override
  public boolean readsPlan() {
    return false;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    sink.put("security.txt", securityTxt(publication.config(), publication.now()));
    return new Written(1, List.of());
  }

  /** {@code now} is the build's notion of now, so the file is a function of the input. */
  public static String securityTxt(SiteConfig config, Instant now) {
    String base = config.baseUrl();
    Instant expires = now.truncatedTo(ChronoUnit.DAYS).plus(SECURITY_TXT_DAYS, ChronoUnit.DAYS);
    StringBuilder b = new StringBuilder();
    b.append("Contact: ").append(config.securityContact()).append('\n');
    b.append("Expires: ").append(DateTimeFormatter.ISO_INSTANT.format(expires)).append('\n');
    if (config.policy().isPresent())
      b.append("Policy: ").append(base).append(SitePaths.POLICY).append('\n');
    b.append("Canonical: ").append(base).append(".well-known/security.txt\n");
    // CSAF 2.0 requirement 8: where the CSAF provider's metadata is, over https only.
    if (config.publishes(CsafFormat.NAME) && base.startsWith("https://"))
      b.append("CSAF: ").append(base).append(SitePaths.CSAF_PROVIDER_METADATA).append('\n');
    b.append("Preferred-Languages: ").append(String.join(", ", config.languages())).append('\n');
    return b.toString();
  }
}
