package dev.disclose.cli;

import dev.disclose.pipeline.GeneratorVersion;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and commit the build wrote ({@link GeneratorVersion}), as {@code --version} prints
 * them: {@code disclose 0.2.0 (commit abc1234)}, with {@code , modified} when the work tree
 * differed from the commit.
 */
public final class VersionProvider implements IVersionProvider {
  private static final String MODIFIED = "-modified";

  @Override
  public String[] getVersion() {
    return new String[] {describe(GeneratorVersion.version(), GeneratorVersion.commit())};
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
