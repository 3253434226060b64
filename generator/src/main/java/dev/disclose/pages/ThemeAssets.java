package dev.disclose.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The theme's static files: the default theme's (listed in {@code assets.list} inside the jar,
 * since a jar cannot be listed portably), overridden or extended by the site's own theme folder.
 */
public final class ThemeAssets {
  static final String DEFAULT = "themes/default/";

  private ThemeAssets() {}

  /** Asset name → bytes, in name order. */
  public static Map<String, byte[]> load(Optional<Path> themeDir) throws IOException {
    Map<String, byte[]> assets = new TreeMap<>();
    ClassLoader loader = ThemeAssets.class.getClassLoader();
    try (InputStream list = loader.getResourceAsStream(DEFAULT + "assets.list")) {
      if (list == null)
        throw new IOException("the default theme is missing from the jar (assets.list)");
      for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        name = name.strip();
        if (name.isEmpty() || name.startsWith("#")) continue;
        try (InputStream in = loader.getResourceAsStream(DEFAULT + "assets/" + name)) {
          if (in == null)
            throw new IOException("the default theme lists " + name + " but does not hold it");
          assets.put(name, in.readAllBytes());
        }
      }
    }
    if (themeDir.isPresent() && Files.isDirectory(themeDir.get().resolve("assets"))) {
      Path dir = themeDir.get().resolve("assets");
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          assets.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
    }
    return assets;
  }
}
