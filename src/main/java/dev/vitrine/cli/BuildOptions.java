package dev.vitrine.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How `run` builds a .c program: extra compiler flags, extra sources, a dynamic build. The
 * flags are checked here, before anything runs: only flags that shape the program (optimize,
 * debug, warn, define, include, standard, code generation, libraries) pass, never one that
 * writes a file of its own choosing or stops before an executable (-o, -MF, -save-temps,
 * -fdump-*, -Wl,..., -c, -E), so every output stays in the cache.
 */
final class BuildOptions {
    @Option(names = "--cflags", paramLabel = "'FLAGS'",
            description = "compiler flags for a .c program, split at spaces, e.g. '-O0 -g -Wall -DN=3 -lpthread'")
    String cflags = "";

    @Option(names = "--cc", paramLabel = "FILE.c", description = "another C source to compile and link with the program (repeatable)")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--dynamic", description = "link a .c program dynamically: it runs through ld.so and libc from the riscv64 sysroot")
    boolean dynamic;

    /** The flags that only shape the program; anything else is refused (compiled when a .c program is built, not at every start). */
    private static final class Allowed {
        static final Pattern FLAGS = Pattern.compile(
                "-O[0-3sgz]?|-Ofast|-g[0-3]?|-ggdb[0-3]?|-gdwarf(-[2-5])?|-W(?![lap],)[A-Za-z0-9=_+-]+|-w|-pedantic(-errors)?|-ansi"
                + "|-[DU][A-Za-z_][A-Za-z0-9_]*(=\\S*)?|-I[^-\\s]\\S*|-std=[a-z0-9+]+|-l[A-Za-z0-9_+.-]+|-pthread"
                + "|-f(?!dump-|callgraph-info|stack-usage|profile|auto-profile|debug-prefix-map|plugin)[a-z0-9-]+(=[A-Za-z0-9_.,+-]+)?"
                + "|-m(?!plugin)[a-z0-9-]+(=[A-Za-z0-9_.+-]+)?");
    }

    /** The checked flag list (empty for none); a flag that is not one we pass is a bad command line. */
    List<String> flags() {
        List<String> out = new ArrayList<>();
        for (String f : cflags.trim().split("\\s+")) {
            if (f.isEmpty()) continue;
            if (f.equals("-static") || f.equals("-shared") || f.startsWith("-nostd"))
                throw MachineOptions.bad("--cflags", f, "the link is Vitrine's: static by default, --dynamic for ld.so");
            if (!Allowed.FLAGS.matcher(f).matches())
                throw MachineOptions.bad("--cflags", f, "not a flag Vitrine passes to the compiler"
                        + " (-O.., -g.., -W.., -w, -D.., -U.., -I.., -std=.., -f.., -m.., -l.., -pthread; no output files)");
            out.add(f);
        }
        return out;
    }

    /** Every extra source must be a readable .c file. */
    List<Path> extraSources() {
        for (Path p : sources) {
            if (!p.toString().endsWith(".c")) throw MachineOptions.bad("--cc", p.toString(), "expected a .c file");
            RunCommand.checkProgram(p);
        }
        return sources;
    }

    /** Whether any of these options was given: they mean nothing for an ELF. */
    boolean any() { return !cflags.isBlank() || !sources.isEmpty() || dynamic; }
}
