package dev.vitrine.userland;

import dev.vitrine.conformance.Binfmt;
import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shell as a person types at it on a real terminal (tmux): line editing, history, ^R,
 * Tab, ^Z with fg and bg, a background job printing while the prompt waits, ^C, and the terminal
 * as it was once the shell exits. The same keys go to sh under qemu-riscv64, on the real
 * kernel's tty, and to `vitrine sh`, where the kernel's own line discipline is the tty; on
 * Vitrine a deadlocked pipeline is reported at the prompt and ps shows STAT and WCHAN.
 */
class LineEditingTest {
    /** After the command: the host terminal's local modes as the host's stty sees them, then a marker. */
    private static final String AFTER = "; stty -a | tr ' ;' '\\n\\n' | grep -x -e isig -e icanon -e echo | tr '\\n' ' '; echo ==END==; sleep 60";

    @Test
    void underQemu() throws Exception {
        Path qemu = Toolchain.requireQemu();
        Userland.build();
        Binfmt.require();
        Path work = Userland.fixture();
        Path script = Files.createTempDirectory("vitrine-edit").resolve("run.sh");
        try {
            Files.writeString(script, "env -i PATH=" + Userland.BIN + ":" + Userland.EXAMPLES + " HOME=" + work
                    + " TERM=xterm 'PS1=$ ' " + qemu + " " + Userland.BIN.resolve("sh") + AFTER + "\n");
            try (Tmux t = Tmux.start(work, "bash --norc --noprofile " + script)) {
                t.command("cd .");   // the same history as on Vitrine, which starts with a cd
                session(t);
                t.command("exit");
                t.waitFor("isig icanon echo ==END==");
            }
        } finally {
            Userland.deleteTree(work);
            Userland.deleteTree(script.getParent());
        }
    }

    @Test
    void onVitrine() throws Exception {
        Userland.build();
        Userland.requireKernel();
        Path work = Userland.fixture();
        Path script = Files.createTempDirectory("vitrine-edit").resolve("run.sh");
        try {
            Files.writeString(script, "java -Xss16m -Dvitrine.home=" + Userland.ROOT + " -cp " + System.getProperty("java.class.path")
                    + " dev.vitrine.cli.ShCommand --mount " + work + ":/work:rw" + AFTER + "\n");
            try (Tmux t = Tmux.start(work, "bash --norc --noprofile " + script)) {
                t.command("cd /work");
                session(t);
                deadlockAndPs(t);
                t.command("exit");
                t.waitFor("isig icanon echo ==END==");   // the host terminal is cooked again
            }
        } finally {
            Userland.deleteTree(work);
            Userland.deleteTree(script.getParent());
        }
    }

