package dev.disclose.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;

/**
 * The libraries the shaded jar bundles, as their pom.properties name them, are exactly those of the
 * committed allow-list, and none is a version known to be vulnerable: a dependency upgrade that
 * brings in, drops or moves a library shows up here as a diff to review.
 */
class BundledArtifactsIT {
  private static final Path JAR = Path.of("target/disclose.jar");
  static final Path ALLOWED = Path.of("src/test/resources/shaded-artifacts.txt");
  static final Path VULNERABLE = Path.of("src/test/resources/vulnerable-artifacts.txt");

  @Test
  void theJarBundlesExactlyTheAllowedArtifacts() throws IOException {
    Map<String, String> bundled = bundled(JAR);
    Map<String, String> allowed = allowList();
    List<String> diff = diff(allowed, bundled);
    assertThat(diff)
        .as(
            "the jar's bundled artifacts differ from %s (review each, then edit the list):%n%s",
            ALLOWED, String.join(System.lineSeparator(), diff))
        .isEmpty();
  }

  @Test
  void noBundledOrAllowedArtifactIsAKnownVulnerableVersion() throws IOException {
    List<String> refused = new ArrayList<>();
    for (String line : lines(VULNERABLE)) {
      // groupId:artifactId fixedVersion advisory
      String[] f = line.split("\\s+");
      for (Map<String, String> source : List.of(bundled(JAR), allowList())) {
        String version = source.get(f[0]);
        if (version != null
            && new ComparableVersion(version).compareTo(new ComparableVersion(f[1])) < 0) {
          refused.add(f[0] + ":" + version + " is before " + f[1] + " (" + f[2] + ")");
        }
      }
    }
    assertThat(refused).as("known-vulnerable versions in the jar or the allow-list").isEmpty();
  }

  @Test
  void theDiffNamesWhatWasAddedRemovedAndChanged() {
    Map<String, String> allowed = Map.of("a:kept", "1", "a:gone", "1", "a:moved", "1.0");
    Map<String, String> bundled = Map.of("a:kept", "1", "a:new", "2", "a:moved", "1.1");
    assertThat(diff(allowed, bundled))
        .containsExactly("- a:gone:1", "~ a:moved:1.0 -> 1.1", "+ a:new:2");
  }

  /**
   * groupId:artifactId to version, from every META-INF/maven/.../pom.properties but the jar's own.
   */
  static Map<String, String> bundled(Path jar) throws IOException {
    Map<String, String> found = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        String name = entry.getName();
        if (!name.startsWith("META-INF/maven/") || !name.endsWith("/pom.properties")) continue;
        Properties p = new Properties();
        try (InputStream in = file.getInputStream(entry)) {
          p.load(in);
        }
        String key = p.getProperty("groupId") + ":" + p.getProperty("artifactId");
        if (!key.equals("dev.disclose:disclose-generator"))
          found.put(key, p.getProperty("version"));
      }
    }
    return found;
  }

  static Map<String, String> allowList() throws IOException {
    Map<String, String> allowed = new TreeMap<>();
    for (String line : lines(ALLOWED)) {
      int colon = line.lastIndexOf(':');
      allowed.put(line.substring(0, colon), line.substring(colon + 1));
    }
    return allowed;
  }

  static List<String> diff(Map<String, String> allowed, Map<String, String> bundled) {
    Map<String, String> changes = new TreeMap<>();
    allowed.forEach(
        (key, version) -> {
          String now = bundled.get(key);
          if (now == null) changes.put(key, "- " + key + ":" + version);
          else if (!now.equals(version))
            changes.put(key, "~ " + key + ":" + version + " -> " + now);
        });
    bundled.forEach(
        (key, version) -> {
          if (!allowed.containsKey(key)) changes.put(key, "+ " + key + ":" + version);
        });
    return List.copyOf(changes.values());
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }
}
