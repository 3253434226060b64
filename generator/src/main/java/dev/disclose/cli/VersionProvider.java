package dev.disclose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version the build wrote into {@code version.properties} and the commit into {@code
 * commit.txt}: {@code disclose 0.2.0 (commit abc1234)}, with {@code , modified} when the work tree
 * differed from the commit.
 */
public final class VersionProvider implements IVersionProvider {
  private static final String MODIFIED = "-modified";

  @Override
  public String[] getVersion() {
    Properties build = new Properties();
    String commit;
    try (InputStream version = VersionProvider.class.getResourceAsStream("version.properties");
        InputStream described = VersionProvider.class.getResourceAsStream("commit.txt")) {
      if (version != null) build.load(version);
      commit =
          described == null ? "" : new String(described.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String[] {describe(build.getProperty("version"), commit)};
  }

  /**
   * The line for a version and what {@code git describe --always --dirty=-modified} printed (empty
   * without git).
   */
  static String describe(String version, String described) {
    StringBuilder line =
        new StringBuilder("disclose ")
            .append(version == null || version.contains("${") ? "dev" : version);
    String commit = described == null ? "" : described.strip();
    if (!commit.isEmpty()) {
      boolean modified = commit.endsWith(MODIFIED);
      if (modified) commit = commit.substring(0, commit.length() - MODIFIED.length());
      line.append(" (commit ").append(commit).append(modified ? ", modified)" : ")");
    }
    return line.toString();
  }
}
