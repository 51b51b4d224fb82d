package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.serve.Output;
import dev.vitrine.serve.Server;
import dev.vitrine.serve.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * `vitrine serve [PROGRAM [ARGS] | --sh 'LINE'] [--port N]`: the machine in a browser. It boots
 * paused before the first instruction, serves the page on 127.0.0.1 and prints its URL (opens
 * nothing); the page runs, pauses and steps the machine and looks into it (serve.Session,
 * serve.Server). The run is the one `vitrine run` or `vitrine sh -c` makes with the same options
 * and seed; its output goes to the page. After the run the page stays until ^C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the machine on a web page at 127.0.0.1: run, pause and step it, look into every process.",
                "It starts paused and prints the URL; nothing is opened or fetched from the network."})
final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROGRAM", description = "riscv64 ELF executable or C source file")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the program")
    List<String> args = new ArrayList<>();

    @Option(names = "--sh", paramLabel = "LINE", description = "run one shell command line (as vitrine sh -c LINE) instead of a program")
    String line;

    @Option(names = "--port", paramLabel = "N", description = "TCP port on 127.0.0.1 (default 8765; 0: any free port)")
    int port = 8765;

    @Mixin MachineOptions machine;
    @Mixin ReportOptions report;
    @Mixin BuildOptions build;

    @Spec CommandSpec spec;

    /** A served machine: its page's address, the run's end, and the way to stop serving. */
    record Served(Server server, Session session, CompletableFuture<Machine.Result> result) implements AutoCloseable {
        String url() { return server.url(); }
        @Override public void close() { server.close(); }
    }

    @Override public Integer call() throws Exception {
        try (Served s = start()) {
            System.err.println("vitrine: serving the machine at " + s.url() + " (paused before the first instruction; ^C ends)");
            System.err.flush();
            Machine.Result r = s.result().join();
            System.out.flush();
            report.finish(r, machine.geometry());
            System.err.println("vitrine: the run ended with status " + r.exitStatus() + "; the page shows the end until ^C");
            new CountDownLatch(1).await();
            return r.exitStatus();
        }
    }

    /** Checks everything, listens, and starts the machine on its own thread, held before its first instruction. */
    Served start() throws Exception {
        if ((program == null) == (line == null)) throw new IllegalArgumentException("give a PROGRAM or --sh 'LINE' (one of them)");
        if (line != null && !args.isEmpty()) throw new IllegalArgumentException("--sh takes one command line; ARGS go with a PROGRAM");
        if (port < 0 || port > 65535) throw MachineOptions.bad("--port", Integer.toString(port), "expected a TCP port from 0 to 65535");
        machine.builder();   // every option checked before anything listens or builds
        if (program != null) RunCommand.checkProgram(program);
        if (program != null && !program.toString().endsWith(".c")) checkElf(program);
        Output output = new Output();
        Server[] server = new Server[1];
        Session session = new Session(output, s -> { if (server[0] != null) server[0].publish(s); });
        server[0] = Server.listen(port, session, ServeCommand::lab);
        try {
            report.open();
            Machine.Builder b;
            Path exe;
            List<String> argv = new ArrayList<>();
            if (line != null) {
                ShCommand.Shell shell = ShCommand.shell(machine);
                b = shell.builder();
                exe = shell.sh();
                argv.addAll(List.of("sh", "-c", line));
            } else {
                boolean source = program.toString().endsWith(".c");
                if (!source && build.any())
                    throw new IllegalArgumentException(program + ": --cflags, --cc and --dynamic build a .c program, not an ELF");
                List<Path> sources = new ArrayList<>(List.of(program));
                sources.addAll(build.extraSources());
                b = machine.builder();
                if (machine.hostDir().shown()) b.cwd(HostDir.GUEST);
                exe = source ? GuestCompiler.compile(sources, build.flags(), build.dynamic, spec.commandLine().getErr()) : program;
                argv.add(program.getFileName().toString().replaceFirst("\\.c$", ""));
                argv.addAll(args);
            }
            if (exe != program) checkElf(exe);
            report.wire(b);
            b.stdin(InputStream.nullInputStream()).stdout(output).stderr(output).tty(false).watch(session);
            Machine m = b.build();
            CompletableFuture<Machine.Result> result = new CompletableFuture<>();
            Thread t = new Thread(null, () -> {
                try {
                    Machine.Result r = m.run(exe, argv);
                    session.finished(r.exitStatus(), r.report());
                    result.complete(r);
                } catch (Throwable e) {
                    session.finished(70, "vitrine: " + e);
                    result.completeExceptionally(e);
                }
            }, "vitrine-machine", 64L << 20);
            t.setDaemon(true);
            t.start();
            return new Served(server[0], session, result);
        } catch (Exception | Error e) {
            server[0].close();
            throw e;
        }
    }

    /** A file that is no riscv64 executable is one line now, not a page that shows a run that never began. */
    private static void checkElf(Path exe) throws java.io.IOException {
        try {
            new dev.vitrine.loader.ElfFile(java.nio.file.Files.readAllBytes(exe));
        } catch (dev.vitrine.loader.BadElfException e) {
            throw new IllegalArgumentException(exe + ": " + e.getMessage());
        }
    }

    /** The lab commands the page runs, in this process through the CLI's own parser: their output, never a file. */
    static Server.Lab.Result lab(List<String> argv) {
        CommandLine cl = Main.commandLine(argv.get(0));
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(argv.toArray(String[]::new));
        return new Server.Lab.Result(status, out.toString(), err.toString());
    }

}
