package dev.disclose.advisory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One affected package and the versions of it that are vulnerable. {@code functions} maps each
 * affected function path to the version requirements under which it is affected (RustSec's {@code
 * [affected.functions]}); an empty list means "in every affected version".
 */
public record Affected(
    String ecosystem,
    String packageName,
    Optional<String> purl,
    List<AffectedRange> ranges,
    List<String> versions,
    Map<String, List<String>> functions,
    List<String> os,
    List<String> arch,
    Optional<Severity> severity,
    Map<String, Object> databaseSpecific,
    Map<String, Object> ecosystemSpecific) {

  public Affected {
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
    functions = copyFunctions(functions);
    os = List.copyOf(os);
    arch = List.copyOf(arch);
    databaseSpecific = FreeForm.copy(databaseSpecific);
    ecosystemSpecific = FreeForm.copy(ecosystemSpecific);
  }

  /** This package with other affected intervals (an import dropping one that is empty). */
  public Affected withRanges(List<AffectedRange> newRanges) {
    return new Affected(
        ecosystem,
        packageName,
        purl,
        newRanges,
        versions,
        functions,
        os,
        arch,
        severity,
        databaseSpecific,
        ecosystemSpecific);
  }

  /** This package with other affected functions (an import adding what OSV cannot carry). */
  public Affected withFunctions(Map<String, List<String>> newFunctions) {
    return new Affected(
        ecosystem,
        packageName,
        purl,
        ranges,
        versions,
        newFunctions,
        os,
        arch,
        severity,
        databaseSpecific,
        ecosystemSpecific);
  }

  private static Map<String, List<String>> copyFunctions(Map<String, List<String>> functions) {
    LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
    functions.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }
}
