package dev.vitrine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `vitrine sim sched`: jobs through a scheduling policy, a Gantt chart and the metrics. */
@Command(name = "sched", mixinStandardHelpOptions = true, description = "CPU scheduling of a job list.")
final class SimSchedCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        throw new IllegalArgumentException("sim sched: not yet");
    }
}
