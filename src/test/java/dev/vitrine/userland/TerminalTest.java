package dev.vitrine.userland;

import dev.vitrine.conformance.Binfmt;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell on a real terminal: tmux gives it a pty, send-keys types, capture-pane reads the
 * screen. Under qemu-riscv64 the shell is interactive (stdin is a terminal): a prompt, job
 * control with process groups, and Ctrl-C reaching only the foreground job. On Vitrine the same
 * session goes through `vitrine sh` once that command exists (the kernel turns the host
 * terminal's ^C into SIGINT for the guest's foreground process group).
 */
class TerminalTest {
    private String session;

    @Test
    void interactiveUnderQemu() throws Exception {
        Path qemu = Toolchain.requireQemu();
        Userland.build();
        Binfmt.require();
        requireTmux();
        Path work = Userland.fixture();
        try {
            start(work, "env -i PATH=" + Userland.BIN + ":" + Userland.EXAMPLES + " HOME=" + work + " TERM=xterm "
                    + qemu + " " + Userland.BIN.resolve("sh"));
            session(true);
        } finally {
            Userland.deleteTree(work);
        }
    }

    @Test
    void interactiveOnVitrine() throws Exception {
        Userland.build();
        Userland.requireKernel();
        requireTmux();
        // The classes this very build compiled and their libraries (this JVM's class path), not a
        // jar that may be stale or missing before `package`.
        String jar = System.getProperty("java.class.path");
        try {
            Class.forName("dev.vitrine.cli.ShCommand");
        } catch (ClassNotFoundException e) {
            Assumptions.abort("no `vitrine sh` yet (cli/ShCommand)");
        }
        Path work = Userland.fixture();
        try {
            start(work, "java -Xss16m -Dvitrine.home=" + Userland.ROOT + " -cp " + jar + " dev.vitrine.cli.ShCommand --mount "
                    + work + ":/work:rw");
            type("cd /work");
            session(exists("dev.vitrine.HostInterrupt"));   // the host's ^C as SIGINT (the proc work, 52c3417)
        } finally {
            Userland.deleteTree(work);
        }
    }

