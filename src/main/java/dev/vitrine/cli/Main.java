package dev.vitrine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `vitrine` command: a thin layer over {@link dev.vitrine.Machine} and the lab. */
@Command(name = "vitrine", mixinStandardHelpOptions = true, version = "vitrine 0.1",
        description = "A see-through Unix machine: RV64GC hart, MMU, TLB and a Linux-ABI kernel.")
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(new RunCommand());
        cl.addSubcommand(new DemoCommand());
        cl.addSubcommand(new ShCommand());
        LabCommands.register(cl);
        // Bad input is a one-line error and status 2, never a stack trace.
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("vitrine: " + ex.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof IllegalArgumentException) {
                c.getErr().println("vitrine: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    @Override public void run() { spec.commandLine().usage(System.out); }
}
