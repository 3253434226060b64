package dev.disclose.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a tool from outside Maven (node, chromium): they skip without it, saying what to
 * install, except in CI ({@code CI=true}, set by .ci/run), where they fail: CI must never pass by
 * skipping.
 */
public final class ExternalTools {
  private ExternalTools() {}

  /** A prerequisite: skips the test when absent locally, fails it in CI. */
  public static void require(boolean present, String what) {
    if (present) return;
    if ("true".equals(System.getenv("CI")))
      fail(what + " (CI must run this test; .ci/run installs it)");
    Assumptions.abort(what);
  }

  /** Node.js, for the tests that run the site's JavaScript. */
  public static void requireNode() {
    require(works("node", "--version"), "node is not installed (apt-get install nodejs)");
  }

  /** Whether a command runs and exits 0 within 30 seconds. */
  public static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
