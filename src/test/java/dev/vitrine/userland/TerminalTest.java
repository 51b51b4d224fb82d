package dev.vitrine.userland;

import dev.vitrine.conformance.Binfmt;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
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
    private Tmux t;

    @Test
    void interactiveUnderQemu() throws Exception {
        Path qemu = Toolchain.requireQemu();
        Userland.build();
        Binfmt.require();
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
        Path dir = Files.createTempDirectory("vitrine-tty");
        try {
            Path elf = dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/resources/tty/bg_access.c"));
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
     * Erasing on the console in canonical mode: a tab goes back to the column it started from
     * (after the prompt, after other text), as n_tty's eraser does on the host's own terminal.
     */
    @Test
    void eraseOnTheConsoleMatchesQemu() throws Exception {
        String onLinux = bothAtPrompt(() -> {
            t.text("ab\tcd\t");
            t.waitFor("cd");
            t.keys("BSpace", "BSpace", "BSpace", "BSpace");
            t.text("x");
            t.keys("Enter");
        });
        assertTrue(onLinux.contains("> abx\ngot [abx]"), onLinux);
    }

    /** ^S stops the output (the echo of what is typed then shows after ^Q), and neither is data. */
    @Test
    void flowControlOnTheConsoleMatchesQemu() throws Exception {
        String onLinux = bothAtPrompt(() -> {
            t.keys("C-s");
            t.text("ab");
            t.keys("C-q");
            t.waitFor("ab");
            t.keys("Enter");
        });
        assertTrue(onLinux.contains("> ab\ngot [ab]"), onLinux);
    }

    interface Keys { void type() throws Exception; }

    /** The screens after the same keys at tty/erase_prompt.c's prompt under qemu-riscv64 and on Vitrine: equal; the first. */
    private String bothAtPrompt(Keys keys) throws Exception {
        Path qemu = Toolchain.requireQemu();
        Path dir = Files.createTempDirectory("vitrine-tty");
        try {
            Path elf = dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/resources/tty/erase_prompt.c"));
            String onLinux = atPrompt(dir, qemu + " " + elf, keys);
            String onVitrine = atPrompt(dir, "java -Xss16m -cp " + System.getProperty("java.class.path")
                    + " dev.vitrine.cli.Main run " + elf, keys);
            Assertions.assertEquals(onLinux, onVitrine);
            return onLinux;
        } finally {
            Userland.deleteTree(dir);
        }
    }

    /** The screen (lines without trailing blanks) once the program read its line and ended. */
    private String atPrompt(Path dir, String command, Keys keys) throws Exception {
        start(dir, "sh -c '" + command + "; echo ==END==; sleep 60'");
        try {
            t.waitFor("> ");
            keys.type();
            t.waitFor("==END==");
            StringBuilder b = new StringBuilder();
            for (String line : t.screen().strip().split("\n")) b.append(line.stripTrailing()).append('\n');
            return b.toString();
        } finally {
            t.close();
            t = null;
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
        Path cat = Userland.BIN.resolve("cat");
        for (String command : List.of(qemu + " " + cat,
                "java -Xss16m -cp " + System.getProperty("java.class.path") + " dev.vitrine.cli.Main run " + cat)) {
            Path dir = Files.createTempDirectory("vitrine-tty");
            try {
                start(dir, "env -i PS1='host$ ' TERM=xterm PATH=/usr/bin:/bin bash --norc --noprofile -i");
                t.waitFor("host$ ");
                type(command);
                // Typed ahead while bash still holds the terminal raw, "before" would not be echoed.
                t.awaitForeground("bash");
                type("before");
                t.waitFor("before\nbefore\n");
                t.keys("C-z");
                t.waitFor("Stopped");
                t.waitFor("host$ ");
                type("fg");
                t.awaitForeground("bash");
                type("after");
                t.waitFor("after\nafter\n");
                t.keys("C-d");
                command("echo status $?");
                t.waitFor("\nstatus 0\n");
            } finally {
                t.close();
                t = null;
                Userland.deleteTree(dir);
            }
        }
    }

    /** The program's own lines ("how ..." and what it wrote) when run alone on a tmux terminal. */
    private String runOnTerminal(Path dir, String command) throws Exception {
        start(dir, "sh -c '" + command + "; echo ==END==; sleep 60'");
        try {
            t.waitFor("==END==");
            StringBuilder b = new StringBuilder();
            for (String line : t.screen().split("\n"))
                if (line.startsWith("how ") || line.equals("written")) b.append(line).append('\n');
            return b.toString();
        } finally {
            t.close();
            t = null;
        }
    }

    /** A pipeline, a redirect, a background job, and (if asked) Ctrl-C of a yes pipeline and Ctrl-Z with fg. */
    private void session(boolean ctrlC) throws Exception {
        t.waitFor("$ ");
        command("ls -1 | cut -d. -f1 | sort | uniq | wc -l");
        t.waitFor("\n6\n");
        command("echo redirected > out; cat out");
        t.waitFor("\nredirected\n");
        command("sleep 30 &");
        t.waitFor("[1] ");
        command("jobs");
        t.waitFor("[1]+  Running                 sleep 30 &");
        if (ctrlC) {
            // "spinning" comes from the pipeline's last process, forked after the others joined
            // its group: the whole job holds the terminal when ^C is pressed.
            command("yes | sh -c 'echo spinning >&2; exec cat' > /dev/null");
            t.waitFor("\nspinning\n");
            t.keys("C-c");
            command("echo status $?");
            t.waitFor("status 130");
        }
        if (ctrlC) jobControl();
        command("cc hello.c");
        t.waitFor("sh: cc: command not found (programs are built on the host: ./vitrine run file.c)\n");
        command("kill %1; wait; echo end");
        t.waitFor("\nend\n");
    }

    /**
     * ^Z stops the foreground job, not the machine: the shell takes the terminal back and
     * reports it; fg continues it. A background reader of the terminal is stopped by SIGTTIN
     * and the typed line goes to the shell; fg gives it the terminal and the line it waits for.
     */
    private void jobControl() throws Exception {
        // Typed once the shell has left its line editor (no echo there), and seen read by cat.
        command("echo reading; cat");
        t.waitFor("\nreading\n");
        type("ping");
        t.waitFor("\nping\nping\n");
        t.keys("C-z");
        t.waitFor("[2]+  Stopped                 cat\n");
        command("echo alive");
        t.waitFor("\nalive\n");
        command("fg");
        t.waitFor("$ fg\ncat\n");
        type("resumed");
        t.waitFor("\nresumed\nresumed\n");
        t.keys("C-d");
        command("echo status $?");
        t.waitFor("status 0\n");

        command("cat > bgout &");
        t.waitFor("[2] ");
        command("echo typed-here");   // the shell reads it, whether or not the background cat is at its read yet
        t.waitFor("\ntyped-here\n");
        commandUntil("jobs", "[2]+  Stopped                 cat > bgout\n");   // once its read met SIGTTIN
        command("fg");
        t.waitFor("$ fg\ncat > bgout\n");
        type("for-bg");
        t.waitFor("\nfor-bg\n");
        t.keys("C-d");
        command("cat bgout");
        t.waitFor("$ cat bgout\nfor-bg\n");
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private void start(Path dir, String command) throws Exception { t = Tmux.start(dir, command); }

    private void type(String line) throws Exception { t.type(line); }

    /** Types a command line once the shell shows its prompt, so the echo of the line never comes before the prompt. */
    private void command(String line) throws Exception { t.command(line); }

    /** Runs {@code line} again at each prompt until {@code text} shows: a state the machine reaches by itself. */
    private void commandUntil(String line, String text) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!t.screen().contains(text) && System.nanoTime() < end) command(line);
        t.waitFor(text);
    }

    @AfterEach
    void kill() throws Exception {
        if (t != null) t.close();
    }
}
