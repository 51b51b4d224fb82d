package dev.vitrine.serve;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The page's disassembly is objdump's: every instruction of a static glibc program (the
 * userland's shell: libc, libm bits, the dynamic loader's code) as `riscv64-linux-gnu-objdump -d
 * -M no-aliases` prints it, symbols and comments aside; the few it does not know are ".insn".
 */
class DisasmTest {
    static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\s+([0-9a-f]{4}|[0-9a-f]{8})\\s+(\\S.*)$");

    @Test void everyInstructionOfAStaticProgramReadsAsObjdumpPrintsIt() throws Exception {
        Path cc = Toolchain.requireCompiler();
        Path objdump = cc.resolveSibling("riscv64-linux-gnu-objdump");
        Path program = dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/resources/cli/args.c"));
        Process p = new ProcessBuilder(objdump.toString(), "-d", "-M", "no-aliases", program.toString()).redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), dump);
        int total = 0, unknown = 0;
        List<String> wrong = new ArrayList<>();
        for (String line : dump.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue;
            long pc = Long.parseLong(m.group(1), 16);
            int bits = (int) Long.parseLong(m.group(2), 16);
            String want = m.group(3).replaceAll("\\s*<[^>]*>", "").replaceAll("\\s*#.*$", "").strip();
            if (want.startsWith(".insn") || want.startsWith("unimp") || want.startsWith(".") || want.startsWith("c.unimp")) continue;
            total++;
            String got = Disasm.text(bits, pc).replace('\t', ' ');
            if (got.startsWith(".insn")) { unknown++; continue; }
            if (!got.equals(want.replaceAll("\\s+", " "))) wrong.add(Long.toHexString(pc) + ": objdump '" + want + "', ours '" + got + "'");
        }
        assertTrue(total > 10_000, "only " + total + " instructions in " + program);
        assertEquals(List.of(), wrong.subList(0, Math.min(40, wrong.size())), wrong.size() + " of " + total + " differ");
        assertTrue(unknown * 200 < total, unknown + " of " + total + " unknown");
    }
}
