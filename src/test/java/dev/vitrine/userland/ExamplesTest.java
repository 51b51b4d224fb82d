package dev.vitrine.userland;

import dev.vitrine.conformance.GuestRun;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every program of userland/examples/ (the chapter's C examples) runs with the outcome its header
 * comment documents: the output it prints, or, for the ones meant to hang, a hang under
 * qemu-riscv64 (still running after a few seconds) and the deadlock stop on Vitrine (status 125,
 * the report naming the deadlock). Each example runs through sh -c in the fixture directory, so
 * the ones that need files or a second program get them.
 */
class ExamplesTest {
    /** expected: the exact stdout, a regex if it starts with "~", or null: the run hangs. */
    record Example(String name, String script, String expected) {}

    static final String HANGS = null;

    /** The FIFO examples open "fifo" in the working directory: a fresh one under /tmp (Vitrine's mounts of host directories refuse mknod). */
    static final String FIFO_DIR = "d=/tmp/fifo-example.$$; mkdir $d; cd $d; ";

    static final List<Example> EXAMPLES = List.of(
            new Example("pipe_basic", "pipe_basic", "parent read 4 bytes: done\n"),
            new Example("pipe_self", "pipe_self", HANGS),
            new Example("pipe_self_flush", "pipe_self_flush", "3 values parsed: 10 20 30\n"),
            new Example("pipe_fill", "pipe_fill 2>/dev/null", HANGS),
            new Example("pipe_never_leaves", "pipe_never_leaves", HANGS),
            new Example("pipe_end_marker", "pipe_end_marker", "Reading from 3, writing to 4\nHi Child!\n"),
            new Example("pipe_fdopen_hangs", "pipe_fdopen_hangs", HANGS),
            new Example("pipe_fdopen_fixed", "pipe_fdopen_fixed", "The child says the score is 20\n"),
            new Example("sigpipe_fails", "sigpipe_fails", "Done\n"),
            new Example("sigpipe_caught", "sigpipe_caught 2>&1", "No one is listening!\nwrite: Broken pipe\nNo one is listening!\nwrite: Broken pipe\nDone\n"),
            new Example("mmap_print", "mmap_print notes.txt 8 6; echo", "banana\n"),
            new Example("mmap_write", "mmap_write", "read(2) now sees: lxxxxxx\n"),
            new Example("mmap_shared", "mmap_shared; sleep 2", "~(Mapped at 0x[0-9a-f]+\n){2}30\n"),
            new Example("fdopen_file", "fdopen_file; cat mydata.txt", "Name:Fred Score:123\n"),
            new Example("file_length", "file_length notes.txt", "ftell: 42\nstat: 42\nfirst line: apple 3\n"),
            new Example("ls_cut", "ls_cut", "Makefile\na\na\nb\nnotes\nnums\nwords\n"),
            new Example("fifo_race_reader", FIFO_DIR + "mkfifo fifo; fifo_race_reader & sleep 1; fifo_race_writer; wait; rm -r $d", "Hello!\n"),
            new Example("fifo_race_writer", FIFO_DIR + "mkfifo fifo; fifo_race_writer; fifo_race_reader", HANGS));

    /** How long a run that should hang is given under qemu before it counts as hanging. */
    static final long HANG_S = 3;

    @TestFactory
    Stream<DynamicNode> examples() throws Exception {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Example e : EXAMPLES) {
            nodes.add(DynamicContainer.dynamicContainer(e.name(), List.of(
                    DynamicTest.dynamicTest("qemu", () -> {
                        if (e.expected() == HANGS) {
                            try {
                                GuestRun r = Userland.qemuArgv(List.of("sh", "-c", e.script()), new byte[0], HANG_S);
                                fail(e.name() + " should hang but ended: " + Userland.describe("qemu", r));
                            } catch (AssertionError hung) {
                                assertTrue(String.valueOf(hung.getMessage()).contains("did not finish"), hung::toString);
                            }
                        } else {
                            check(e, Userland.qemu(e.script(), new byte[0]), "qemu");
                        }
                    }),
                    DynamicTest.dynamicTest("vitrine", () -> {
                        Userland.requireKernel();
                        GuestRun r = Userland.vitrine(e.script(), new byte[0]);
                        if (e.expected() == HANGS) {
                            assertEquals(125, r.exitStatus(), () -> "the deadlock stop\n" + Userland.describe("vitrine", r));
                            assertTrue(r.note().toLowerCase().contains("deadlock"), () -> Userland.describe("vitrine", r));
                        } else check(e, r, "vitrine");
                    }))));
        }
        return nodes.stream();
    }

    /**
     * Every example in userland/examples/ is tested against qemu-riscv64 somewhere: in the table
     * above, as a demonstration of `vitrine chapter` (ChapterCommandTest), or as a guide page's
     * program (docs/guide/files links to it; GuideTest).
     */
    @org.junit.jupiter.api.Test
    void everyExampleIsListed() throws Exception {
        Set<String> sources = new TreeSet<>();
        try (var s = Files.list(Userland.ROOT.resolve("userland/examples"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c")).forEach(n -> sources.add(n.substring(0, n.length() - 2)));
        }
        Set<String> listed = new TreeSet<>();
        for (Example e : EXAMPLES) listed.add(e.name());
        for (var q : dev.vitrine.lab.chapter.Chapter.QUESTIONS) if (q.demonstrated()) listed.add(q.program());
        try (var s = Files.list(Userland.ROOT.resolve("docs/guide/files"))) {
            for (Path link : s.filter(Files::isSymbolicLink).toList()) {
                Path target = Files.readSymbolicLink(link);
                String n = target.getFileName().toString();
                if (target.getParent() != null && target.getParent().endsWith("userland/examples") && n.endsWith(".c"))
                    listed.add(n.substring(0, n.length() - 2));
            }
        }
        assertEquals(sources, listed);
    }

    private static void check(Example e, GuestRun r, String side) {
        String out = r.stdoutText();
        if (e.expected().startsWith("~")) assertTrue(out.matches(e.expected().substring(1)), () -> Userland.describe(side, r));
        else assertEquals(e.expected(), out, () -> Userland.describe(side, r));
        assertEquals(0, r.exitStatus() + r.signal(), () -> Userland.describe(side, r));
    }
}
