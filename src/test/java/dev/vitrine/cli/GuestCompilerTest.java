package dev.vitrine.cli;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.vitrine.cli.CommandLineTest.vitrine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vitrine run FILE.c`: rebuilt when anything it includes changes, with the user's flags, sources and link. */
class GuestCompilerTest {
    @TempDir Path dir;

    @BeforeAll static void compiler() { Toolchain.requireCompiler(); }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The cached builds of programs named {@code name}: other JVMs may be filling the cache meanwhile. */
    private static List<Object> cached(String name) throws IOException {
        try (Stream<Path> s = Files.list(GuestCompiler.cacheDir())) {
            List<Object> inodes = new ArrayList<>();
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(name + "-")).toList())
                inodes.add(Files.readAttributes(p, BasicFileAttributes.class).fileKey());
            return inodes;
        }
    }

    @Test void aChangedHeaderRebuildsAnUnchangedOneDoesNot() throws IOException {
        String name = "hdr" + dir.getFileName().toString().replaceAll("\\W", "");
        Path main = write(name + ".c", "#include <stdio.h>\n#include \"h.h\"\nint main(void) { printf(\"%d\\n\", VALUE); return 0; }\n");
        write("h.h", "#define VALUE 1\n");
        CommandLineTest.Run first = vitrine("run", main.toString());
        assertEquals("1\n", first.out(), first.err());
        List<Object> built = cached(name);
        CommandLineTest.Run again = vitrine("run", main.toString());
        assertEquals("1\n", again.out(), again.err());
        assertEquals(1, built.size());
        assertEquals(built, cached(name), "an unchanged build is not compiled again (a new build is a new file)");
        write("h.h", "#define VALUE 2\n");
        CommandLineTest.Run second = vitrine("run", main.toString());
        assertEquals("2\n", second.out(), second.err());
        assertEquals(0, second.status());
        assertEquals(2, cached(name).size(), "a changed header is a new build");
    }

    @Test void cflagsReachTheCompiler() throws IOException {
        Path main = write("d.c", """
                #include <stdio.h>
                #ifdef __OPTIMIZE__
                #define OPT "opt"
                #else
                #define OPT "O0"
                #endif
                int main(void) { printf("%d %s\\n", VALUE, OPT); return 0; }
                """);
        CommandLineTest.Run o0 = vitrine("run", "--cflags", "-O0 -g -Wall -DVALUE=42", main.toString());
        assertEquals("42 O0\n", o0.out(), o0.err());
        CommandLineTest.Run o2 = vitrine("run", "--cflags", "-DVALUE=7", main.toString());
        assertEquals("7 opt\n", o2.out(), o2.err());
    }

    @Test void twoSourcesAndALibraryLink() throws IOException {
        Path main = write("main.c", "#include <stdio.h>\nint twice(int);\nint main(int argc, char **argv) { printf(\"%d %s\\n\", twice(21), argv[1]); return 3; }\n");
        Path other = write("other.c", "#include <math.h>\nint twice(int x) { return (int) sqrt((double) (4 * x * x)); }\n");
        CommandLineTest.Run r = vitrine("run", "--cc", other.toString(), "--cflags", "-lm", main.toString(), "guest-arg");
        assertEquals("42 guest-arg\n", r.out(), r.err());
        assertEquals(3, r.status());
    }

    @Test void dynamicRunsThroughLdSo() throws IOException {
        // AT_BASE is where the kernel loaded the interpreter: 0 for a static program.
        Path main = write("dyn.c", "#include <stdio.h>\n#include <sys/auxv.h>\n"
                + "int main(void) { printf(\"%s\\n\", getauxval(AT_BASE) ? \"dynamic\" : \"static\"); return 0; }\n");
        CommandLineTest.Run d = vitrine("run", "--dynamic", main.toString());
        assertEquals("dynamic\n", d.out(), d.err());
        CommandLineTest.Run s = vitrine("run", main.toString());
        assertEquals("static\n", s.out(), s.err());
    }

    @Test void aCompileErrorIsGccsDiagnosticsThenOneLineAndStatus2() throws IOException {
        Path main = write("bad.c", "int main(void) { return undeclared; }\n");
        CommandLineTest.Run r = vitrine("run", main.toString());
        assertEquals(Main.USAGE, r.status(), r.err());
        assertTrue(r.err().contains("error: ") && r.err().contains("undeclared (first use in this function)"), r.err());
        String last = r.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("vitrine: cannot compile " + main) && last.contains("exited with status 1"), r.err());
        assertEquals("", r.out());
    }

    @Test void aFlagThatWritesOutsideTheCacheIsABadCommandLine() throws IOException {
        Path main = write("ok.c", "int main(void) { return 0; }\n");
        for (String flags : new String[] {"-o /tmp/x", "-O2 -save-temps", "-Wl,-Map=/tmp/m", "-MF/tmp/d", "-fdump-tree-all", "-c", "-static", "@/etc/passwd"}) {
            CommandLineTest.Run r = vitrine("run", "--cflags", flags, main.toString());
            assertEquals(2, r.status(), flags + " -> " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("vitrine: --cflags "), r.err());
        }
        CommandLineTest.Run elf = vitrine("run", "--dynamic", "/bin/true");
        assertEquals(2, elf.status(), elf.err());
        CommandLineTest.Run notC = vitrine("run", "--cc", main.resolveSibling("ok.h").toString(), main.toString());
        assertEquals(2, notC.status(), notC.err());
    }
}
