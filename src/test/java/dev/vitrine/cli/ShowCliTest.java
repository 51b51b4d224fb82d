package dev.vitrine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** `vitrine run --show`: the views' three formats as a user gets them, and the command line's checks. */
class ShowCliTest {
    private static String program() throws Exception {
        return dev.vitrine.conformance.GuestBuild.build(Path.of("userland/tests/hello.c").toAbsolutePath()).toString();
    }

    @Test void textOnAPipeHasNoColoursAndJsonAndSvgParse(@TempDir Path dir) throws Exception {
        String vitrine = CliGuests.vitrine(), prog = program();
        CliGuests.Result text = CliGuests.bash(vitrine + " run --show pagetable,frames,tlb " + prog + " 2>&1 | cat", 120);
        assertEquals(0, text.status(), text.out() + text.err());
        assertTrue(text.out().contains("== at exit of pid 2"), text.out());
        assertTrue(text.out().contains("page table of pid 2"), text.out());
        assertTrue(text.out().contains("physical memory:"), text.out());
        assertTrue(text.out().contains("TLB: 64 entries"), text.out());
        assertFalse(text.out().contains("\u001b"), "no escape codes into a pipe");

        Path json = dir.resolve("v.json"), svg = dir.resolve("v.svg");
        CliGuests.Result j = CliGuests.bash(vitrine + " run --show pagetable,tlb --show-at instret:5000 --show-format json --show-to " + json + " " + prog, 120);
        assertEquals(0, j.status(), j.err());
        Object parsed = new LabJsonTest.Parser(Files.readString(json).trim()).whole();
        Map<?, ?> top = (Map<?, ?>) parsed;
        assertEquals("instret:5000", top.get("moment"));
        assertEquals(5000L, ((Number) top.get("instret")).longValue());
        List<?> views = (List<?>) top.get("views");
        assertEquals("pagetable", ((Map<?, ?>) views.get(0)).get("view"));
        assertEquals("tlb", ((Map<?, ?>) views.get(1)).get("view"));

        CliGuests.Result s = CliGuests.bash(vitrine + " run --show frames --show-format svg --show-to " + svg + " " + prog, 120);
        assertEquals(0, s.status(), s.err());
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(doc.getElementsByTagName("rect").getLength() > 10);
    }

    @Test void badOptionsAreABadCommandLine() throws Exception {
        String vitrine = CliGuests.vitrine(), prog = program();
        for (String opts : List.of("--show pagetables", "--show tlb --show-at sometime", "--show-at exit", "--show tlb --show-format png")) {
            CliGuests.Result r = CliGuests.bash(vitrine + " run " + opts + " " + prog, 60);
            assertEquals(2, r.status(), opts + ": " + r.err());
            assertFalse(r.out().contains("hello"), "the program did not run: " + opts);
        }
        CliGuests.Result never = CliGuests.bash(vitrine + " run --show tlb --show-at signal:SIGSEGV " + prog, 60);
        assertEquals(0, never.status());
        assertTrue(never.err().contains("never came to that moment"), never.err());
    }
}
