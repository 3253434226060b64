package dev.disclose.discovery;

import dev.disclose.config.SiteConfig;
import dev.disclose.csaf.CsafFormat;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import dev.disclose.urls.SitePaths;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code .well-known/security.txt} (RFC 9116): whom to tell of a vulnerability, and the policy. */
public final class SecurityTxtFormat implements OutputFormat {
  /**
   * security.txt must expire within a year (RFC 9116 §2.5.5); half a year after the renewal leaves
   * room to rebuild.
   */
  static final int SECURITY_TXT_DAYS = 180;

  /**
   * The file is renewed at the start of each window of this many days (counted from 1970-01-01),
   * not on every build, so that it changes on a schedule a publisher can know in advance.
   */
  static final int RENEWAL_DAYS = 90;

  public static final String NAME = "security-txt";

  /** Where RFC 9116 clients look for the file: at the host's root, whatever the site's path. */
  static final String WELL_KNOWN = ".well-known/security.txt";

  private static final Pattern GITHUB_PAGES_HOST =
      Pattern.compile("([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\\.github\\.io");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String folder() {
    return ".well-known/";
  }

  @Override
  public String summary() {
    return "security.txt (RFC 9116): the security contact and policy, expiring half a year after its next renewal.";
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

  /**
   * The moment after {@code now} at which the file changes with no change to the site: the start of
   * the next renewal window.
   */
  public static Instant nextRenewal(Instant now) {
    long day = now.getEpochSecond() / 86_400;
    return Instant.EPOCH.plus((day / RENEWAL_DAYS + 1) * RENEWAL_DAYS, ChronoUnit.DAYS);
  }

  /**
   * {@code now} is the build's notion of now, so the file is a function of the input; it expires
   * half a year after its next renewal, the same all through a renewal window.
   */
  public static String securityTxt(SiteConfig config, Instant now) {
    String base = config.baseUrl();
    Instant expires = nextRenewal(now).plus(SECURITY_TXT_DAYS, ChronoUnit.DAYS);
    StringBuilder b = new StringBuilder();
    b.append("Contact: ").append(config.securityContact()).append('\n');
    b.append("Expires: ").append(DateTimeFormatter.ISO_INSTANT.format(expires)).append('\n');
    if (config.policy().isPresent())
      b.append("Policy: ").append(base).append(SitePaths.POLICY).append('\n');
    // A copy at the host's root (see hostRoot) is where clients look; both copies are canonical.
    hostRoot(base)
        .ifPresent(root -> b.append("Canonical: ").append(root).append(WELL_KNOWN + "\n"));
    b.append("Canonical: ").append(base).append(WELL_KNOWN + "\n");
    // CSAF 2.0 requirement 8: where the CSAF provider's metadata is, over https only.
    if (config.publishes(CsafFormat.NAME) && base.startsWith("https://"))
      b.append("CSAF: ").append(base).append(SitePaths.CSAF_PROVIDER_METADATA).append('\n');
    b.append("Preferred-Languages: ").append(String.join(", ", config.languages())).append('\n');
    return b.toString();
  }

  /**
   * The root of the host the site lives on, when the site lives under a path of it ({@code
   * https://org.github.io/} for {@code https://org.github.io/repo/}): the file the build writes
   * then belongs there too, since RFC 9116 clients look only at the root.
   */
  public static Optional<String> hostRoot(String baseUrl) {
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (uri.getScheme() == null || uri.getRawAuthority() == null) return Optional.empty();
    String path = uri.getRawPath();
    if (path == null || path.isEmpty() || path.equals("/")) return Optional.empty();
    return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
  }

  /**
   * What to tell the maintainer of a site whose security.txt is written under a path: where the
   * file belongs and where to copy it from ({@code written}, the file as the output folder shows
   * it).
   */
  public static Optional<String> outsideTheRoot(SiteConfig config, String written) {
    if (!config.publishes(NAME)) return Optional.empty();
    return hostRoot(config.baseUrl())
        .map(
            root -> {
              String host = URI.create(root).getHost();
              Matcher pages =
                  GITHUB_PAGES_HOST.matcher(host == null ? "" : host.toLowerCase(Locale.ROOT));
              return "`/"
                  + WELL_KNOWN
                  + "` belongs at the host's root ("
                  + root
                  + WELL_KNOWN
                  + "); copy "
                  + written
                  + " there"
                  + (pages.matches()
                      ? " (for GitHub Pages, into the " + pages.group(0) + " repository)"
                      : "");
            });
  }
}
