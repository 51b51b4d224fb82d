package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.conformance.Toolchain;
import dev.vitrine.serve.Session;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * `vitrine serve`: holding, stepping and looking change nothing (the chapter's pipeline prints
 * the same bytes and every --stats figure is the same as the unwatched run with the same seed),
 * and wrong inputs get one clear answer: a port in use, a bad program, a page that leaves, two pages.
 */
@org.junit.jupiter.api.Timeout(180)   // a page or a stream that never answers fails the test, never hangs the build
class ServeTest {
    static final String PIPELINE = "ls -1 | cut -d. -f1 | sort | uniq | tee dirents";

    static ServeCommand serve(String... args) {
        ServeCommand c = new ServeCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    /** Sends a control and waits until the machine stops again (or the run ends). */
    static void step(Session s, String action, String unit) throws InterruptedException {
        long before = s.stops();
        String answer = s.control(action, unit, 0);
        if (s.over()) return;   // an event kind that never came again ran the machine to its end
        assertEquals("ok", answer);
        long end = System.nanoTime() + 60_000_000_000L;
        while (s.stops() == before && !s.over()) {
            assertTrue(System.nanoTime() < end, "the machine never stopped after " + action + " " + unit);
            Thread.sleep(2);
        }
    }

    /** The same pipeline as `vitrine sh -c` runs it, unwatched, its output the page's way (fds 1 and 2 on one stream). */
    static Machine.Result reference(ByteArrayOutputStream out, String... options) throws Exception {
        ShCommand sh = new ShCommand();
        new CommandLine(sh).parseArgs(options);
        ShCommand.Shell shell = ShCommand.shell(sh.machine);
        return shell.builder().stdin(InputStream.nullInputStream()).stdout(out).stderr(out).tty(false).build()
                .run(shell.sh(), List.of("sh", "-c", PIPELINE));
    }

    @Test void steppingAndPausingChangeNoOutputAndNoCounter() throws Exception {
        sameRunWatchedOrNot("--seed", "7", "--no-host-dir");
    }

    /** The random scheduler and an ASID-tagged TLB: a step's short slice must draw no extra choice and keep every entry. */
    @Test void steppingChangesNothingUnderTheRandomSchedulerEither() throws Exception {
        sameRunWatchedOrNot("--seed", "3", "--sched", "random", "--tlb-asid", "--quantum", "5000", "--no-host-dir");
    }

    static void sameRunWatchedOrNot(String... options) throws Exception {
        Toolchain.requireCompiler();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Machine.Result unwatched = reference(expected, options);
        assertEquals(0, unwatched.exitStatus());
        List<String> args = new java.util.ArrayList<>(List.of("--sh", PIPELINE, "--port", "0"));
        args.addAll(List.of(options));
        try (ServeCommand.Served s = serve(args.toArray(String[]::new)).start()) {
            Session session = s.session();
            long end = System.nanoTime() + 60_000_000_000L;
            while (session.stops() == 0) {
                assertTrue(System.nanoTime() < end, "the machine never stopped before its first instruction");
                Thread.sleep(2);
            }
            assertEquals("paused", session.status());
            for (int i = 0; i < 25; i++) step(session, "step", "insn");
            assertEquals(26, session.stops());
            step(session, "step", "fork");
            for (int i = 0; i < 5; i++) step(session, "step", "syscall");
            step(session, "step", "cow");
            step(session, "step", "pipe");
            for (int i = 0; i < 10; i++) step(session, "step", "event");
            // A slow run in small slices, then paused and let go at full speed.
            session.control("speed", null, 200_000);
            session.control("run", null, 0);
            Thread.sleep(300);
            step(session, "pause", null);
            session.control("speed", null, 0);
            session.control("run", null, 0);
            Machine.Result watched = s.result().get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(expected.toString(StandardCharsets.UTF_8), session.output().text());
            assertEquals("hello\nnumbers\npoem\nsh\n", session.output().text());
            assertEquals(unwatched.stats(), watched.stats());
            assertEquals("ended", session.status());
        }
    }

    @Test void aPortInUseIsOneLineBeforeAnythingRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> serve("--sh", "true", "--port", Integer.toString(port)).start());
            assertEquals("--port " + port + ": 127.0.0.1:" + port + " is in use (another program listens there; --port 0 takes any free port)",
                    e.getMessage());
        }
    }

    @Test void badProgramsAndBadArgumentsAreOneLine() {
        assertEquals("no/such: no such file", assertThrows(IllegalArgumentException.class,
                () -> serve("no/such", "--port", "0").start()).getMessage());
        assertEquals("give a PROGRAM or --sh 'LINE' (one of them)", assertThrows(IllegalArgumentException.class,
                () -> serve("--port", "0").start()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> serve("--sh", "true", "--port", "70000").start())
                .getMessage().startsWith("--port 70000: "));
        // Through the CLI: status 2 and one line on stderr.
        LabRun r = LabRun.of("serve", "pom.xml", "--port", "0");
        assertEquals(2, r.status());
        assertTrue(r.err().strip().lines().count() == 1 && r.err().startsWith("vitrine: pom.xml: "), r.err());
    }

    @Test void twoPagesWatchOneMachineAndOneLeavingDisturbsNeither() throws Exception {
        Toolchain.requireCompiler();
        try (ServeCommand.Served s = serve("--sh", PIPELINE, "--port", "0", "--no-host-dir").start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            URI events = URI.create(s.url() + "api/events");
            // The first page reads one state and goes away mid-stream.
            HttpResponse<InputStream> first = http.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("text/event-stream", first.headers().firstValue("Content-Type").orElse(""));
            assertTrue(readEvent(first.body()).contains("\"status\""));
            first.body().close();
            HttpResponse<InputStream> second = http.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofInputStream());
            readEvent(second.body());
            HttpResponse<String> fork = http.send(HttpRequest.newBuilder(URI.create(s.url() + "api/control?action=step&unit=fork"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, fork.statusCode(), fork.body());
            String state;
            do state = readEvent(second.body()); while (!state.contains("reached the next fork event: pid 2 fork"));
            assertTrue(state.contains("\"pid\":3,\"ppid\":2"), state);
            assertTrue(state.contains("\"pid\":1,\"ppid\":0,\"comm\":\"init\",\"state\":\"sleeping\""), state);   // the tree's root
            HttpResponse<String> init = http.send(HttpRequest.newBuilder(URI.create(s.url() + "api/process?pid=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, init.statusCode(), init.body());
            assertTrue(init.body().contains("\"comm\":\"init\"") && init.body().contains("\"threads\":[]"), init.body());   // no thread, no space
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(s.url() + "api/control?action=step&unit=nonsense"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("step nonsense: expected insn or one of"), bad.body());
            HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(s.url() + "api/control?action=run"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, run.statusCode());
            assertEquals(0, s.result().get(60, java.util.concurrent.TimeUnit.SECONDS).exitStatus());
            do state = readEvent(second.body()); while (!state.contains("\"status\":\"ended\""));
            assertTrue(state.contains("\"output\":\"hello\\nnumbers\\npoem\\nsh\\n\""), state);
            second.body().close();
            // Only loopback, only GET and POST; the lab refuses files.
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(s.url())).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, put.statusCode());
            HttpResponse<String> lab = http.send(HttpRequest.newBuilder(URI.create(s.url() + "api/lab?cmd=replace&args=/etc/passwd")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, lab.statusCode());
            // A page from another site that reaches this port under its own name is refused.
            try (java.net.Socket raw = new java.net.Socket(InetAddress.getLoopbackAddress(), s.server().port())) {
                raw.getOutputStream().write("GET /api/state HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String reply = new String(raw.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(reply.startsWith("HTTP/1.1 403 "), reply);
            }
        }
    }

    @Test void pipesShowTheirFillAndWhoSleepsOnEachEnd() throws Exception {
        Toolchain.requireCompiler();
        try (ServeCommand.Served s = serve("--sh", "yes | head -1; sleep 1 | cat", "--port", "0", "--no-host-dir").start()) {
            Session session = s.session();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String writer = untilPipe(s, http, "\"blocked_writers\":[3]");
            assertTrue(writer.contains("\"fill\":65536,\"capacity\":65536"), writer);
            assertTrue(writer.contains("\"writers\":[\"3:1\"]"), writer);
            String reader = untilPipe(s, http, "\"blocked_readers\":[6]");
            assertTrue(reader.contains("\"fill\":0,"), reader);
            step(session, "run", null);
            assertEquals("y\n", session.output().text());
            assertEquals(0, s.result().get(60, java.util.concurrent.TimeUnit.SECONDS).exitStatus());
        }
    }

    @Test void aRunThatDeadlocksEndsOnThePageWithTheKernelsReport() throws Exception {
        Toolchain.requireCompiler();
        try (ServeCommand.Served s = serve("--sh", "mkfifo /tmp/f; cat /tmp/f", "--port", "0", "--no-host-dir").start()) {
            step(s.session(), "run", null);
            assertEquals(125, s.result().get(60, java.util.concurrent.TimeUnit.SECONDS).exitStatus());
            assertEquals("the run ended with status 125", s.session().why());
            assertTrue(s.session().report().contains("deadlock") && s.session().report().contains("/tmp/f"), s.session().report());
            HttpResponse<String> state = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(s.url() + "api/state")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(state.body().contains("\"status\":\"ended\"") && state.body().contains("deadlock"), state.body());
        }
    }

    /** Steps block by block until some pipe's description contains {@code wanted}; returns the pipes' JSON. */
    static String untilPipe(ServeCommand.Served s, HttpClient http, String wanted) throws Exception {
        for (int i = 0; i < 30 && !s.session().over(); i++) {
            step(s.session(), "step", "block");
            String state = http.send(HttpRequest.newBuilder(URI.create(s.url() + "api/state")).build(), HttpResponse.BodyHandlers.ofString()).body();
            String pipes = state.substring(state.indexOf("\"pipes\":"), state.indexOf(",\"frames\":"));
            if (pipes.contains(wanted)) return pipes;
        }
        throw new AssertionError("no pipe with " + wanted + " before the run ended");
    }

    /** One Server-Sent Event's data, comments skipped. */
    static String readEvent(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        String data = null;
        for (int b; (b = in.read()) >= 0; ) {
            if (b != '\n') { line.append((char) b); continue; }
            String l = line.toString();
            line.setLength(0);
            if (l.startsWith("data: ")) data = new String(l.substring(6).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            else if (l.isEmpty() && data != null) return data;
        }
        throw new AssertionError("the event stream ended");
    }

}
