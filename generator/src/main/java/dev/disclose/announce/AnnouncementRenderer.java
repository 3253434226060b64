package dev.disclose.announce;

import dev.disclose.text.TextWrap;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders an announcement from a Pebble template: the default theme's {@code
 * email/announcement.peb}, or a list's own template file in the site. A template writes a {@code
 * Subject:} line, a blank line, then the body; {@code wrap(72)} fills text to a width. Mail is
 * plain text, so nothing is HTML-escaped; every value the view holds is already one clean line or
 * paragraph.
 */
public final class AnnouncementRenderer {
  static final String DEFAULT_TEMPLATE = "email/announcement";
  private static final String DEFAULT_THEME = "themes/default/templates/";

  private final PebbleEngine engine;

  /** {@code siteRoot}: where a list's own template is looked up. */
  public AnnouncementRenderer(Path siteRoot) {
    List<Loader<?>> loaders = new ArrayList<>();
    FileLoader site = new FileLoader(siteRoot.toString());
    loaders.add(site);
    ClasspathLoader classpath = new ClasspathLoader(AnnouncementRenderer.class.getClassLoader());
    classpath.setPrefix(DEFAULT_THEME);
    classpath.setSuffix(".peb");
    loaders.add(classpath);
    this.engine =
        new PebbleEngine.Builder()
            .loader(new DelegatingLoader(loaders))
            .strictVariables(true)
            .autoEscaping(false)
            // Blank lines are the layout of a plain-text mail: kept as the template writes them.
            .newLineTrimming(false)
            .extension(new WrapExtension())
            .build();
  }

  /** The subject and body of {@code view} rendered with {@code template} (empty: the default). */
  public Announcement render(
      Map<String, Object> view,
      Optional<String> template,
      String advisoryId,
      String list,
      String from,
      String to)
      throws AnnouncementException {
    String name = template.orElse(DEFAULT_TEMPLATE);
    String text;
    try {
      PebbleTemplate t = engine.getTemplate(name);
      StringWriter out = new StringWriter();
      t.evaluate(out, view);
      text = out.toString();
    } catch (PebbleException | IOException e) {
      throw new AnnouncementException(
          "the template " + name + " cannot be rendered: " + firstLine(e.getMessage()));
    }
    int blank = text.indexOf("\n\n");
    String head = blank < 0 ? "" : text.substring(0, blank);
    if (!head.startsWith("Subject:") || head.contains("\n"))
      throw new AnnouncementException(
          "the template "
              + name
              + " must start with a `Subject:` line and a blank line, then the body");
    String subject = AnnouncementView.clean(head.substring("Subject:".length()));
    String body = text.substring(blank + 2).stripTrailing() + "\n";
    return new Announcement(advisoryId, list, from, to, subject, body);
  }

  private static String firstLine(String message) {
    if (message == null) return "";
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** {@code {{ text | wrap(72) }}} and {@code wrap(72, "- ", " ")} for hanging lists. */
  private static final class WrapExtension extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
      return Map.of(
          "wrap",
          new Filter() {
            @Override
            public List<String> getArgumentNames() {
              return List.of("width", "first", "hanging");
            }

            @Override
            public Object apply(
                Object input,
                Map<String, Object> args,
                PebbleTemplate self,
                EvaluationContext context,
                int lineNumber) {
              if (input == null) return "";
              int width = args.get("width") instanceof Number n ? Math.max(20, n.intValue()) : 72;
              String first = args.get("first") == null ? "" : args.get("first").toString();
              String hanging = args.get("hanging") == null ? "" : args.get("hanging").toString();
              return TextWrap.wrap(input.toString(), width, first, hanging);
            }
          });
    }
  }
}
