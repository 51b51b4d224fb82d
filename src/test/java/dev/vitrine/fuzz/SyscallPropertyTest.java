package dev.vitrine.fuzz;

import dev.vitrine.sys.Arg;
import dev.vitrine.sys.Services;
import dev.vitrine.sys.Syscall;
import dev.vitrine.sys.SyscallTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A property of every syscall Vitrine implements: whatever the arguments, the call returns
 * a result (never a Java exception, an internal error or a hang), and that result is a Linux
 * errno in [-133, -1] (never an internal restart code) or a success no larger than what was
 * asked for where the call has a length; a number the ABI defines that Vitrine lacks is ENOSYS
 * whatever its arguments. For each row of the {@link SyscallTable} the test draws
 * argument tuples from the row's argument kinds (fds valid, closed and absurd; pointers valid,
 * misaligned, read-only, PROT_NONE, unmapped, NULL, kernel-half; lengths and integers at their
 * edges; random flag bits) and has the guest make them: {@code sysfuzz -i} reads the tuples
 * from stdin and runs them in forked workers under its watchdog, steering only the arguments that
 * would end a worker or touch its own memory (see userland/fuzz/sysfuzz.c).
 *
 * <p>{@code -Dvitrine.fuzz.tuples=N} per syscall (default 12), {@code -Dvitrine.fuzz.propseed=S}.
 */
class SyscallPropertyTest {
    static final int TUPLES = Integer.getInteger("vitrine.fuzz.tuples", 12);
    static final long SEED = Long.getLong("vitrine.fuzz.propseed", 1);

    // The arena sysfuzz maps at a fixed address (its header comment is the contract).
    static final long ARENA = 0x200000000L, PATHS = ARENA + 0x20000, LONGPATH = ARENA + 0x30000,
            IOVS = ARENA + 0x38000, ZEROS = ARENA + 0x39000, STRUCTS = ARENA + 0x3a000, NONUL = ARENA + 0x3fff0,
            RO = ARENA + 0x40000, NONE = ARENA + 0x41000, HOLE = ARENA + 0x42000;
    static final int NPATHS = 48, WORKER_FDS = 11;
    static final long[] EDGES = {0, 1, 2, 3, 4, 8, 16, 64, 255, 256, 4095, 4096, 4097, 65536, 0x7fffffffL,
            0x80000000L, 0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, -100, -4095, -4096,
            1L << 40, 1L << 43, 1L << 44, 1L << 47, 1L << 62};

    /** Calls whose success is a count of bytes bounded by one argument: number -> that argument's index. */
    static final Map<Integer, Integer> BOUNDED = Map.of(63, 2, 64, 2, 67, 2, 68, 2, 78, 3, 61, 2, 17, 1, 278, 1);

