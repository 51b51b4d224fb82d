package dev.vitrine.userland;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The terminal's size as a program sees it (TIOCGWINSZ), SIGWINCH when the terminal is
 * resized, and a VTIME read that times out: the same lines under qemu-riscv64 on the real
 * kernel's tty and under `vitrine run`, where the kernel's line discipline is the tty.
 */
class WindowSizeTest {
    @Test
    void resizeAndVtimeMatchQemu() throws Exception {
        Path qemu = Toolchain.requireQemu();
        Path dir = Files.createTempDirectory("vitrine-winch");
        try {
            Path elf = dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/resources/tty/winch.c"));
            String onLinux = run(dir, qemu + " " + elf);
            String onVitrine = run(dir, "java -Xss16m -cp " + System.getProperty("java.class.path") + " dev.vitrine.cli.Main run " + elf);
            Assertions.assertEquals("before 50 rows 150 cols\nafter SIGWINCH 30 rows 100 cols\nVTIME read: 0\n", onLinux);
            Assertions.assertEquals(onLinux, onVitrine);
        } finally {
            Userland.deleteTree(dir);
        }
    }

    /** The program's lines on a 150x50 tmux terminal that becomes 100x30 once it has shown its size. */
    private static String run(Path dir, String command) throws Exception {
        try (Tmux t = Tmux.start(dir, "sh -c '" + command + "; echo ==END==; sleep 60'")) {
            t.waitFor("before 50 rows 150 cols");
            t.resize(100, 30);
            t.waitFor("==END==");
            StringBuilder b = new StringBuilder();
            for (String line : t.screen().split("\n"))
                if (line.startsWith("before") || line.startsWith("after") || line.startsWith("VTIME")) b.append(line).append('\n');
            return b.toString();
        }
    }
}
