package dev.disclose.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** What OSV readers treat as one: a null, an empty list or an empty object is an absent field. */
public final class OsvJson {
  private OsvJson() {}

  /** {@code node} with every null, empty array and empty object removed, recursively (in place). */
  public static JsonNode withoutEmpty(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = withoutEmpty(e.getValue());
        if (v.isNull() || (v.isContainerNode() && v.isEmpty())) it.remove();
        else e.setValue(v);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) a.set(i, withoutEmpty(a.get(i)));
    }
    return node;
  }
}