    private static void session(Tmux t) throws Exception {
        // Editing: Backspace, cursor moves and insertion, ^W, ^K, ^A, ^U.
        t.command("");
        t.text("echo helo");
        t.keys("BSpace");
        t.text("lo wrld");
        t.keys("Left", "Left", "Left");
        t.text("o");
        t.keys("End");
        t.text(" junk");
        t.keys("C-w", "Enter");
        t.waitFor("\nhello world\n");
        t.text("echo third junk");
        t.keys("Left", "Left", "Left", "Left", "Left", "C-k", "C-a");
        t.text("  ");
        t.keys("Enter");
        t.waitFor("\nthird\n");
        t.text("garbage");
        t.keys("C-u");
        t.text("echo fourth");
        t.keys("Enter");
        t.waitFor("\nfourth\n");

        // History: up-arrow, !!, !N by number, history, ^R.
        t.keys("Up", "Up", "Up", "Enter");
        t.waitForCount("\nhello world\n", 2);
        t.command("!!");
        t.waitForCount("\nhello world\n", 3);
        t.command("history");
        t.waitFor("  echo fourth\n");
        t.keys("C-r");
        t.text("thir");
        t.waitFor("(reverse-i-search)`thir': ");
        t.keys("Enter");
        t.waitForCount("\nthird\n", 2);

        // Tab: a command, a file, and the list of choices on a second Tab.
        t.text("ech");
        t.keys("Tab");
        t.text("tabbed");
        t.keys("Enter");
        t.waitFor("\ntabbed\n");
        t.text("cat wo");
        t.keys("Tab", "Enter");
        t.waitFor("\nthe quick brown fox\n");
        t.text("cat n");
        t.keys("Tab", "Tab");
        t.waitFor("notes.txt  nums.txt");
        t.keys("C-u", "Enter");

        // help and type: what is built in, what runs from $PATH, and the hint for compilers.
        t.command("help");
        t.waitFor("  type NAME...         say whether NAME is a builtin or which program runs\n");
        t.command("type cd cat gcc");
        t.waitFor("\ncd is a shell builtin\n");
        t.waitFor("/cat\n");
        t.waitFor("sh: type: gcc: not found (programs are built on the host: ./vitrine run file.c)\n");

        // ^Z stops the foreground job; fg continues it with the terminal. Keys typed while the
        // shell still edits (no echo, raw) would reach cat unechoed: type once "ready" shows.
        t.command("echo ready; cat");
        t.waitFor("\nready\n");
        t.text("ping");
        t.keys("Enter");
        t.waitFor("\nping\nping\n");
        t.keys("C-z");
        t.waitFor("Stopped                 cat\n");
        t.command("fg");
        t.waitFor("\ncat\n");
        t.text("pong");
        t.keys("Enter");
        t.waitFor("\npong\npong\n");
        t.keys("C-d");
        t.command("echo status $?");
        t.waitFor("\nstatus 0\n");

        // ^Z then bg: the stopped job runs on in the background until killed.
        t.command("sh -c 'echo go >&2; exec yes > /dev/null'");
        t.waitFor("\ngo\n");
        t.keys("C-z");
        t.waitFor("Stopped                 sh -c 'echo go >&2; exec yes > /dev/null'\n");
        t.command("bg");
        t.waitFor("[1]+ sh -c 'echo go >&2; exec yes > /dev/null' &\n");
        t.command("jobs");
        t.waitFor("[1]+  Running                 sh -c 'echo go >&2; exec yes > /dev/null' &\n");
        t.command("kill %1; wait %1; echo waited $?");
        t.waitFor("\nwaited 143\n");

        // A background job prints while the prompt waits for a key.
        t.command("sleep 1 && echo from-background &");
        t.waitForCount("from-background", 2);
        t.keys("Enter");   // a fresh prompt below what the job printed
        t.waitFor("Done                    sleep 1 && echo from-background");

        // ^C: the foreground job dies of SIGINT; at the prompt it drops the line.
        t.command("echo set; cat");
        t.waitFor("\nset\n");
        t.text("ping2");
        t.keys("Enter");
        t.waitFor("\nping2\nping2\n");
        t.keys("C-c");
        t.command("echo status $?");
        t.waitFor("\nstatus 130\n");
        t.command("");
        t.text("partial");
        t.waitFor("$ partial");   // read by the editor: a ^C flushes what the tty still holds
        t.keys("C-c");
        t.waitFor("partial^C\n");
    }

    /** Vitrine's own: a pipeline that can never finish is reported with who waits for whom; ps's STAT and WCHAN. */
    private static void deadlockAndPs(Tmux t) throws Exception {
        t.command("mkfifo f");
        t.command("cat f | cat > f");
        t.waitFor("(cat f | cat > f) can never finish");
        t.waitFor("cat: read(3) from a FIFO whose writers are all blocked; its write end is open in pid ");
        t.waitFor("cat: read(0) from a pipe whose writers are all blocked; its write end is open in pid ");
        t.keys("C-c");
        t.command("echo status $?");
        t.waitForCount("\nstatus 130\n", 2);
        t.command("sleep 100 &");
        t.command("ps");
        t.waitFor("STAT  WCHAN");
        t.waitFor(String.format(" %-5s %-20s %s\n", "S", "hrtimer_nanosleep", "sleep 100"));
        t.waitFor(String.format(" %-5s %-20s %s\n", "R+", "-", "ps"));
        t.command("kill %1; wait");   // its death, and any note about it, before the next prompt
    }
}
