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
