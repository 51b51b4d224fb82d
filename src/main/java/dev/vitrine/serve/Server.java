package dev.vitrine.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * `vitrine serve`'s web side: the JDK's own HTTP server on 127.0.0.1 only, the page and its
 * script and style from the jar (nothing from the network), the machine's state pushed to every
 * open page by Server-Sent Events, and a small JSON API the page calls: control, one process,
 * the walk of an address, the output, the lab. Any number of pages may watch and drive one
 * machine; a page that goes away just stops being written to.
 */
public final class Server implements AutoCloseable {
    /** Pages watching at once, each holding one connection open. */
    static final int MAX_WATCHERS = 16;
    static final long ASK_MS = 5_000;

    /** The lab commands (translate, sim replace, sim sched) run for the page: the CLI's own, given from above. */
    public interface Lab {
        Result run(List<String> argv);
        record Result(int status, String out, String err) {}
    }

    private final HttpServer http;
    private final ExecutorService pool;
    private final Session session;
    private final Lab lab;
    private final AtomicInteger watchers = new AtomicInteger();
    private final Object published = new Object();
    private String latest = "{}";
    private long version;
    private volatile boolean closed;

    private Server(HttpServer http, Session session, Lab lab) {
        this.http = http;
        this.session = session;
        this.lab = lab;
        this.pool = Executors.newFixedThreadPool(MAX_WATCHERS + 8, r -> {
            Thread t = new Thread(r, "vitrine-serve");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
    }

    /** Listens on 127.0.0.1:port (0: any free port) now; a port in use is one IllegalArgumentException line. */
    public static Server listen(int port, Session session, Lab lab) {
        try {
            HttpServer h = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            Server s = new Server(h, session, lab);
            h.start();
            return s;
        } catch (BindException e) {
            throw new IllegalArgumentException("--port " + port + ": 127.0.0.1:" + port + " is in use (another program listens there; "
                    + "--port 0 takes any free port)");
        } catch (IOException e) {
            throw new IllegalArgumentException("--port " + port + ": cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }

    public int port() { return http.getAddress().getPort(); }
    public String url() { return "http://127.0.0.1:" + port() + "/"; }

    /** The session moved: its state is taken now (on the machine's thread) and pushed to every page. */
    public void publish(Session s) {
        String json = MachineState.json(s);
        synchronized (published) {
            latest = json;
            version++;
            published.notifyAll();
        }
    }

    @Override public void close() {
        closed = true;
        synchronized (published) { published.notifyAll(); }
        http.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange x) {
        try (x) {
            route(x);
        } catch (IOException e) {
            // The page went away mid-answer: nothing to tell it.
        }
    }

    private void route(HttpExchange x) throws IOException {
        try {
            // Only pages loaded from this server: another site's page that renamed itself to 127.0.0.1 (DNS rebinding) names its own host.
            String host = x.getRequestHeaders().getFirst("Host");
            if (host == null || !(host.equals("127.0.0.1:" + port()) || host.equals("localhost:" + port()))) {
                send(x, 403, "text/plain", "this server answers pages of http://127.0.0.1:" + port() + "/ only\n");
                return;
            }
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !method.equals("POST")) {
                send(x, 405, "text/plain", "only GET and POST\n");
                return;
            }
            String path = x.getRequestURI().getPath();
            Map<String, String> q = query(x.getRequestURI());
            switch (path) {
                case "/", "/index.html" -> resource(x, "index.html", "text/html; charset=utf-8");
                case "/app.js" -> resource(x, "app.js", "text/javascript; charset=utf-8");
                case "/app.css" -> resource(x, "app.css", "text/css; charset=utf-8");
                case "/api/events" -> events(x);
                case "/api/state" -> {
                    String s = session.ask(MachineState::json, ASK_MS);
                    send(x, 200, "application/json", s != null ? s : current());
                }
                case "/api/control" -> {
                    if (!method.equals("POST")) { send(x, 405, "text/plain", "control is a POST\n"); return; }
                    String answer = session.control(q.getOrDefault("action", ""), q.get("unit"), number(q.getOrDefault("speed", "0")));
                    send(x, 200, "application/json", "{\"answer\":\"" + answer + "\"}");
                }
                case "/api/process" -> {
                    int pid = (int) number(q.getOrDefault("pid", "0"));
                    String s = session.ask(ss -> ProcessState.json(ss.kernel(), pid), ASK_MS);
                    if (s == null) send(x, 404, "application/json", "{\"error\":\"no process " + pid + " (or the machine is busy)\"}");
                    else send(x, 200, "application/json", s);
                }
                case "/api/walk" -> {
                    int pid = (int) number(q.getOrDefault("pid", "0"));
                    long va = number(q.getOrDefault("va", "0"));
                    String access = q.getOrDefault("access", "load");
                    String s = session.ask(ss -> ProcessState.walk(ss.kernel(), pid, va, access), ASK_MS);
                    if (s == null) send(x, 404, "application/json", "{\"error\":\"no process " + pid + "\"}");
                    else send(x, 200, "application/json", s);
                }
                case "/api/output" -> send(x, 200, "text/plain; charset=utf-8", session.output().text());
                case "/api/lab" -> lab(x, q);
                default -> send(x, 404, "text/plain", "not found: " + path + "\n");
            }
        } catch (IllegalArgumentException e) {
            send(x, 400, "application/json", "{\"error\":" + dev.vitrine.trace.Json.write(e.getMessage()) + "}");
        } catch (RuntimeException e) {
            // A bug of ours in looking: the page hears of it, the machine is untouched.
            send(x, 500, "application/json", "{\"error\":" + dev.vitrine.trace.Json.write("internal error: " + e) + "}");
        }
    }

    private String current() {
        synchronized (published) { return latest; }
    }

    /** Server-Sent Events: the latest state whenever it changes (states coalesce: each is whole), a comment every 15 s to find pages that left. */
    private void events(HttpExchange x) throws IOException {
        if (watchers.incrementAndGet() > MAX_WATCHERS) {
            watchers.decrementAndGet();
            send(x, 503, "text/plain", "too many pages watch this machine (at most " + MAX_WATCHERS + ")\n");
            return;
        }
        try {
            x.getResponseHeaders().set("Content-Type", "text/event-stream");
            x.getResponseHeaders().set("Cache-Control", "no-cache");
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            long seen = 0;   // nothing is sent before the machine's first state
            while (!closed) {
                String state;
                synchronized (published) {
                    if (version == seen) {
                        try {
                            published.wait(15_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (version == seen) state = null;
                    else {
                        state = latest;
                        seen = version;
                    }
                }
                out.write((state == null ? ": still here\n\n" : "event: state\ndata: " + state + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } finally {
            watchers.decrementAndGet();
        }
    }

    private void lab(HttpExchange x, Map<String, String> q) throws IOException {
        List<String> argv = new ArrayList<>();
        String cmd = q.getOrDefault("cmd", "");
        switch (cmd) {
            case "translate" -> argv.add("translate");
            case "replace" -> { argv.add("sim"); argv.add("replace"); }
            case "sched" -> { argv.add("sim"); argv.add("sched"); }
            default -> throw new IllegalArgumentException("lab " + cmd + ": expected translate, replace or sched");
        }
        String args = q.getOrDefault("args", "").strip();
        if (!args.isEmpty()) for (String a : args.split("\\s+")) argv.add(a);
        // The page runs the lab on what it types, never on the host's files: no file options, no file operands.
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i), name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (List.of("--svg", "--memory", "--table").contains(name) || a.startsWith("@"))
                throw new IllegalArgumentException(a + ": the page runs the lab on what it is given, not on files (use the command line for files)");
            boolean operand = !a.startsWith("-") && i > (cmd.equals("translate") ? 0 : 1)
                    && !(argv.get(i - 1).startsWith("--") && !argv.get(i - 1).contains("="));
            if (operand && !cmd.equals("translate"))
                throw new IllegalArgumentException(a + ": the page runs the lab on what it is given, not on files (use the command line for files)");
        }
        Lab.Result text = lab.run(argv);
        List<String> json = new ArrayList<>(argv);
        json.add("--json");
        Lab.Result data = text.status() == 0 ? lab.run(json) : text;
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("status", text.status());
        o.put("text", text.out());
        o.put("error", text.err());
        o.put("json", data.status() == 0 ? data.out() : "");
        send(x, 200, "application/json", dev.vitrine.trace.Json.write(o));
    }

    private void resource(HttpExchange x, String name, String type) throws IOException {
        try (InputStream in = Server.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                send(x, 404, "text/plain", "missing from the jar: " + name + "\n");
                return;
            }
            send(x, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) x.getResponseBody().write(b);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> m = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) return m;
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    /** A decimal or 0x number from the page; anything else is a 400. */
    private static long number(String s) {
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s + ": expected a number");
        }
    }
}
