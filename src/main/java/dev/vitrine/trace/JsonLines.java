package dev.vitrine.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * --trace FILE: one JSON object a line, {"ns":..,"pid":..,"tid":..,"type":"..", then the
 * event's own fields}, in the order the events happened (docs/tracing.md has the schema).
 */
public final class JsonLines implements Sink {
    private final BufferedWriter out;
    private final Set<Category> wants;
    private long written;

    public JsonLines(OutputStream out, Set<Category> wants) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.wants = Set.copyOf(wants);
    }

    @Override public Set<Category> wants() { return wants; }

    @Override public void accept(Event e) {
        try {
            out.write(line(e));
            out.write('\n');
            written++;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** One event as its JSON object. */
    public static String line(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ns", e.ns());
        m.put("pid", e.pid());
        m.put("tid", e.tid());
        m.put("type", e.type());
        m.putAll(e.fields());
        return Json.write(m);
    }

    public long written() { return written; }

    @Override public void close() {
        try {
            out.close();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
