package dev.vitrine.cli;

import dev.vitrine.Machine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * `vitrine sh`: boots the machine into the userland's shell on this terminal. The guest sees
 * userland/build/bin at /bin (the shell and the utilities), userland/build/examples at
 * /examples (the chapter's programs), and starts in /home/user with a few sample files.
 * `vitrine sh -c 'COMMANDS'` runs one command line and exits with its status, for scripts and
 * tests. The binaries are built with userland/Makefile when missing or older than their sources.
 */
@Command(name = "sh", mixinStandardHelpOptions = true,
        description = {"Boot the machine into /bin/sh on this terminal.",
                "With -c, run one command line and exit with its status."})
final class ShCommand implements Callable<Integer> {
    @Option(names = "-c", paramLabel = "COMMANDS", parameterConsumer = ScriptArgs.class,
            description = "run COMMANDS (one shell line) and exit with its status; what follows is $0, $1, ...")
    String command;

    @Parameters(paramLabel = "ARG", description = "with -c: the script's $0, $1, ...")
    List<String> args = new ArrayList<>();

    @Mixin MachineOptions machine;
    @Mixin ReportOptions report;
    @Mixin ShowOptions show;

    /**
     * Everything after -c's line is the script's ($0, $1, ...), options too, as for sh -c: picocli's
     * stop-at-positional cannot see it, the line being an option's value.
     */
    static final class ScriptArgs implements IParameterConsumer {
        @Override public void consumeParameters(Stack<String> argv, ArgSpec spec, CommandSpec cmd) {
            if (argv.isEmpty()) throw new ParameterException(cmd.commandLine(), "Missing required parameter for option '-c' (COMMANDS)");
            ShCommand sh = cmd.commandLine().getCommand();
            sh.command = argv.pop();
            while (!argv.isEmpty()) sh.args.add(argv.pop());
        }
    }

    /** `java -cp ... dev.vitrine.cli.ShCommand ARGS` is `vitrine sh ARGS`. */
    public static void main(String[] argv) {
        String[] all = new String[argv.length + 1];
        all[0] = "sh";
        System.arraycopy(argv, 0, all, 1, argv.length);
        Main.main(all);
    }

    @Override public Integer call() throws Exception {
        if (command == null && !args.isEmpty())
            throw new IllegalArgumentException("arguments need -c COMMANDS (they become $0, $1, ...)");
        machine.builder();   // every option checked, and the output files opened, before a userland build that may take minutes
        report.open();
        show.open();
        Shell shell = shell(machine);
        Path bin = shell.bin();
        Machine.Builder b = shell.builder();
        report.wire(b);
        show.wire(b);
        Stdio.wire(b);
        HostDir here = machine.hostDir();
        if (command == null && here.shown() && System.console() != null)
            System.err.println("vitrine: " + here.host() + " is " + HostDir.GUEST + " in the machine"
                    + (here.writable() ? "" : " (read-only; --rw lets writes through)"));
        List<String> argv = new ArrayList<>();
        argv.add("sh");
        if (command != null) {
            argv.add("-c");
            argv.add(command);
            argv.addAll(args);
        }
        Machine.Result r = b.build().run(bin.resolve("sh"), argv);
        System.out.flush();
        report.finish(r, machine.geometry());
        show.finish(r);
        return r.exitStatus();
    }

    /** The machine the shell runs in, and where its binaries are on the host. */
    record Shell(Machine.Builder builder, Path bin) {
        Path sh() { return bin.resolve("sh"); }
    }

    /**
     * The userland's machine (sh and serve --sh): userland/build/bin at /bin and the chapter's
     * examples at /examples (built first when stale), the shell's environment.
     */
    static Shell shell(MachineOptions machine) throws IOException, InterruptedException {
        Path home = DemoCommand.home();
        Path bin = buildUserland(home);
        Path examples = home.resolve("userland/build/examples");
        List<String> mounts = new ArrayList<>(List.of(bin + ":/bin"));
        if (Files.isDirectory(examples)) mounts.add(examples + ":/examples");
        String term = System.getenv("TERM");
        Machine.Builder b = machine.builder(mounts)
                .env(List.of("PATH=/bin:/examples", "HOME=/home/user", "LANG=C", "TERM=" + (term == null ? "dumb" : term),
                        "PS1=vitrine$ "));
        return new Shell(b, bin);
    }

    /** userland/build/bin, built first with `make -C userland bin examples` if the shell is missing or stale. */
    static Path buildUserland(Path home) throws IOException, InterruptedException {
        Path userland = home.resolve("userland");
        Path bin = userland.resolve("build/bin");
        if (!Files.isRegularFile(userland.resolve("Makefile")))
            throw new IllegalArgumentException("userland/ not found under " + home + " (run ./vitrine from the repository)");
        if (upToDate(userland, bin)) return bin;
        Process p;
        try {
            p = new ProcessBuilder("make", "-s", "-C", userland.toString(), "bin", "examples").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot build userland/: make is not installed");
        }
        byte[] log = p.getInputStream().readAllBytes();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String text = new String(log, StandardCharsets.UTF_8);
            if (text.contains(GuestCompiler.CC) && text.contains("not found"))
                throw new IllegalArgumentException("cannot build userland/: " + GuestCompiler.CC
                        + " is not installed (Debian/Ubuntu: apt-get install gcc-riscv64-linux-gnu)");
            throw new IllegalArgumentException("building userland/ failed:\n" + text.strip());
        }
        return bin;
    }

    /** True when build/bin/sh exists and no source under bin/ or examples/ is newer than it. */
    private static boolean upToDate(Path userland, Path bin) throws IOException {
        Path sh = bin.resolve("sh");
        if (!Files.isRegularFile(sh)) return false;
        long built = Files.getLastModifiedTime(sh).toMillis();
        for (String dir : List.of("bin", "examples")) {
            Path d = userland.resolve(dir);
            if (!Files.isDirectory(d)) continue;
            try (var s = Files.list(d)) {
                if (s.anyMatch(f -> {
                    try {
                        return Files.getLastModifiedTime(f).toMillis() > built;
                    } catch (IOException e) {
                        return true;
                    }
                })) return false;
            }
        }
        return true;
    }
}