    /**
     * A background group's reads, writes and tcsetattr on the terminal (SIGTTIN, SIGTTOU under
     * TOSTOP, EIO when SIGTTIN is ignored or blocked): the same lines on Vitrine as under
     * qemu-riscv64 on the real kernel's tty.
     */
    @Test
    void backgroundTerminalAccessMatchesQemu() throws Exception {
        Path qemu = Toolchain.requireQemu();
        Path cc = Toolchain.requireCompiler();
        requireTmux();
        Path dir = Files.createTempDirectory("vitrine-tty");
        try {
            Path elf = dir.resolve("bg_access");
            Process p = new ProcessBuilder(cc.toString(), "-static", "-O2", "-o", elf.toString(),
                    Path.of("src/test/resources/tty/bg_access.c").toAbsolutePath().toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Assertions.assertEquals(0, p.waitFor(), log);
            String onLinux = runOnTerminal(dir, qemu + " " + elf);
            String onVitrine = runOnTerminal(dir, "java -Xss16m -cp " + System.getProperty("java.class.path")
                    + " dev.vitrine.cli.Main run " + elf);
            assertTrue(onLinux.contains("how 0: stopped by Stopped (tty input)"), onLinux);
            Assertions.assertEquals(onLinux, onVitrine);
        } finally {
            Userland.deleteTree(dir);
        }
    }

    /**
     * ^Z at `vitrine run` with no guest shell: the machine stops as the host bash's job, and
     * bash's fg continues it and the guest, as it does for cat under qemu-riscv64.
     */
    @Test
    void runStopsAsTheHostShellsJob() throws Exception {
        Path qemu = Toolchain.requireQemu();
        Userland.build();
        requireTmux();
        Path cat = Userland.BIN.resolve("cat");
        for (String command : List.of(qemu + " " + cat,
                "java -Xss16m -cp " + System.getProperty("java.class.path") + " dev.vitrine.cli.Main run " + cat)) {
            Path dir = Files.createTempDirectory("vitrine-tty");
            try {
                start(dir, "env -i PS1='host$ ' TERM=xterm PATH=/usr/bin:/bin bash --norc --noprofile -i");
                waitFor("host$ ", 60);
                type(command);
                // Typed ahead while bash still holds the terminal raw, "before" would not be echoed.
                awaitForeground("bash", 60);
                type("before");
                waitFor("before\nbefore\n", 60);
                tmux("send-keys", "-t", session, "C-z");
                waitFor("Stopped", 60);
                waitFor("host$ ", 60);
                type("fg");
                awaitForeground("bash", 60);
                type("after");
                waitFor("after\nafter\n", 60);
                tmux("send-keys", "-t", session, "C-d");
                command("echo status $?");
                waitFor("\nstatus 0\n", 60);
            } finally {
                tmux("kill-session", "-t", session);
                session = null;
                Userland.deleteTree(dir);
            }
        }
    }

    /** The program's own lines ("how ..." and what it wrote) when run alone on a tmux terminal. */
    private String runOnTerminal(Path dir, String command) throws Exception {
        start(dir, "sh -c '" + command + "; echo ==END==; sleep 60'");
        try {
            waitFor("==END==", 60);
            StringBuilder b = new StringBuilder();
            for (String line : screen().split("\n"))
                if (line.startsWith("how ") || line.equals("written")) b.append(line).append('\n');
            return b.toString();
        } finally {
            tmux("kill-session", "-t", session);
            session = null;
        }
    }

    /** A pipeline, a redirect, a background job, and (if asked) Ctrl-C of a yes pipeline and Ctrl-Z with fg. */
    private void session(boolean ctrlC) throws Exception {
        waitFor("$ ", 60);
        command("ls -1 | cut -d. -f1 | sort | uniq | wc -l");
        waitFor("\n6\n", 60);
        command("echo redirected > out; cat out");
        waitFor("\nredirected\n", 60);
        command("sleep 30 &");
        waitFor("[1] ", 60);
        command("jobs");
        waitFor("[1]+  Running                 sleep 30 &", 60);
        if (ctrlC) {
            // "spinning" comes from the pipeline's last process, forked after the others joined
            // its group: the whole job holds the terminal when ^C is pressed.
            command("yes | sh -c 'echo spinning >&2; exec cat' > /dev/null");
            waitFor("\nspinning\n", 60);
            tmux("send-keys", "-t", session, "C-c");
            command("echo status $?");
            waitFor("status 130", 60);
        }
        if (ctrlC) jobControl();
        command("cc hello.c");
        waitFor("sh: cc: command not found (programs are built on the host: ./vitrine run file.c)\n", 60);
        command("kill %1; wait; echo end");
        waitFor("\nend\n", 60);
    }

    /**
     * ^Z stops the foreground job, not the machine: the shell takes the terminal back and
     * reports it; fg continues it. A background reader of the terminal is stopped by SIGTTIN
     * and the typed line goes to the shell; fg gives it the terminal and the line it waits for.
     */
    private void jobControl() throws Exception {
        // Typed once the shell has left its line editor (no echo there), and seen read by cat.
        command("echo reading; cat");
        waitFor("\nreading\n", 60);
        type("ping");
        waitFor("\nping\nping\n", 60);
        tmux("send-keys", "-t", session, "C-z");
        waitFor("[2]+  Stopped                 cat\n", 60);
        command("echo alive");
        waitFor("\nalive\n", 60);
        command("fg");
        waitFor("$ fg\ncat\n", 60);
        type("resumed");
        waitFor("\nresumed\nresumed\n", 60);
        tmux("send-keys", "-t", session, "C-d");
        command("echo status $?");
        waitFor("status 0\n", 60);

        command("cat > bgout &");
        waitFor("[2] ", 60);
        command("echo typed-here");   // the shell reads it, whether or not the background cat is at its read yet
        waitFor("\ntyped-here\n", 60);
        commandUntil("jobs", "[2]+  Stopped                 cat > bgout\n");   // once its read met SIGTTIN
        command("fg");
        waitFor("$ fg\ncat > bgout\n", 60);
        type("for-bg");
        waitFor("\nfor-bg\n", 60);
        tmux("send-keys", "-t", session, "C-d");
        command("cat bgout");
        waitFor("$ cat bgout\nfor-bg\n", 60);
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private void requireTmux() {
        boolean ok;
        try {
            ok = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        if (ok) return;
        if (Toolchain.ci()) Assertions.fail("CI=true and tmux is not installed");
        Assumptions.abort("tmux is not installed");
    }

    private void start(Path dir, String command) throws Exception {
        session = "vitrine-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "50", "-c", dir.toString(), command);
    }

    private void type(String line) throws Exception {
        tmux("send-keys", "-t", session, "-l", line);
        tmux("send-keys", "-t", session, "Enter");
    }

    /** Types a command line once the shell shows its prompt, so the echo of the line never comes before the prompt. */
    private void command(String line) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            String[] lines = screen().stripTrailing().split("\n");
            if (lines[lines.length - 1].endsWith("$")) break;
            Thread.sleep(100);
        }
        type(line);
    }

    /** Runs {@code line} again at each prompt until {@code text} shows: a state the machine reaches by itself. */
    private void commandUntil(String line, String text) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!screen().contains(text) && System.nanoTime() < end) command(line);
        waitFor(text, 5);
    }

    /** Waits until the pane's foreground process is no longer {@code shell}: the command runs, the terminal is cooked again. */
    private void awaitForeground(String shell, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String now = shell;
        while (System.nanoTime() < end) {
            now = tmux("display-message", "-p", "-t", session, "#{pane_current_command}").strip();
            if (!now.equals(shell) && !now.isEmpty()) return;
            Thread.sleep(100);
        }
        assertTrue(false, "the command never left " + shell + " for the foreground (still " + now + ")");
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", session);
    }

    private void waitFor(String text, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = "";
        while (System.nanoTime() < end) {
            s = screen();
            if (s.contains(text)) return;
            Thread.sleep(200);
        }
        assertTrue(s.contains(text), "waited " + seconds + " s for \"" + text + "\"; the screen:\n" + s);
    }

    private static String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("tmux");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        return out;
    }

    @AfterEach
    void kill() throws Exception {
        if (session != null) tmux("kill-session", "-t", session);
    }
}
