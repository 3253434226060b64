import dev.disclose.load.Changes;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.PhaseTimings;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Progress;
import dev.disclose.serve.ChangedPaths;
import dev.disclose.serve.PreviewMemo;
import dev.disclose.serve.PreviewSite;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The preview server's rebuild, without the server: N rebuilds of SITE, each after an edit of
 * the first advisory (restored at the end), through the same memory `disclose serve` keeps.
 * Prints each rebuild, the phases of the last one, and the median of the rebuilds after the
 * tenth (the JIT warmed up): the serve target's steady state, with less noise than timing the
 * server's log.
 *
 * <p>EDIT is {@code front-matter} (the default: a query added to the first commit link) or
 * {@code details} (a sentence appended to the text, as {@code bench/run.sh} edits through the
 * server). A details edit changes the similar advisories' inputs: as the server does, the loop
 * then waits for the exact lists and rebuilds once more, untimed, before the next edit. As in
 * the server, the rebuild after an edit reads only the edited file (its watcher's report), the
 * others look at every file.
 *
 *   java -cp generator/target/disclose.jar bench/RebuildLoop.java bench/.corpora/site-10000 50 [EDIT]
 */
public class RebuildLoop {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int builds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    boolean details = args.length > 2 && args[2].equals("details");
    ChangedPaths changes = new ChangedPaths();
    Path out = Files.createTempDirectory("disclose-rebuilds");
    PreviewSite preview = new PreviewSite(out, true);
    Semaphore similarReady = new Semaphore(0);
    preview.memo().listener(new PreviewMemo.Listener() {
      @Override
      public void ready(Memo.Slot<?, ?> slot, long millis) {
        similarReady.release();
      }
    });
    SiteRoot site = SiteRoot.open(root, new PathDisplay(root));
    Path file;
    try (var files = Files.walk(root.resolve("advisories"))) {
      file = files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    String original = Files.readString(file);
    List<Double> times = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    try {
      for (int k = 0; k < builds; k++) {
        if (k > 0) {
          Files.writeString(file, details ? original + "\nEdited " + k + " times.\n"
              : original.replaceFirst("(commit/[0-9a-f]+)", "$1?edit=" + k));
          changes.changed(file);
        }
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        PhaseTimings phases = new PhaseTimings(Progress.NONE);
        Pipeline.Built r = preview.rebuild(site, changes.take(), NOW, phases);
        double millis = (System.nanoTime() - start) / 1e6;
        if (k >= 10) {
          times.add(millis);
          cpu.add((os.getProcessCpuTime() - cpuStart) / 1e6);
        }
        System.out.printf("rebuild %d: %.0f ms (%d rendered, %d written)%n", k, millis, r.rendered(), preview.written());
        if (k == builds - 1) phases.print(new PrintWriter(System.out, true));
        // The background's work done before the next edit, as a person types.
        if (details && k > 0 && similarReady.tryAcquire(60, TimeUnit.SECONDS) && preview.memo().settled()) {
          changes.take();
          preview.rebuild(site, Changes.UNKNOWN, NOW, Progress.NONE);
        }
        similarReady.drainPermits();
        preview.served().awaitBundles(60_000);
      }
    } finally {
      Files.writeString(file, original);
      preview.close(60_000);
      try (var written = Files.walk(out)) {
        written.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    if (times.isEmpty()) return;
    Collections.sort(times);
    Collections.sort(cpu);
    // CPU time (all threads, the JIT's and the collector's too) moves less than wall time on a shared host.
    System.out.printf("median of %d rebuilds: %.0f ms (quartiles %.0f, %.0f), cpu %.0f ms%n", times.size(),
        times.get(times.size() / 2), times.get(times.size() / 4), times.get(3 * times.size() / 4), cpu.get(cpu.size() / 2));
  }

  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
}
