package dev.vitrine.cli;

import picocli.CommandLine.Option;

/** The lab commands' machine-readable outputs: the same rows as one JSON object or as a CSV table. */
final class LabFormat {
    @Option(names = "--json", description = "print one JSON object: {\"results\": [a row each]}") boolean json;
    @Option(names = "--csv", description = "print the same rows as a CSV table") boolean csv;

    boolean any() { return json || csv; }

    /** One of the two at most; true when either is given (the text report then stays unprinted). */
    boolean chosen() {
        if (json && csv) throw new IllegalArgumentException("give --json or --csv, not both");
        return json || csv;
    }
}
