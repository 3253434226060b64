package dev.disclose.pages;

import dev.disclose.markdown.SafeHtml;
import dev.disclose.plan.Feed;
import dev.disclose.plan.PageSpec;
import dev.disclose.plan.Views;
import dev.disclose.urls.SitePaths;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders pages with Pebble. Autoescaping is on and variables are strict; the only value printed
 * raw is {@link SafeHtml}, through the {@code html} filter, which refuses anything else. A site
 * overrides any template by putting a file of the same name in its theme folder; the rest come from
 * the default theme inside the jar. Templates are compiled once and shared by all threads.
 */
public final class PageRenderer {
  static final String DEFAULT_THEME = "themes/default/templates";

  private final PebbleEngine engine;
  private final Views.SiteView site;
  private final String basePath;

  public PageRenderer(Optional<Path> themeDir, Views.SiteView site) {
    List<Loader<?>> loaders = new ArrayList<>();
    themeDir
        .map(d -> d.resolve("templates"))
        .filter(Files::isDirectory)
        .ifPresent(
            d -> {
              FileLoader file = new FileLoader(d.toString());
              file.setSuffix(".peb");
              loaders.add(file);
            });
    ClasspathLoader classpath = new ClasspathLoader(PageRenderer.class.getClassLoader());
    classpath.setPrefix(DEFAULT_THEME);
    classpath.setSuffix(".peb");
    loaders.add(classpath);
    this.engine =
        new PebbleEngine.Builder()
            .loader(new DelegatingLoader(loaders))
            .strictVariables(true)
            .autoEscaping(true)
            .newLineTrimming(true)
            .extension(new SafeHtmlExtension())
            .build();
    this.site = site;
    // The base URL ends in a slash (SiteConfig), so its path does too.
    String path = URI.create(site.baseUrl()).getPath();
    this.basePath = path == null || path.isEmpty() ? "/" : path;
  }

  /** The HTML of one page. */
  public String render(PageSpec page) {
    try {
      PebbleTemplate template = engine.getTemplate(page.template());
      Map<String, Object> context = new HashMap<>();
      context.put("site", site);
      context.put("page", page.view());
      context.put("title", page.title());
      context.put("canonical", page.canonicalUrl());
      context.put("path", page.path());
      context.put("feedPath", page.feedPath());
      context.put("feedTitle", page.feedTitle());
      context.put("feedKinds", Feed.kinds(page.feedPath(), site.feeds()));
      context.put("pager", page.pager().orElse(null));
      // 404.html is served at any depth, so its links are absolute; every other page links
      // relatively, which works under any sub-path and from file://.
      String root =
          page.path().equals(SitePaths.NOT_FOUND) ? basePath : SitePaths.rootFrom(page.path());
      context.put("root", root.isEmpty() ? "./" : root);
      PageBuffer out = PageBuffer.empty();
      template.evaluate(out, context);
      return out.page();
    } catch (RuntimeException e) {
      // Pebble's own errors, and what it does not wrap (our html filter refusing a value that is
      // not SafeHtml, in a site's own template): reported alike, naming template and page.
      throw new IllegalStateException(
          "template " + page.template() + " failed for " + page.path() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {{ advisory.details | html }}}: prints sanitized HTML, refuses any other value. */
  private static final class SafeHtmlExtension extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
      return Map.of(
          "html",
          new Filter() {
            @Override
            public List<String> getArgumentNames() {
              return List.of();
            }

            @Override
            public Object apply(
                Object input,
                Map<String, Object> args,
                PebbleTemplate self,
                EvaluationContext context,
                int lineNumber) {
              if (input instanceof SafeHtml safe) return new SafeString(safe.html());
              throw new IllegalArgumentException(
                  "the html filter only prints SafeHtml (line " + lineNumber + ")");
            }
          });
    }
  }
}
