import dev.disclose.pipeline.BuildMemory;
import dev.disclose.pipeline.PhaseTimings;
import dev.disclose.pipeline.SiteBuild;
import dev.disclose.load.ChangedPaths;
import dev.disclose.load.ParsedFiles;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
    ParsedFiles parsed = new ParsedFiles();
    ChangedPaths changes = new ChangedPaths();
    BuildMemory memory = new BuildMemory(true);
    Semaphore similarReady = new Semaphore(0);
    memory.listener(new BuildMemory.Listener() {
      @Override
      public void similarReady(long millis) {
        similarReady.release();
      }
    });
    Path out = Files.createTempDirectory("disclose-rebuilds");
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
        PhaseTimings phases = new PhaseTimings(SiteBuild.Progress.NONE);
        parsed.onlyChanged(changes.take());
        SiteBuild.Result r = rebuild(root, parsed, memory, out, phases);
        double millis = (System.nanoTime() - start) / 1e6;
        if (k >= 10) {
          times.add(millis);
          cpu.add((os.getProcessCpuTime() - cpuStart) / 1e6);
        }
        System.out.printf("rebuild %d: %.0f ms (%d rendered, %d written)%n", k, millis, r.rendered(), r.written());
        if (k == builds - 1) phases.print(new PrintWriter(System.out, true));
        // The background's work done before the next edit, as a person types.
        if (details && k > 0 && similarReady.tryAcquire(60, TimeUnit.SECONDS) && memory.similarSettled()) {
          parsed.onlyChanged(ChangedPaths.Report.UNKNOWN);
          rebuild(root, parsed, memory, out, new PhaseTimings(SiteBuild.Progress.NONE));
        }
        similarReady.drainPermits();
        memory.awaitBundles(60_000);
      }
    } finally {
      Files.writeString(file, original);
      memory.stopBackground(60_000);
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

  private static SiteBuild.Result rebuild(Path root, ParsedFiles parsed, BuildMemory memory, Path out,
      PhaseTimings phases) throws Exception {
    SiteRoot site = SiteRoot.open(root, new PathDisplay(root), parsed);
    return SiteBuild.run(site, new SiteBuild.Options(out, Optional.empty(),
        Instant.parse("2026-11-01T00:00:00Z"), phases, Optional.of(memory)));
  }
}
