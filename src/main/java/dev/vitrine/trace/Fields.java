package dev.vitrine.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/** An ordered field map from name, value pairs. */
final class Fields {
    private Fields() {}

    static Map<String, Object> of(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
