import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screenshots a trace viewer page (trace2html's output) in headless Chromium, once the viewer
 * has imported the trace. Used by scripts/trace-shot for docs/guide/timeline.md; it speaks the
 * DevTools protocol over the JDK's own WebSocket client so the script needs no Maven build.
 *
 * java scripts/TraceShot.java PAGE.html OUT.png [WIDTH HEIGHT [JS]]
 * JS runs in the page after the import (to zoom or select); it may be empty.
 */
public final class TraceShot {
    private static final Pattern WS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE_WS = Pattern.compile("\"type\":\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\":\\s*\"([^\"]+)\"", Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java TraceShot.java PAGE.html OUT.png [WIDTH HEIGHT [JS]]");
            System.exit(2);
        }
        Path page = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]);
        int width = args.length > 3 ? Integer.parseInt(args[2]) : 1600;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 900;
        String js = args.length > 4 ? args[4] : "";
        Path profile = Files.createTempDirectory("trace-shot");
        Process chromium = new ProcessBuilder(List.of(System.getenv().getOrDefault("CHROMIUM", "chromium"),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String browserWs = devtoolsAddress(chromium);
            String port = URI.create(browserWs).getPort() + "";
            HttpClient http = HttpClient.newHttpClient();
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = PAGE_WS.matcher(list);
            if (!m.find()) throw new IOException("no page target in " + list);
            Cdp cdp = new Cdp(http, m.group(1));
            cdp.call("Page.navigate", "{\"url\":\"" + page.toUri() + "\"}");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!cdp.call("Runtime.evaluate", "{\"expression\":\"(typeof g_timelineViewEl!=='undefined' && !!g_timelineViewEl.model && !document.querySelector('tr-ui-b-overlay[visible]'))+''\",\"returnByValue\":true}").contains("\"value\":\"true\"")) {
                if (System.nanoTime() > deadline) throw new IOException("the viewer did not finish importing in 5 minutes");
                Thread.sleep(250);
            }
            if (!js.isEmpty()) {
                String r = cdp.call("Runtime.evaluate", "{\"expression\":" + quote(js) + ",\"awaitPromise\":true,\"returnByValue\":true}");
                if (r.contains("\"exceptionDetails\"")) throw new IOException("the script failed: " + r);
            }
            Thread.sleep(1000); // let the viewer redraw after the import or the script
            String shot = cdp.call("Page.captureScreenshot", "{\"format\":\"png\"}");
            Matcher d = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(shot);
            if (!d.find()) throw new IOException("no screenshot in the reply");
            Files.write(out, Base64.getDecoder().decode(d.group(1)));
            System.out.println(out);
        } finally {
            chromium.destroy();
            chromium.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String devtoolsAddress(Process chromium) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(chromium.getErrorStream()));
        for (String line; (line = err.readLine()) != null; ) {
            Matcher m = WS.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> { try { while (err.readLine() != null) { } } catch (IOException e) { } });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("chromium ended before it listened for DevTools");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** One DevTools session: numbered calls, each answered by the reply with its id. */
    private static final class Cdp implements WebSocket.Listener {
        private final WebSocket ws;
        private final AtomicInteger ids = new AtomicInteger();
        private final ConcurrentHashMap<Integer, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        Cdp(HttpClient http, String url) {
            ws = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
        }

        String call(String method, String params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<String> reply = new CompletableFuture<>();
            waiting.put(id, reply);
            ws.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).join();
            return reply.get(2, TimeUnit.MINUTES);
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String msg = partial.toString();
                partial.setLength(0);
                Matcher m = Pattern.compile("^\\{\"id\":(\\d+)").matcher(msg);
                if (m.find()) {
                    CompletableFuture<String> f = waiting.remove(Integer.parseInt(m.group(1)));
                    if (f != null) f.complete(msg);
                }
            }
            w.request(1);
            return null;
        }
    }
}
