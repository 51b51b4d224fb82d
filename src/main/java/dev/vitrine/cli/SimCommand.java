package dev.vitrine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `vitrine sim`: trace-driven simulations of page replacement, the TLB and CPU scheduling. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Simulations: page replacement, TLB, scheduling, base-and-bounds and segmentation.",
        subcommands = {SimReplaceCommand.class, SimTlbCommand.class, SimSchedCommand.class, SimSegmentCommand.class})
final class SimCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