    @Test void everyImplementedSyscallAnswersWithAnErrnoOrAPlausibleResult() throws Exception {
        Path sysfuzz = FuzzGuest.build("sysfuzz", "-static");
        List<long[]> records = new ArrayList<>();
        Random r = new Random(SEED);
        List<Syscall> calls = new SyscallTable(new Services(0)).all();
        for (Syscall s : calls)
            for (int i = 0; i < TUPLES; i++) {
                long[] rec = new long[7];
                rec[0] = s.nr();
                for (int j = 0; j < 6; j++) rec[1 + j] = j < s.args().length ? value(s.args()[j], r) : any(r);
                records.add(rec);
            }
        // every number the ABI defines that Vitrine lacks: ENOSYS, whatever the arguments
        java.util.Set<Long> implemented = new java.util.HashSet<>();
        for (Syscall s : calls) implemented.add((long) s.nr());
        java.util.Set<Long> missing = new java.util.TreeSet<>();
        for (int nr : SyscallTable.abiNumbers()) if (!implemented.contains((long) nr)) missing.add((long) nr);
        for (long nr : missing)
            for (int i = 0; i < 2; i++) {
                long[] rec = {nr, any(r), any(r), any(r), any(r), any(r), any(r)};
                records.add(rec);
            }
        ByteBuffer in = ByteBuffer.allocate(records.size() * 56).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] rec : records) for (long v : rec) in.putLong(v);

        List<String> problems = new ArrayList<>();
        int made = 0;
        Map<String, Integer> skipped = new TreeMap<>();
        try (HostWatch host = new HostWatch()) {
            InProcess.Run run = InProcess.run(sysfuzz, List.of("sysfuzz", "-i"), 120, b -> b
                    .stdin(new ByteArrayInputStream(in.array())).mount(host.mountSpec()).memory(128L << 20)
                    .maxInstructions(4_000_000_000L).maxTime(600_000_000_000L));
            if (run.failure() != null) problems.add(run.failure());
            problems.addAll(host.changes());
            if (run.result() != null && run.result().exitStatus() != 0)
                problems.add("sysfuzz -i ended with status " + run.result().exitStatus() + ": " + run.result().report());
            for (String line : run.stdout().split("\n")) {
                String[] f = line.split(" ");
                if (f.length != 3 || !f[0].matches("\\d+")) continue;
                long[] rec = records.get(Integer.parseInt(f[0]));
                String call = SyscallTable.name(rec[0]) + args(rec);
                if (f[2].equals("-")) {
                    skipped.merge(SyscallTable.name(rec[0]), 1, Integer::sum);
                    continue;
                }
                made++;
                long res = Long.parseLong(f[2]);
                if (res < 0 && res >= -4095 && -res > 133) problems.add(call + " = " + res + ": not a Linux errno (an internal code leaked?)");
                if (res < -4095 && rec[0] != 222 && rec[0] != 214 && rec[0] != 216)
                    problems.add(call + " = " + res + ": neither an errno nor a plausible result");
                if (missing.contains(rec[0]) && res != -38) problems.add(call + " = " + res + ": Vitrine lacks it, so ENOSYS (-38)");
                Integer bound = BOUNDED.get((int) rec[0]);
                if (bound != null && res > 0 && Long.compareUnsigned(res, rec[1 + bound]) > 0)
                    problems.add(call + " = " + res + ": more than the " + rec[1 + bound] + " bytes asked for");
            }
        }
        System.out.println("syscall property: " + calls.size() + " syscalls x " + TUPLES + " tuples and " + missing.size()
                + " missing ones x 2, " + made
                + " made, not made (their worker died first): " + skipped);
        if (!problems.isEmpty()) fail(problems.size() + " problems:\n  " + String.join("\n  ", problems.subList(0, Math.min(40, problems.size()))));
        assertTrue(made >= records.size() * 9 / 10, "most tuples were made: " + made + " of " + records.size());
    }

    private static String args(long[] rec) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 1; i < 7; i++) b.append(i > 1 ? ", " : "").append("0x").append(Long.toHexString(rec[i]));
        return b.append(")").toString();
    }

    static long value(Arg kind, Random r) {
        return switch (kind) {
            case FD -> fd(r);
            case PTR, BUF_IN, BUF_OUT, FD_PAIR, TIMESPEC_IN, TIMESPEC_OUT, STAT_OUT, UTSNAME_OUT, SIGSET_IN, SIGSET_OUT,
                 SIGACTION_IN, SIGACTION_OUT, WSTATUS_OUT, ARGV, ENVP, RLIMIT_IN, RLIMIT_OUT, RANDOM_OUT, CLONE_ARGS, PATH_OUT, DIRENTS_OUT -> pointer(r);
            case IOV_IN, IOV_OUT -> r.nextInt(3) == 0 ? pointer(r) : IOVS + 16L * r.nextInt(8);
            case STR -> r.nextInt(4) == 0 ? pointer(r) : PATHS + 0x200L * r.nextInt(NPATHS);
            case OPEN_FLAGS, MAP_FLAGS, PROT, HEX, FLAGS, FD_FLAGS, AT_FLAGS, TIMER_FLAGS, WAIT_OPTIONS, CLONE_FLAGS,
                 FUTEX_OP, IOCTL_REQ, GRND_FLAGS, IPC_FLAGS -> flags(r);
            case MODE -> r.nextBoolean() ? r.nextInt(010000) : EDGES[r.nextInt(EDGES.length)];
            case PID -> switch (r.nextInt(4)) { case 0 -> 0; case 1 -> 1; case 2 -> -1; default -> EDGES[r.nextInt(EDGES.length)]; };
            case SIG -> r.nextInt(4) == 0 ? EDGES[r.nextInt(EDGES.length)] : r.nextInt(66);
            case SIZE, ULEN, POS, OFF, UINT, WHENCE, RLIMIT_RES -> r.nextInt(3) == 0 ? r.nextInt(4097) : r.nextInt(5) == 0 ? r.nextLong() : EDGES[r.nextInt(EDGES.length)];
            case INT, LONG, ACCESS_MODE, CLOCK, SIG_HOW, FCNTL_CMD, MADVICE, SOCK_DOMAIN, SOCK_TYPE, IPC_KEY, IPC_CMD -> r.nextInt(3) == 0 ? r.nextInt(16) : r.nextInt(4) == 0 ? r.nextLong() : EDGES[r.nextInt(EDGES.length)];
        };
    }

    static long fd(Random r) {
        return switch (r.nextInt(5)) {
            case 0, 1 -> r.nextInt(WORKER_FDS);
            case 2 -> WORKER_FDS + r.nextInt(4);
            case 3 -> -100;   // AT_FDCWD
            default -> EDGES[r.nextInt(EDGES.length)];
        };
    }

    static long pointer(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> 0;
            case 1, 2 -> ARENA + ((long) r.nextInt(0x20) << 12);
            case 3 -> ARENA + r.nextInt(0x20000);
            case 4 -> RO - 1 - r.nextInt(64);
            case 5 -> RO + r.nextInt(4096);
            case 6 -> NONE + r.nextInt(4096);
            case 7 -> HOLE + r.nextInt(4096);
            case 8 -> 0xffffffc000000000L;
            case 9 -> r.nextBoolean() ? ZEROS + 8L * r.nextInt(64) : STRUCTS + 8L * r.nextInt(8);
            case 10 -> r.nextBoolean() ? NONUL : LONGPATH;
            default -> r.nextLong();
        };
    }

    static long flags(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1L << r.nextInt(32);
            case 2 -> r.nextInt() & 0xffffffffL;
            default -> (1L << r.nextInt(32)) | (1L << r.nextInt(12));
        };
    }

    static long any(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> pointer(r);
            case 1 -> fd(r);
            case 2 -> flags(r);
            default -> EDGES[r.nextInt(EDGES.length)];
        };
    }
}
