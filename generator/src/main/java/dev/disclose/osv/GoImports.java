package dev.disclose.osv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Go package's affected functions as the Go vulnerability database writes them: {@code
 * ecosystem_specific.imports}, one {@code {path, goos, goarch, symbols}} per package, where {@code
 * path} is the package's import path and each symbol is a name inside it ({@code Parse}, {@code
 * Server.Serve}), which is what govulncheck matches against the packages a program imports.
 *
 * <p>An advisory names a function by its symbol alone (in the module's root package), by its
 * package's import path and symbol ({@code github.com/x/y/internal/proxy.Server.handlePrefill}), or
 * by the package's path inside the module and symbol ({@code internal/proxy.Server.handlePrefill}).
 * For the standard library ({@code stdlib}) and the go command ({@code toolchain}) the name starts
 * with its package's path ({@code net/http.Server.Serve}).
 */
public final class GoImports {
  /** The pseudo-modules of the Go vulnerability database that hold the standard library's paths. */
  private static final List<String> PSEUDO_MODULES = List.of("stdlib", "toolchain");

  private GoImports() {}

  /** A function split into the import path of its package and its name inside that package. */
  public record Symbol(String path, String name) {}

  /** The module's {@code imports}: empty when the package names no function, OS or architecture. */
  public static List<Map<String, Object>> of(
      String module, Collection<String> functions, List<String> os, List<String> arch) {
    if (functions.isEmpty() && os.isEmpty() && arch.isEmpty()) return List.of();
    // One entry per package, in the order the functions first name it.
    Map<String, List<String>> byPath = new LinkedHashMap<>();
    for (String f : functions) {
      Symbol s = split(module, f);
      byPath.computeIfAbsent(s.path(), p -> new ArrayList<>()).add(s.name());
    }
    if (byPath.isEmpty()) byPath.put(module, List.of());
    List<Map<String, Object>> imports = new ArrayList<>();
    byPath.forEach(
        (path, symbols) -> {
          Map<String, Object> imported = new LinkedHashMap<>();
          imported.put("path", path);
          if (!os.isEmpty()) imported.put("goos", List.copyOf(os));
          if (!arch.isEmpty()) imported.put("goarch", List.copyOf(arch));
          if (!symbols.isEmpty()) imported.put("symbols", List.copyOf(symbols));
          imports.add(imported);
        });
    return imports;
  }

  /**
   * The functions, operating systems and architectures {@code imports} says, when writing them back
   * with {@link #of} gives exactly {@code imports}, key order included; otherwise empty, and the
   * record keeps its {@code imports} as they are.
   */
  public static Optional<Read> read(String module, Object imports) {
    if (!(imports instanceof List<?> list) || list.isEmpty()) return Optional.empty();
    // Distinct, as the model keys them: a symbol listed twice does not come back twice.
    Set<String> functions = new LinkedHashSet<>();
    List<String> os = null;
    List<String> arch = null;
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> imported)
          || !(imported.get("path") instanceof String path)
          || !strings(imported.get("symbols"))) return Optional.empty();
      List<String> goos = listOf(imported.get("goos"));
      List<String> goarch = listOf(imported.get("goarch"));
      if (goos == null || goarch == null) return Optional.empty();
      if (os != null && (!os.equals(goos) || !arch.equals(goarch))) return Optional.empty();
      os = goos;
      arch = goarch;
      for (Object symbol : listOf(imported.get("symbols"))) {
        functions.add(name(module, path, (String) symbol));
      }
    }
    Read read = new Read(List.copyOf(functions), os, arch);
    return sameJson(of(module, read.functions(), os, arch), list)
        ? Optional.of(read)
        : Optional.empty();
  }

  /** What {@link #read} found. */
  public record Read(List<String> functions, List<String> os, List<String> arch) {}

  /** The function's package path and its name in the package. */
  public static Symbol split(String module, String function) {
    if (PSEUDO_MODULES.contains(module))
      return atPackageEnd(function).orElse(new Symbol(module, function));
    if (function.startsWith(module + "."))
      return new Symbol(module, function.substring(module.length() + 1));
    // Without a slash, a name is a symbol of the module's root package: `Type.Method` has a dot
    // too.
    Optional<Symbol> qualified = function.contains("/") ? atPackageEnd(function) : Optional.empty();
    if (qualified.isEmpty()) return new Symbol(module, function);
    String path = qualified.get().path();
    // A module path's first element has a dot (a domain); a path without one is a folder inside.
    String first = path.substring(0, path.indexOf('/'));
    return path.startsWith(module + "/") || first.contains(".")
        ? qualified.get()
        : new Symbol(module + "/" + path, qualified.get().name());
  }

  /** The name an advisory gives a symbol of the package at {@code path}. */
  static String name(String module, String path, String symbol) {
    return path.equals(module) ? symbol : path + "." + symbol;
  }

  /** The package ends at the first dot after the last slash, as in a Go symbol's full name. */
  private static Optional<Symbol> atPackageEnd(String function) {
    int dot = function.indexOf('.', function.lastIndexOf('/') + 1);
    if (dot <= 0 || dot == function.length() - 1) return Optional.empty();
    return Optional.of(new Symbol(function.substring(0, dot), function.substring(dot + 1)));
  }

  private static boolean strings(Object value) {
    return value == null
        || (value instanceof List<?> l && l.stream().allMatch(x -> x instanceof String));
  }

  /** A list of strings, an absent value as empty, or null for anything else. */
  private static List<String> listOf(Object value) {
    if (value == null) return List.of();
    if (!(value instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String))
      return null;
    return l.stream().map(String.class::cast).toList();
  }

  /** Equal as JSON, the order of object keys included. */
  private static boolean sameJson(Object a, Object b) {
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!new ArrayList<>(x.keySet()).equals(new ArrayList<>(y.keySet()))) return false;
      return x.keySet().stream().allMatch(k -> sameJson(x.get(k), y.get(k)));
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) if (!sameJson(x.get(i), y.get(i))) return false;
      return true;
    }
    return Objects.equals(a, b);
  }
}
