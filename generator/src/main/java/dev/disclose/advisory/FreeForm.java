package dev.disclose.advisory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form data ({@code database_specific}, {@code ecosystem_specific}) carried to OSV untouched:
 * maps keep their order, values are String, Long, BigInteger, BigDecimal, Boolean, null, lists and
 * maps of those. Copies are deep and unmodifiable.
 */
public final class FreeForm {
  private FreeForm() {}

  public static Map<String, Object> copy(Map<String, Object> map) {
    if (map == null || map.isEmpty()) return Map.of();
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, copyValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> m) return copy((Map<String, Object>) m);
    if (value instanceof List<?> l) {
      return Collections.unmodifiableList(l.stream().map(FreeForm::copyValue).toList());
    }
    return value;
  }
}
