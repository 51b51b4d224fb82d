package dev.vitrine.cpu;

import java.util.List;

/**
 * Guest MIPS on the freestanding workload: {@code java -cp target/classes:target/test-classes
 * dev.vitrine.cpu.HartBench [rounds] [repeats]}. Not a test: numbers depend on the machine.
 */
public final class HartBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int k = 0; k < repeats; k++) {
            ElfRig e = new ElfRig("workload.elf", List.of("workload", Integer.toString(rounds)));
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = System.nanoTime(), c0 = bean.getCurrentThreadCpuTime();
            e.run(10_000_000);
            long ns = System.nanoTime() - t0, cpu = bean.getCurrentThreadCpuTime() - c0;
            long n = e.rig.hart.instret;
            var s = e.rig.mmu.stats();
            // CPU time, not wall time, because the machine is shared
            System.out.printf("%d instructions: %.1f MIPS per CPU second (wall %.1f; walks %d, pte reads %d)%n",
                    n, n * 1e3 / cpu, n * 1e3 / ns, s.walks, s.pteReads);
        }
    }
}
