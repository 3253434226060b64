import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.PhaseTimings;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Progress;
import dev.disclose.plan.PlanRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * What a full build costs once start-up and the JIT's compiling are paid: N complete builds of
 * SITE in one JVM, each into a new folder (every file read, parsed, rendered and written again;
 * no serve memory; only the JVM's static caches are kept). Prints each build, the phases of the last
 * one, and the median of the last ten (wall and CPU time). That median is a floor for a build from a cold JVM:
 * ahead-of-time compiled code (a native image) could at best reach it, so it says how far
 * removing start-up and compiling could close the distance to Hugo (bench/README.md).
 *
 *   java -XX:+UseParallelGC -Xmn128m -Djava.io.tmpdir=/dev/shm -cp generator/target/disclose.jar \
 *       bench/WarmBuilds.java bench/.corpora/hugo/disclose 60
 *
 * The output goes to a temporary folder under java.io.tmpdir (here tmpfs, leaving the disk
 * out), deleted at the end.
 */
public class WarmBuilds {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int builds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    Path base = Files.createTempDirectory("disclose-warm");
    Path out = base.resolve("site");
    List<Double> times = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    try {
      for (int k = 0; k < builds; k++) {
        // Each build into a new folder, as bench/hugo.sh runs both tools: into a folder it built
        // before, a build reads back each file and writes only those that changed. The previous
        // one is deleted first, untimed.
        delete(out);
        PhaseTimings phases = new PhaseTimings(Progress.NONE);
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        // As `disclose build` opens and builds a site. Carried over from the previous build: only
        // the JVM's static caches (the CVSS scores seen, the bundled CWE list).
        SiteRoot site = SiteRoot.open(root, new PathDisplay(root));
        Pipeline.Built r = new Pipeline(Memo.NONE, phases).build(LoadRequest.toBuild(site),
            Pipeline.BuildRequest.at(Instant.parse("2026-11-01T00:00:00Z"), PlanRequest.PUBLIC),
            Pipeline.folder(out, site.root(), false));
        double millis = (System.nanoTime() - start) / 1e6;
        times.add(millis);
        cpu.add((os.getProcessCpuTime() - cpuStart) / 1e6);
        System.out.printf("build %d: %.0f ms (%d pages, %d files)%n", k + 1, millis, r.pages(), r.files());
        if (k == builds - 1) phases.print(new PrintWriter(System.out, true));
      }
    } finally {
      delete(base);
    }
    if (times.isEmpty()) return;
    // CPU time (all threads, the collector's too) moves less than wall time on a shared host.
    List<Double> last = lastTen(times);
    System.out.printf("median of the last %d builds: %.0f ms (fastest %.0f, slowest %.0f), cpu %.0f ms%n",
        last.size(), median(last), last.get(0), last.get(last.size() - 1), median(lastTen(cpu)));
  }

  private static List<Double> lastTen(List<Double> all) {
    List<Double> last = new ArrayList<>(all.subList(Math.max(0, all.size() - 10), all.size()));
    Collections.sort(last);
    return last;
  }

  private static double median(List<Double> sorted) {
    return (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
  }

  private static void delete(Path folder) throws java.io.IOException {
    if (!Files.exists(folder)) return;
    try (var written = Files.walk(folder)) {
      // Files.delete throws: a file left behind would make the next build reuse the folder.
      for (Path p : (Iterable<Path>) written.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
    }
  }
}
