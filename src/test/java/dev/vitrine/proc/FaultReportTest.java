package dev.vitrine.proc;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report's line for a process killed by a fault says what happened: the access, the
 * address, why the kernel refused it, and the pc named by the ELF's symbol table, checked
 * here against the addresses riscv64-linux-gnu-nm gives for the same binary.
 */
class FaultReportTest {
    private static final Pattern LINE = Pattern.compile("^Segmentation fault \\(pid 2, fault_kinds\\): (.*), pc 0x([0-9a-f]+) in (\\w+)(?:\\+0x([0-9a-f]+))?$",
            Pattern.MULTILINE);

    @Test void aWriteToNullSaysNoMappingAndTheFunction() throws Exception {
        Matcher m = line("null");
        assertEquals("write to 0x0 (no mapping)", m.group(1));
        assertEquals("poke", m.group(3));
        assertPcInFunction(m);
    }

    @Test void aWriteToAStringLiteralSaysReadOnly() throws Exception {
        Matcher m = line("rodata");
        assertTrue(m.group(1).matches("write to 0x[0-9a-f]+ \\(read-only mapping r-[-x]\\)"), m.group(0));
        assertEquals("poke", m.group(3));
    }

    @Test void aReadOfProtNoneAndAJumpIntoDataSayWhy() throws Exception {
        Matcher none = line("none");
        assertTrue(none.group(1).matches("read from 0x[0-9a-f]+ \\(PROT_NONE mapping\\)"), none.group(0));
        assertEquals("peek", none.group(3));
        Matcher exec = line("exec");
        assertTrue(exec.group(1).matches("execute at 0x([0-9a-f]+) \\(mapping not executable rw-\\)"), exec.group(0));
        // A jump into data faults on the fetch itself: the pc is the address, inside no function.
        String pc = exec.group(2);
        assertTrue(exec.group(1).startsWith("execute at 0x" + pc + " "), exec.group(0));
    }

    private static Matcher line(String what) throws Exception {
        Guests.Run r = Guests.run("fault_kinds", b -> b, what);
        assertEquals(128 + Signals.SIGSEGV, r.result().exitStatus(), r.result().report());
        Matcher m = LINE.matcher(r.result().report());
        if (!m.find()) {
            // the jump into data has no function to name: the same line without " in ..."
            Matcher bare = Pattern.compile("^Segmentation fault \\(pid 2, fault_kinds\\): (.*), pc 0x([0-9a-f]+)()()$", Pattern.MULTILINE)
                    .matcher(r.result().report());
            assertTrue(bare.find(), r.result().report());
            return bare;
        }
        return m;
    }

    /** nm's address of the named function, plus the offset, is the pc. */
    private static void assertPcInFunction(Matcher m) throws Exception {
        Path nm = Toolchain.requireHost("riscv64-linux-gnu-nm", "apt-get install binutils-riscv64-linux-gnu");
        java.lang.Process p = new ProcessBuilder(nm.toString(), Guests.build("fault_kinds").toString()).start();
        String syms = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Matcher s = Pattern.compile("^([0-9a-f]+) [Tt] " + m.group(3) + "$", Pattern.MULTILINE).matcher(syms);
        assertTrue(s.find(), m.group(3) + " not in nm's output");
        long off = m.group(4) == null ? 0 : Long.parseLong(m.group(4), 16);
        assertEquals(Long.parseLong(s.group(1), 16) + off, Long.parseLong(m.group(2), 16), m.group(0));
    }
}
