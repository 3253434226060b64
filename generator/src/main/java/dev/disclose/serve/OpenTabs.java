package dev.disclose.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * The open tabs of the preview, each listening on a server-sent event stream: told to reload after
 * a rebuild that changed a file, shown a failed rebuild's errors over the page ({@code errors}),
 * and told when a build succeeds again ({@code ok}). A tab that connects while the latest build has
 * failed is shown its errors at once.
 */
final class OpenTabs implements Rebuilder.Outcome {
  /** The script every served page gets, allowed by the site's CSP as a same-origin file. */
  static final String SCRIPT_PATH = "/__disclose/reload.js";

  static final String EVENTS_PATH = "/__disclose/events";

  /** At most this many live-reload streams at once, each holding one of the server's threads. */
  static final int MAX_LISTENERS = 32;

  static final byte[] SCRIPT = script();

  private final Semaphore slots = new Semaphore(MAX_LISTENERS);
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();

  /** The latest build's errors as an event, or null after a build that succeeded. */
  private volatile String errors;

  private static byte[] script() {
    try (InputStream in = OpenTabs.class.getResourceAsStream("reload.js")) {
      if (in == null) throw new IllegalStateException("reload.js is missing from the jar");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void built(boolean changed) {
    boolean failedBefore = errors != null;
    errors = null;
    if (failedBefore) send("event: ok\ndata: 1\n\n");
    if (changed) send("event: reload\ndata: 1\n\n");
  }

  @Override
  public void failed(BuildErrors report) {
    String event = "event: errors\ndata: " + report.json() + "\n\n";
    errors = event;
    send(event);
  }

  private void send(String event) {
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    for (OutputStream listener : listeners) {
      try {
        synchronized (listener) {
          listener.write(bytes);
          listener.flush();
        }
      } catch (IOException e) {
        listeners.remove(listener);
      }
    }
  }

  /**
   * An open tab's stream, held until the tab goes away; beyond {@link #MAX_LISTENERS} at once, a
   * 503, since each one holds a thread.
   */
  void stream(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    if (!slots.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", "5");
      PreviewServer.send(
          exchange,
          503,
          "text/plain; charset=utf-8",
          ("disclose serve keeps at most "
                  + MAX_LISTENERS
                  + " live-reload connections open; close some tabs\n")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    OutputStream body = exchange.getResponseBody();
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      // Listening before the latest errors are read: an event sent meanwhile waits for this block
      // and follows them, so the tab never misses a change (at worst it is shown errors twice).
      synchronized (body) {
        listeners.add(body);
        body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        String now = errors;
        if (now != null) body.write(now.getBytes(StandardCharsets.UTF_8));
        body.flush();
      }
      // A comment every second finds a tab that went away (the write fails) and frees its slot.
      while (listeners.contains(body)) {
        Thread.sleep(1000);
        synchronized (body) {
          body.write(":\n\n".getBytes(StandardCharsets.UTF_8));
          body.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException gone) {
      // the tab was closed
    } finally {
      listeners.remove(body);
      slots.release();
    }
  }

  /** Lets every stream end. */
  void close() {
    listeners.clear();
  }
}
