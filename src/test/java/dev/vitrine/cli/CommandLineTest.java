package dev.vitrine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad command line is one line on stderr and status 2, before anything runs. */
class CommandLineTest {
    record Run(int status, String out, String err) {}

    /** The real command line in-process, the guest's stdio on captured System streams. */
    static Run vitrine(String... args) {
        PrintStream oldOut = System.out;
        InputStream oldIn = System.in;
        ByteArrayOutputStream guestOut = new ByteArrayOutputStream();
        StringWriter out = new StringWriter(), err = new StringWriter();
        try {
            System.setOut(new PrintStream(guestOut, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(new byte[0]));
            var cl = Main.commandLine(args.length > 0 ? args[0] : "");
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int status = cl.execute(args);
            return new Run(status, out + guestOut.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setIn(oldIn);
        }
    }

    private static void refused(String line, String expected) {
        Run r = vitrine(line.split(" "));
        assertEquals(2, r.status(), line + " -> " + r.err());
        assertEquals(1, r.err().lines().count(), "one line for " + line + ":\n" + r.err());
        assertTrue(r.err().startsWith("vitrine: "), r.err());
        assertTrue(r.err().contains(expected), line + " -> " + r.err());
        assertEquals("", r.out(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "run /dev/zero|/dev/zero: not a regular file",
            "run /tmp|not a regular file",
            "run /no/such/program|no such file",
            "run --swap 8191G PROG|--swap 8191G",
            "run --mem 2T PROG|at most 1T",
            "run --mount /tmp:/etc/passwd PROG|/etc/passwd: is a file, not a directory",
            "run --mem 1 PROG|at least one page",
            "run --mem 12X PROG|--mem 12X: expected a size",
            "run --tlb 1000000000 PROG|at most 65536 entries",
            "run --tlb 64:3 PROG|ways must divide",
            "run --max-procs -5 PROG|--max-procs -5",
            "run --max-procs 0 PROG|--max-procs 0",
            "run --max-time NaN PROG|--max-time NaN",
            "run --max-time -1 PROG|--max-time -1",
            "run --max-time 1e300 PROG|--max-time",
            "run --max-instructions -1 PROG|--max-instructions -1",
            "run --quantum 0 PROG|--quantum 0",
            "run --sched lottery PROG|unknown scheduling policy 'lottery'",
            "run --policy opt PROG|--policy opt",
            "run --paging sv32 PROG|unknown paging preset",
            "run --seed x PROG|'x' is not a long",
            "run --mount /no/such/dir:/x PROG|does not exist", "run --mount pom.xml:/x PROG|pom.xml is not a directory",
            "run --mount pom.xml/sub:/x PROG|is not a directory",
            "run --mount relative PROG|--mount wants HOST:GUEST",
            "run --stats-json /no/such/dir/stats.json PROG|no such directory /no/such/dir",
            "run --stats-json /tmp PROG|is a directory",
            "run --mme 4M PROG|unknown option '--mme' (did you mean --mem?)",
            "rn PROG|unknown command 'rn' (did you mean run?)",
            "run|Missing required parameter",
            "sh -c|Missing required parameter for option '-c'",
            "sh -x -c true|unknown option '-x'",
            "sh --mem 1Q|--mem 1Q",
            "sh --stats-json /no/such/dir/s.json -c true|no such directory",
            "demo --max-procs 99999999|--max-procs 99999999",
            "sim tlb --entries 1000000000 --refs 1,2|--entries 1000000000: at most 65536",
            "sim tlb --entries 1-5000 --refs 1,2|a sweep covers at most 1024 sizes",
            "sim tlb --steps -1 --refs 1,2|--steps -1",
            "sim replace --frames 1000000000 --refs 1,2|--frames 1000000000: at most",
            "sim replace --frames 1-1000000000 --refs 1,2|--frames 1-1000000000",
            "sim sched --jobs 10,10 --queues 100000000 --policy mlfq|--queues 100000000: at most 64",
            "sim replac --refs 1,2|unknown command 'replac' (did you mean replace?)",
    })
    void refusedInOneLine(String spec) throws Exception {
        String[] p = spec.split("\\|");
        String line = p[0].contains("PROG") ? p[0].replace("PROG", CliGuests.build("args").toString()) : p[0];
        refused(line, p[1]);
    }

    @Test void aMountOverHomeLeavesTheProgramInTheMemoryTree(@TempDir Path dir) throws Exception {
        // The image goes to /run/vitrine/NAME (fs.Rootfs.placeProgram): a mount is never written but by the guest.
        Run r = vitrine("run", "--mount", dir + ":/home/user", CliGuests.build("args").toString(), "x");
        assertEquals(0, r.status(), r.err());
        assertEquals("x\n", r.out());
        try (var s = java.nio.file.Files.list(dir)) { assertEquals(0, s.count()); }
    }

    /** A machine too small to hold even the initial stack says so in one line, with the OOM killer's status. */
    @Test void noMemoryToLoadTheProgramIsOneLineAndStatus137() throws Exception {
        var out = new ByteArrayOutputStream();
        dev.vitrine.Machine.Result r = dev.vitrine.Machine.builder().memory(512L << 10).swap(0).stdout(out).stderr(out).tty(false)
                .build().run(CliGuests.build("args"), java.util.List.of("args", "x"));
        assertEquals(137, r.exitStatus(), r.report());
        assertEquals(1, r.report().lines().count(), r.report());
        assertTrue(r.report().endsWith("out of memory: no memory left for the initial stack (see --mem and --swap)"), r.report());
        assertEquals(java.util.Map.of("exit_status", 137), r.stats(), "no figures for a machine that never ran");
        assertEquals(0, out.size());
    }

    @Test void whatFollowsTheProgramIsTheGuests() throws Exception {
        Run r = vitrine("run", "--seed", "3", CliGuests.build("args").toString(), "-l", "--mem", "4", "--stats");
        assertEquals(0, r.status(), r.err());
        assertEquals("-l\n--mem\n4\n--stats\n", r.out());
    }

    /** A .c program's options are its own too, and so are a typo's look-alikes once the program is named. */
    @Test void whatFollowsASourceProgramIsTheGuests() throws Exception {
        dev.vitrine.conformance.Toolchain.requireCompiler();
        Run r = vitrine("run", "src/test/resources/cli/args.c", "-x", "--mme", "4");
        assertEquals(0, r.status(), r.err());
        assertEquals("-x\n--mme\n4\n", r.out());
    }

    /** As with sh -c: after the line, every word is the script's $0, $1, ..., options and "--" too. */
    @Test void whatFollowsTheShellLineIsTheScripts() throws Exception {
        dev.vitrine.conformance.Toolchain.requireCompiler();
        Run r = vitrine("sh", "--seed", "2", "-c", "echo \"[$0] [$1] $#\"", "-x", "--mem", "4");
        assertEquals(0, r.status(), r.err());
        assertEquals("[-x] [--mem] 2\n", r.out());
        r = vitrine("sh", "-c", "echo \"[$0] [$1] $#\"", "--", "-n");
        assertEquals("[--] [-n] 1\n", r.out(), r.err());
        r = vitrine("sh", "-c", "echo \"[$0] $#\"");
        assertEquals("[sh] 0\n", r.out(), r.err());
    }

    @Test void statsJsonIsWrittenAfterTheRun(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("stats.json");
        Run r = vitrine("run", "--stats-json", json.toString(), CliGuests.build("args").toString(), "x");
        assertEquals(0, r.status(), r.err());
        assertEquals("x\n", r.out());
        assertTrue(Files.readString(json).startsWith("{\"exit_status\":0,"), Files.readString(json));
    }

    /** `sh` takes the machine's whole option set, as `run` does. */
    @Test void shTakesTheMachineOptions(@TempDir Path dir) throws Exception {
        dev.vitrine.conformance.Toolchain.requireCompiler();
        Path json = dir.resolve("sh.json");
        Run r = vitrine("sh", "--mem", "64M", "--swap", "0", "--seed", "7", "--policy", "lru", "--max-procs", "8",
                "--max-time", "5", "--stats-json", json.toString(), "-c", "seq 3 | wc -l");
        assertEquals(0, r.status(), r.err());
        assertEquals("3\n", r.out());
        assertTrue(Files.readString(json).contains("\"policy\":\"lru\""), Files.readString(json));
    }

    @Test void nearestNames() {
        assertEquals(java.util.List.of("--max-time"), Main.nearest("--max-tme", java.util.List.of("--max-time", "--max-procs", "--mem")));
        assertEquals(java.util.List.of(), Main.nearest("--frobnicate", java.util.List.of("--max-time", "--mem")));
    }

    /** `run PROGRAM [ARGS...]` skips picocli (the start-up path): every option and parameter is what picocli makes of it. */
    @Test void aPlainRunIsParsedAsPicocliParsesIt() throws Exception {
        String prog = CliGuests.build("args").toString();
        for (String[] argv : java.util.List.of(new String[] {"run", prog}, new String[] {"run", prog, "a", "--mem", "1G", "--", "-h", ""},
                new String[] {"run", "@" + prog, "--stats", "--no-jit"}, new String[] {"run", "rel/prog.cc", "--help"})) {
            RunCommand plain = RunCommand.plain(argv);
            assertNotNull(plain, String.join(" ", argv));
            var picocli = Main.commandLine("run");
            picocli.parseArgs(argv);
            var parsed = picocli.getSubcommands().get("run").getCommandSpec();
            var fast = new picocli.CommandLine(plain).getCommandSpec();
            assertEquals(parsed.options().size(), fast.options().size());
            for (var o : parsed.options())
                assertEquals((Object) o.getValue(), fast.findOption(o.longestName()).getValue(), String.join(" ", argv) + ": " + o.longestName());
            assertEquals(parsed.positionalParameters().size(), fast.positionalParameters().size());
            for (int i = 0; i < parsed.positionalParameters().size(); i++)
                assertEquals((Object) parsed.positionalParameters().get(i).getValue(), fast.positionalParameters().get(i).getValue(), String.join(" ", argv));
        }
        for (String[] argv : java.util.List.of(new String[] {"run"}, new String[] {"run", "--mem", "1G", prog}, new String[] {"run", "--", prog},
                new String[] {"run", "prog.c"}, new String[] {"run", "-h"}, new String[] {"run", ""}, new String[] {"run", "a\0b"},
                new String[] {"sh", prog}, new String[] {"--version", "run", prog}))
            assertNull(RunCommand.plain(argv), String.join(" ", argv));
    }

    /** Run by Main as the command is (plain command lines skip picocli), System's stdout and stderr captured. */
    private static Run viaMain(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(new byte[0]));
            int status = Main.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"run /dev/zero", "run /tmp", "run /no/such/program", "run PROG", "run PROG one --two -- 3", "run PROG-missing x"})
    void aPlainRunEndsAsThroughPicocli(String line) throws Exception {
        String[] argv = line.replace("PROG", CliGuests.build("args").toString()).split(" ");
        assertEquals(vitrine(argv), viaMain(argv), line);
    }

    /** A command built alone (the start-up path) parses and helps exactly as it does among all of them. */
    @Test void aCommandAloneIsTheSameCommand() {
        var all = Main.commandLine();
        assertEquals(all.getSubcommands().keySet(), Main.commandLine("").getSubcommands().keySet());
        assertTrue(all.getSubcommands().size() > 1, "every command is registered");
        for (var e : all.getSubcommands().entrySet()) {
            var alone = Main.commandLine(e.getKey());
            assertEquals(java.util.Set.of(e.getKey()), alone.getSubcommands().keySet());
            var sub = alone.getSubcommands().get(e.getKey());
            assertEquals(e.getValue().getUsageMessage(), sub.getUsageMessage(), e.getKey());
            assertEquals(e.getValue().isStopAtPositional(), sub.isStopAtPositional(), e.getKey());
            assertEquals(e.getValue().getCommandSpec().optionsMap().keySet(), sub.getCommandSpec().optionsMap().keySet(), e.getKey());
        }
    }
}
