package dev.vitrine.bench;

import dev.vitrine.Machine;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU seconds of the machine's thread for the extra work of a long run over a short one of
 * the same program, in one JVM (boot, exit and, after the first repeat, warm-up drop out):
 * {@code java -Xss16m -cp target/classes:target/test-classes:JARS dev.vitrine.bench.LengthBench
 * REPEATS MEM_MIB UNITS PROGRAM "SHORT ARGS" "LONG ARGS"}, UNITS being how many more of the
 * measured thing (faults, forks) the long run does. Not a test: the figures depend on the
 * machine; bench/run.sh measures from outside. For profiling the kernel's paths.
 */
public final class LengthBench {
    public static void main(String[] args) throws Exception {
        int repeats = Integer.parseInt(args[0]);
        long memory = Long.parseLong(args[1]) << 20;
        long units = Long.parseLong(args[2]);
        Path program = Path.of(args[3]);
        for (int k = 0; k < repeats; k++) {
            long s = run(program, memory, args[4]), l = run(program, memory, args[5]);
            System.out.printf("%,d extra in %.3f CPU s: %,.0f per CPU second (%.0f ns each)%n",
                    units, (l - s) / 1e9, units * 1e9 / (l - s), (double) (l - s) / units);
        }
    }

    /** Thread CPU ns of one run. */
    static long run(Path program, long memory, String args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(program.toString()));
        argv.addAll(List.of(args.split(" ")));
        long[] out = new long[1];
        Thread t = new Thread(null, () -> {
            var bean = ManagementFactory.getThreadMXBean();
            long c0 = bean.getCurrentThreadCpuTime();
            Machine.builder().stdout(OutputStream.nullOutputStream()).tty(false).memory(memory).build().run(program, argv);
            out[0] = bean.getCurrentThreadCpuTime() - c0;
        }, "bench", 256L << 20);
        t.start();
        t.join();
        return out[0];
    }
}
