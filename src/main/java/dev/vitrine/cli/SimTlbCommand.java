package dev.vitrine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `vitrine sim tlb`: an address trace through the mmu's TLB model. */
@Command(name = "tlb", mixinStandardHelpOptions = true, description = "TLB hits and misses on an address trace.")
final class SimTlbCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        throw new IllegalArgumentException("sim tlb: waiting for the mmu's TLB model");
    }
}
