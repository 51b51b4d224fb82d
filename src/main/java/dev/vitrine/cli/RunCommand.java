package dev.vitrine.cli;

import dev.vitrine.Machine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `vitrine run PROGRAM [ARGS...]`: one program on a fresh machine, its exit status ours. */
@Command(name = "run", description = "Run a riscv64 ELF (or .c files, compiled static unless --dynamic) on the machine.",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROGRAM", description = "riscv64 ELF executable or C source file")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the program")
    List<String> args = new ArrayList<>();

    @Mixin MachineOptions machine;
    @Mixin ReportOptions report;
    @Mixin BuildOptions build;
    @Mixin ShowOptions show;

    @picocli.CommandLine.Option(names = "--gdb", paramLabel = "PORT",
            description = "wait for gdb on 127.0.0.1:PORT before the program's first instruction (target remote :PORT)")
    Integer gdbPort;

    @Spec CommandSpec spec;

    @Override public Integer call() throws Exception {
        checkProgram(program);
        boolean source = program.toString().endsWith(".c");
        if (!source && build.any())
            throw new IllegalArgumentException(program + ": --cflags, --cc and --dynamic build a .c program, not an ELF");
        List<String> cflags = build.flags();
        List<Path> sources = new ArrayList<>(List.of(program));
        sources.addAll(build.extraSources());
        Machine.Builder b = machine.builder();
        if (machine.hostDir().shown()) b.cwd(HostDir.GUEST);
        report.open();
        report.wire(b);
        show.open();
        show.wire(b);
        if (gdbPort != null) {
            if (gdbPort < 1 || gdbPort > 65535) throw MachineOptions.bad("--gdb", gdbPort.toString(), "expected a TCP port from 1 to 65535");
            b.gdb(gdbPort, System.err);
        }
        Path exe = source ? GuestCompiler.compile(sources, cflags, build.dynamic, spec.commandLine().getErr()) : program;
        Stdio.wire(b);
        List<String> argv = new ArrayList<>();
        argv.add(program.getFileName().toString().replaceFirst("\\.c$", ""));
        argv.addAll(args);
        Machine.Result r = b.build().run(exe, argv);
        System.out.flush();
        report.finish(r, machine.geometry());
        show.finish(r);
        return r.exitStatus();
    }

    /**
     * `vitrine run PROGRAM [ARGS...]` with no option before an ELF program, parsed without
     * picocli: reading the command's annotations by reflection (a proxy class spun per
     * annotation type, picocli's old class files verified at every start) was a third of
     * `vitrine run hello`. Each option keeps its field's initial value, which is what picocli
     * leaves there (no option has a defaultValue; CommandLineTest compares the two for every
     * option), and what follows the program is the guest's, as picocli's stop at the first
     * positional has it. Null for any other command line: picocli parses it.
     */
    static RunCommand plain(String... argv) {
        if (argv.length < 2 || !argv[0].equals("run") || argv[1].isEmpty() || argv[1].startsWith("-") || argv[1].endsWith(".c"))
            return null;
        RunCommand r = new RunCommand();
        try {
            r.program = Path.of(argv[1]);
        } catch (java.nio.file.InvalidPathException e) {
            return null;                       // picocli says why
        }
        r.args = new ArrayList<>(List.of(argv).subList(2, argv.length));
        r.machine = new MachineOptions();
        r.report = new ReportOptions();
        r.build = new BuildOptions();
        r.show = new ShowOptions();
        return r;
    }

    /** Runs a {@link #plain} command line as Main's picocli does: a bad value is one line and status 2. */
    int executePlain() {
        try {
            return call();
        } catch (IllegalArgumentException e) {
            System.err.println("vitrine: " + e.getMessage());
            return Main.USAGE;
        } catch (Exception e) {
            e.printStackTrace();               // picocli's unhandled exception: its stack trace, status 1
            return 1;
        }
    }

    /** A program is a readable regular file the machine can hold, or the command line is wrong. */
    static void checkProgram(Path p) {
        if (!Files.exists(p)) throw new IllegalArgumentException(p + ": no such file");
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException(p + ": not a regular file");
        if (!Files.isReadable(p)) throw new IllegalArgumentException(p + ": permission denied");
        try {
            if (Files.size(p) > Machine.MAX_PROGRAM)
                throw new IllegalArgumentException(p + ": too big (at most " + (Machine.MAX_PROGRAM >> 20) + " MiB)");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(p + ": cannot read: " + e.getMessage());
        }
    }
}
