package dev.disclose.pipeline;

import dev.disclose.csaf.CsafFormat;
import dev.disclose.cve.CveFormat;
import dev.disclose.cyclonedx.VexFormat;
import dev.disclose.discovery.RobotsTxtFormat;
import dev.disclose.discovery.SecurityTxtFormat;
import dev.disclose.discovery.SitemapFormat;
import dev.disclose.feed.AtomFormat;
import dev.disclose.feed.JsonFeedFormat;
import dev.disclose.feed.OpmlFormat;
import dev.disclose.feed.RssFormat;
import dev.disclose.format.OutputFormat;
import dev.disclose.ghsa.GhsaFormat;
import dev.disclose.govulndb.GoVulnDbFormat;
import dev.disclose.osv.OsvFormat;
import dev.disclose.rustsec.RustSecFormat;
import dev.disclose.sealing.SigningKey;
import dev.disclose.search.SearchIndexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every output format the site publishes, in the order a build starts them; a new format is one
 * line here.
 */
public final class OutputFormats {
  private OutputFormats() {}

  public static final List<OutputFormat> ALL =
      List.of(
          new RssFormat(),
          new AtomFormat(),
          new JsonFeedFormat(),
          new OpmlFormat(),
          new SearchIndexFormat(),
          new SitemapFormat(),
          new RobotsTxtFormat(),
          new SecurityTxtFormat(),
          new OsvFormat(),
          new GoVulnDbFormat(),
          new RustSecFormat(),
          new VexFormat(),
          new CveFormat(),
          new CsafFormat());

  /**
   * The formats only {@code disclose export} writes: files for the maintainers to apply elsewhere,
   * which the site never publishes.
   */
  public static final List<OutputFormat> EXPORT_ONLY = List.of(new GhsaFormat());

  /**
   * The site's formats, the CSAF documents signed with {@code csafKey} when there is one: the key
   * comes from the environment, so it is given to the format when a command runs.
   */
  public static List<OutputFormat> all(Optional<SigningKey> csafKey) {
    return ALL.stream().map(f -> signing(f, csafKey)).toList();
  }

  /**
   * {@code format}, or, if it is CSAF's and there is a key, CSAF's signing with {@code csafKey}.
   */
  public static OutputFormat signing(OutputFormat format, Optional<SigningKey> csafKey) {
    return format instanceof CsafFormat && csafKey.isPresent() ? new CsafFormat(csafKey) : format;
  }

  /** The format named {@code name} on the command line. */
  public static Optional<OutputFormat> named(String name) {
    return Stream.concat(ALL.stream(), EXPORT_ONLY.stream())
        .filter(f -> f.name().equals(name))
        .findFirst();
  }

  /** Every name {@code disclose export} takes: the site's formats and the export-only ones. */
  public static List<String> exportNames() {
    return Stream.concat(ALL.stream(), EXPORT_ONLY.stream()).map(OutputFormat::name).toList();
  }

  /** Every name {@code formats:} in site-config.yaml may choose among. */
  public static List<String> names() {
    return ALL.stream().map(OutputFormat::name).toList();
  }
}
