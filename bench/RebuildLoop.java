import dev.disclose.build.BuildMemory;
import dev.disclose.build.PhaseTimings;
import dev.disclose.build.SiteBuild;
import dev.disclose.source.ParsedFiles;
import dev.disclose.source.PathDisplay;
import dev.disclose.source.Site;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The preview server's rebuild, without the server: N rebuilds of SITE, each after an edit of
 * the first advisory's front matter (a query added to its first commit link; restored at the
 * end), through the same memory `disclose serve` keeps. Prints each rebuild, the phases of the
 * last one, and the median of the rebuilds after the tenth (the JIT warmed up): the serve target's
 * steady state, with less noise than timing the server's log.
 *
 *   java -cp generator/target/disclose.jar bench/RebuildLoop.java bench/.corpora/site-10000 50
 */
public class RebuildLoop {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int builds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    ParsedFiles parsed = new ParsedFiles();
    BuildMemory memory = new BuildMemory(true);
    Path out = Files.createTempDirectory("disclose-rebuilds");
    Path file;
    try (var files = Files.walk(root.resolve("advisories"))) {
      file = files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    String original = Files.readString(file);
    List<Double> times = new ArrayList<>();
    try {
      for (int k = 0; k < builds; k++) {
        if (k > 0) Files.writeString(file, original.replaceFirst("(commit/[0-9a-f]+)", "$1?edit=" + k));
        long start = System.nanoTime();
        PhaseTimings phases = new PhaseTimings(SiteBuild.Progress.NONE);
        Site site = Site.open(root, new PathDisplay(root), parsed);
        SiteBuild.Result r = SiteBuild.run(site, new SiteBuild.Options(out, Optional.empty(),
            Instant.parse("2026-11-01T00:00:00Z"), phases, Optional.of(memory)));
        double millis = (System.nanoTime() - start) / 1e6;
        if (k >= 10) times.add(millis);
        System.out.printf("rebuild %d: %.0f ms (%d rendered, %d written)%n", k, millis, r.rendered(), r.written());
        if (k == builds - 1) phases.print(new PrintWriter(System.out, true));
        memory.awaitBundles(60_000); // the background's work done before the next edit, as a person types
      }
    } finally {
      Files.writeString(file, original);
    }
    if (times.isEmpty()) return;
    Collections.sort(times);
    System.out.printf("median of %d rebuilds: %.0f ms (quartiles %.0f, %.0f)%n", times.size(),
        times.get(times.size() / 2), times.get(times.size() / 4), times.get(3 * times.size() / 4));
  }
}
