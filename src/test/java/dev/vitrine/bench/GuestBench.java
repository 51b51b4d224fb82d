package dev.vitrine.bench;

import dev.vitrine.Machine;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Guest MIPS per CPU second of the machine's thread, translation on and off, for one static
 * riscv64 program: {@code java -Xss16m -cp target/classes:target/test-classes:ASM_JAR
 * dev.vitrine.bench.GuestBench REPEATS PROGRAM [ARGS...]}. Thread CPU time leaves out JVM
 * start-up and the other processes of a busy machine; the first repeat includes warm-up.
 * Not a test: the figures depend on the machine. Each line also checks that both modes
 * retired the same number of instructions.
 */
public final class GuestBench {
    /** -Dmode=jit or -Dmode=nojit runs one mode only (to profile it). */
    private static final boolean[] MODES = switch (System.getProperty("mode", "both")) {
        case "jit" -> new boolean[] {true};
        case "nojit" -> new boolean[] {false};
        default -> new boolean[] {true, false};
    };

    public static void main(String[] args) throws Exception {
        int repeats = Integer.parseInt(args[0]);
        Path program = Path.of(args[1]);
        List<String> argv = Arrays.asList(args).subList(1, args.length);
        for (int k = 0; k < repeats; k++) {
            for (boolean translate : MODES) {
                long[] r = run(program, argv, translate);
                System.out.printf("%-8s %s: %,d instructions, %.3f CPU s, %.0f guest MIPS per CPU second%n",
                        program.getFileName(), translate ? "jit   " : "no-jit", r[0], r[1] / 1e9, r[0] * 1e3 / r[1]);
            }
        }
    }

    /** {instructions, thread CPU ns}. */
    static long[] run(Path program, List<String> argv, boolean translate) throws Exception {
        long[] out = new long[2];
        Thread t = new Thread(null, () -> {
            var bean = ManagementFactory.getThreadMXBean();
            long c0 = bean.getCurrentThreadCpuTime();
            Machine.Result r = Machine.builder().stdout(OutputStream.nullOutputStream()).tty(false)
                    .translate(translate).build().run(program, argv);
            out[1] = bean.getCurrentThreadCpuTime() - c0;
            out[0] = ((Number) r.stats().get("instructions")).longValue();
        }, "bench", 256L << 20);
        t.start();
        t.join();
        return out;
    }
}
