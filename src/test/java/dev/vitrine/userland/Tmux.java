package dev.vitrine.userland;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A tmux session as a person's terminal: keys in (send-keys), the screen out (capture-pane); every wait is for a state. */
final class Tmux implements AutoCloseable {
    private final String session;

    private Tmux(String session) { this.session = session; }

    /** A fresh 150x50 session in {@code dir} running {@code command}; fails in CI without tmux, else skips. */
    static Tmux start(Path dir, String command) throws Exception {
        boolean ok;
        try {
            ok = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        if (!ok) {
            if (Toolchain.ci()) Assertions.fail("CI=true and tmux is not installed");
            Assumptions.abort("tmux is not installed");
        }
        String name = "vitrine-edit-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Tmux t = new Tmux(name);
        t.run("new-session", "-d", "-s", name, "-x", "150", "-y", "50", "-c", dir.toString(), command);
        return t;
    }

    /** Keys by tmux's names (Enter, BSpace, Left, C-a, Tab...). */
    void keys(String... keys) throws Exception {
        List<String> a = new ArrayList<>(List.of("send-keys", "-t", session));
        a.addAll(List.of(keys));
        run(a.toArray(String[]::new));
    }

    /** Text typed as it is (no key names). */
    void text(String s) throws Exception { run("send-keys", "-t", session, "-l", s); }

    /** A line typed as it is, then Enter, without waiting for anything. */
    void type(String line) throws Exception {
        text(line);
        keys("Enter");
    }

    /** Waits until the pane's foreground process is no longer {@code shell}: the command runs, the terminal is cooked again. */
    void awaitForeground(String shell) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String now = shell;
        while (System.nanoTime() < end) {
            now = run("display-message", "-p", "-t", session, "#{pane_current_command}").strip();
            if (!now.equals(shell) && !now.isEmpty()) return;
            Thread.sleep(100);
        }
        Assertions.fail("the command never left " + shell + " for the foreground (still " + now + ")");
    }

    /** A line typed once the prompt waits for it (the screen's last line ends in "$ "), then Enter. */
    void command(String line) throws Exception {
        awaitScreen(s -> {
            String[] lines = s.stripTrailing().split("\n");
            return lines[lines.length - 1].endsWith("$");
        }, "a prompt");
        type(line);
    }

    /** The terminal becomes {@code cols} x {@code rows}: its foreground group gets SIGWINCH. */
    void resize(int cols, int rows) throws Exception {
        run("resize-window", "-t", session, "-x", Integer.toString(cols), "-y", Integer.toString(rows));
    }

    String screen() throws Exception { return run("capture-pane", "-p", "-J", "-S", "-300", "-t", session); }

    void waitFor(String text) throws Exception { awaitScreen(s -> s.contains(text), "\"" + text + "\""); }

    /** Waits until {@code text} shows {@code n} times on the screen. */
    void waitForCount(String text, int n) throws Exception {
        awaitScreen(s -> count(s, text) >= n, n + " times \"" + text + "\"");
    }

    static int count(String s, String text) {
        int n = 0;
        for (int at = s.indexOf(text); at >= 0; at = s.indexOf(text, at + 1)) n++;
        return n;
    }

    private void awaitScreen(Predicate<String> ok, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String s = "";
        while (System.nanoTime() < end) {
            s = screen();
            if (ok.test(s)) return;
            Thread.sleep(100);
        }
        Assertions.fail("waited 60 s for " + what + "; the screen:\n" + s);
    }

    /**
     * A tmux command to this session's own server (-L, a socket of its own): with the shared
     * default server, one test's kill-session of the server's last session could stop the server
     * under another test's new-session ("no server running").
     */
    private String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.addAll(List.of("tmux", "-L", session));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        return out;
    }

    @Override public void close() throws Exception { run("kill-server"); }
}
