package dev.vitrine.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of userland/fuzz/sysfuzz.c on Vitrine: a seed, a number of calls, a host directory
 * mounted read-write at /mnt/host with canaries around it, a child JVM of 512 MiB, instruction
 * and virtual-time limits and a wall-clock limit; odd seeds on 128 MiB, even seeds on 16 MiB with
 * 16 MiB of swap and a 1 MiB tmpfs. What it finds wrong is in {@link Outcome#problems()}.
 */
final class SysFuzz {
    private SysFuzz() {}

    /** The summary sysfuzz printed (empty if it did not finish) and everything that went wrong. */
    record Outcome(long seed, int calls, String summary, List<String> problems, long millis) {}

    static Outcome run(Path sysfuzz, long seed, int calls, long wallSeconds) throws Exception {
        return run(sysfuzz, seed, calls, wallSeconds, "");
    }

    /** With {@code flags} "m", seven calls in ten go to the file tree in and around the mount. */
    static Outcome run(Path sysfuzz, long seed, int calls, long wallSeconds, String flags) throws Exception {
        try (HostWatch host = new HostWatch()) {
            // odd seeds get room; even seeds a tight machine, so that swap, ENOSPC and ENOMEM paths are fuzzed too
            List<String> memory = seed % 2 == 1 ? List.of("--mem", "128M", "--swap", "64M")
                    : List.of("--mem", "16M", "--swap", "16M", "--tmpfs-size", "1M");
            List<String> args = new java.util.ArrayList<>(memory);
            args.addAll(List.of("--no-tty",
                    "--max-instructions", String.valueOf(2_000_000_000L + 400_000L * calls),
                    "--max-time", String.valueOf(60 + calls / 100),
                    "--mount", host.mountSpec(), sysfuzz.toString(), String.valueOf(seed), String.valueOf(calls)));
            if (!flags.isEmpty()) args.addAll(List.of("50", flags));
            ChildVitrine.Result r = ChildVitrine.run(args, wallSeconds);
            List<String> problems = new ArrayList<>(r.vitrineFailures());
            String summary = summary(r.stdout());
            if (!r.timedOut() && (r.status() != 0 || summary.isEmpty()))
                problems.add("sysfuzz's parent did not finish cleanly: status " + r.status() + ", stdout: " + tail(r.stdout()) + ", stderr: " + tail(r.stderr()));
            problems.addAll(host.changes());
            return new Outcome(seed, calls, summary, problems, r.millis());
        }
    }

    private static String summary(String stdout) {
        StringBuilder b = new StringBuilder();
        boolean on = false;
        for (String line : stdout.split("\n")) {
            if (line.startsWith("sysfuzz: seed=")) on = true;
            if (on) b.append(line).append('\n');
        }
        return b.toString().strip();
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
    }
}
