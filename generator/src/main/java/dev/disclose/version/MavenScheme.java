package dev.disclose.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven versions, ordered by Maven's own {@link ComparableVersion} (the order {@code mvn} uses to
 * pick the newest version): {@code 1.0-alpha-1 < 1.0-beta-1 < 1.0-milestone-1 < 1.0-rc-1 <
 * 1.0-SNAPSHOT < 1.0 = 1.0.0 = 1.0-ga = 1.0.Final < 1.0-sp-1 < 1.0-other < 1.0-1 < 1.0.1}.
 *
 * <p>Maven accepts any string as a version, so only what cannot be a concrete version is rejected:
 * version ranges ({@code [1.0,2.0)}), property references ({@code ${project.version}}) and the
 * meta-versions {@code LATEST} and {@code RELEASE}.
 */
final class MavenScheme extends AbstractVersionScheme {
  MavenScheme() {
    super("Maven", "a Maven version");
  }

  @Override
  public boolean isOrdered() {
    return true;
  }

  @Override
  Object parseKey(String text) throws InvalidVersionException {
    if (text.contains("${")) {
      throw invalid(text, "it is a property reference, not a version; write the version itself");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[' || c == ']' || c == '(' || c == ')' || c == ',') {
        throw invalid(
            text, "`" + c + "` is range syntax; write a single version like 1.2.0, not a range");
      }
    }
    if (text.equals("LATEST") || text.equals("RELEASE")) {
      throw invalid(text, "it is a meta-version, not a version; write a version like 1.2.0");
    }
    return new ComparableVersion(text);
  }

  @Override
  int compareKeys(Object a, Object b) {
    return ((ComparableVersion) a).compareTo((ComparableVersion) b);
  }

  @Override
  int hashKey(Object key) {
    // ComparableVersion's equals/hashCode work on the same parsed items as compareTo.
    return key.hashCode();
  }
}
