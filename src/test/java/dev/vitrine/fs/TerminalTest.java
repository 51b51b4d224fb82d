package dev.vitrine.fs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** glibc buffers stdout by what fd 1 is: a terminal line-buffers, a pipe does not. */
class TerminalTest {
    @Test void printfBeforeForkOnceOnATerminal() throws Exception {
        Guest.Run r = Guest.run("fs_printf_fork", "rr", true);
        assertEquals("before fork (pid-independent)\nafter fork, parent only\n", r.stdout());
    }

    @Test void printfBeforeForkTwiceIntoAPipe() throws Exception {
        Guest.Run r = Guest.run("fs_printf_fork", "rr", false);
        assertEquals("before fork (pid-independent)\nbefore fork (pid-independent)\nafter fork, parent only\n", r.stdout());
    }
}
