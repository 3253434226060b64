package dev.disclose.cli;

import dev.disclose.load.SiteRoot;
import dev.disclose.sealing.SealingKey;
import dev.disclose.serve.PreviewServer;
import java.net.BindException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Previews the site on 127.0.0.1, rebuilding and reloading on every change.",
      "Watches advisories/, themes/, docs/ and site-config.yaml. Ctrl-C stops it.",
      "With --preview, drafts and embargoed advisories are served too, marked NOT PUBLIC."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;

  @Option(
      names = "--timings",
      description = "After each build, print how long each of its phases took.")
  boolean timings;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8000",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--preview",
      description = {
        "Serve drafts and embargoed advisories too, each marked NOT PUBLIC, with search",
        "engines told to keep out, as build --preview does; to this machine only."
      })
  boolean preview;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    if (port < 0 || port > 65535) {
      env.err().println("disclose: --port must be between 0 and 65535");
      return Main.USAGE;
    }
    PreviewServer server;
    SiteRoot opened = site.open(env);
    Optional<SealingKey> key = SealingEnvironment.key(env, env.clock().instant());
    if (key.isEmpty()) SealingEnvironment.noteSkipped(env, SealingEnvironment.sealedFiles(opened));
    try {
      server = PreviewServer.start(opened, port, env.clock(), env.out(), timings, preview, key);
    } catch (BindException e) {
      env.err().println("disclose: port " + port + " is in use; pick another with --port");
      return Main.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  env.out().println("stopped");
                  env.out().flush();
                  stopped.countDown();
                }));
    env.out()
        .println(
            (preview
                    ? "serving a PREVIEW (drafts and embargoed advisories included, not for"
                        + " publication) at "
                    : "serving ")
                + server.url()
                + " (Ctrl-C to stop)");
    env.out().flush();
    stopped.await();
    return Main.OK;
  }
}
