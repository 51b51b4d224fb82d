package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.Sysctl;
import dev.vitrine.fs.Vfs;

import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * The IPC namespace's tunables (ipc/ipc_sysctl.c), with Linux's defaults: what shmget, semget,
 * semop and msgsnd enforce and IPC_INFO reports, and what /proc/sys/kernel/{shmmax, shmall,
 * shmmni, sem, msgmax, msgmnb, msgmni} show and root may change.
 */
final class IpcLimits {
    /** IPCMNI: ids have 15 index bits, so no kind holds more objects than this. */
    static final int IPCMNI = 32768;

    long shmmax = -1L - (1L << 24), shmall = shmmax;
    int shmmni = 4096;
    /** sem's four, in its file's order. */
    int semmsl = 32000, semmns = 1_024_000_000, semopm = 500, semmni = 32000;
    int msgmax = 8192, msgmnb = 16384, msgmni = 32000;

    /** Adds the seven files to /proc/sys/kernel. */
    void register(Vfs v) {
        v.addKernelSysctl("shmmax", new Sysctl(() -> Long.toUnsignedString(shmmax) + "\n", b -> SysctlText.parse(b, 1, (i, neg, x) -> {
            if (neg) return -Errno.EINVAL;   // proc_doulongvec_minmax
            shmmax = x;
            return 0;
        })));
        v.addKernelSysctl("shmall", new Sysctl(() -> Long.toUnsignedString(shmall) + "\n", b -> SysctlText.parse(b, 1, (i, neg, x) -> {
            if (neg) return -Errno.EINVAL;
            shmall = x;
            return 0;
        })));
        v.addKernelSysctl("shmmni", intSysctl(() -> shmmni, x -> shmmni = x, IPCMNI));
        v.addKernelSysctl("msgmax", intSysctl(() -> msgmax, x -> msgmax = x, Integer.MAX_VALUE));
        v.addKernelSysctl("msgmnb", intSysctl(() -> msgmnb, x -> msgmnb = x, Integer.MAX_VALUE));
        v.addKernelSysctl("msgmni", intSysctl(() -> msgmni, x -> msgmni = x, IPCMNI));
        v.addKernelSysctl("sem", new Sysctl(() -> semmsl + "\t" + semmns + "\t" + semopm + "\t" + semmni + "\n", this::writeSem));
    }

    /** proc_dointvec_minmax from 0 to {@code max}. */
    private static Sysctl intSysctl(IntSupplier get, IntConsumer set, int max) {
        return new Sysctl(() -> get.getAsInt() + "\n", b -> SysctlText.parse(b, 1, (i, neg, x) -> SysctlText.toInt(neg, x, 0, max, set)));
    }

    /** proc_ipc_sem_dointvec: up to four ints of any sign; then a SEMMNI past IPCMNI is ERANGE and the old one is put back. */
    private long writeSem(byte[] b) {
        int oldMni = semmni;
        long r = SysctlText.parse(b, 4, (i, neg, x) -> SysctlText.toInt(neg, x, Integer.MIN_VALUE, Integer.MAX_VALUE, v -> {
            switch (i) {
                case 0 -> semmsl = v;
                case 1 -> semmns = v;
                case 2 -> semopm = v;
                default -> semmni = v;
            }
        }));
        if (r >= 0 && (semmni < 0 || semmni > IPCMNI)) r = -Errno.ERANGE;
        if (r < 0) semmni = oldMni;
        return r;
    }
}
