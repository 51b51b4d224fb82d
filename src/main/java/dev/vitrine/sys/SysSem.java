package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Continuation;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.RestartPolicy;
import dev.vitrine.proc.Task;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.vitrine.sys.Arg.*;

/**
 * System V semaphores (ipc/sem.c): semget makes a set, semop/semtimedop apply a list of
 * operations all at once or not at all (sleeping until they can, unless IPC_NOWAIT: EAGAIN;
 * a timeout that passes is EAGAIN, the set's removal EIDRM, a handler EINTR), with SEM_UNDO
 * adjustments applied at exit; semctl reads and sets values, counts sleepers, stats and
 * removes. Linux's limits (`IpcLimits`, /proc/sys/kernel/sem): 32000 per set, 500 operations per
 * call, 32000 sets, 1024000000 semaphores; every set is kernel memory charged to the machine.
 */
final class SysSem {
    private SysSem() {}

    /** seminfo's constants: SEMMAP, SEMMNU and SEMUME are compile-time in Linux, SEMUSZ the size of a sem_undo. */
    static final int SEMMAP = 1_024_000_000, SEMMNU = SEMMAP, SEMUME = 500, SEMUSZ = 20;
    static final int SEM_UNDO = 0x1000;
    static final int IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3,
            GETPID = 11, GETVAL = 12, GETALL = 13, GETNCNT = 14, GETZCNT = 15, SETVAL = 16, SETALL = 17,
            SEM_STAT = 18, SEM_INFO = 19, SEM_STAT_ANY = 20;

    static void register(SyscallTable t, Services s) {
        t.add(190, "semget", (k, task, key, n, flg, a3, a4, a5) -> semget(k, s, task, (int) key, (int) n, (int) flg), IPC_KEY, INT, IPC_FLAGS);
        t.add(193, "semop", RestartPolicy.RESTARTNOHAND,
                (k, task, id, sops, n, a3, a4, a5) -> semtimedop(k, s, task, (int) id, sops, n, 0), INT, PTR, UINT);
        t.add(192, "semtimedop", RestartPolicy.RESTARTNOHAND,
                (k, task, id, sops, n, ts, a4, a5) -> semtimedop(k, s, task, (int) id, sops, n, ts), INT, PTR, UINT, TIMESPEC_IN);
        t.add(191, "semctl", (k, task, id, num, cmd, arg, a4, a5) -> semctl(k, s, task, (int) id, (int) num, (int) cmd, arg), INT, INT, IPC_CMD, HEX);
    }

    static long now(Kernel k) { return ShmSegment.seconds(k); }

    static long semget(Kernel k, Services s, Task t, int key, int nsems, int flg) {
        if (nsems < 0 || nsems > s.ipcLimits.semmsl) return -Errno.EINVAL;
        IpcIds<SemSet> ids = s.sem();
        return ids.get(t.cred(), key, flg, set -> nsems <= set.nsems(), () -> {
            if (nsems == 0) throw new dev.vitrine.fs.FsException(Errno.EINVAL);
            long used = 0;
            for (SemSet o : ids.all()) used += o.nsems();
            if (used + nsems > s.ipcLimits.semmns) throw new dev.vitrine.fs.FsException(Errno.ENOSPC);
            SemSet set = new SemSet(key, flg, t.cred(), nsems, now(k));
            if (!s.ipcMemory(k).take(SemSet.bytes(nsems))) throw new dev.vitrine.fs.FsException(Errno.ENOMEM);
            return set;
        });
    }

    /** A sleeping semop is woken: the set changed. */
    static void changed(Kernel k, SemSet set) { k.wakeup(set); }

    static long semtimedop(Kernel k, Services s, Task t, int id, long sopsVa, long nsops, long tsVa) {
        Continuation.IpcWait w = t.continuation() instanceof Continuation.IpcWait x ? x : null;
        long deadline = -1;
        if (w != null) deadline = w.deadline();
        else if (tsVa != 0) {
            Long sec = t.memory().readLong(tsVa), nsec = t.memory().readLong(tsVa + 8);
            if (sec == null || nsec == null) return -Errno.EFAULT;
            if (nsops < 1 || id < 0) return -Errno.EINVAL;
            if (nsops > s.ipcLimits.semopm) return -Errno.E2BIG;
            if (!t.memory().read(sopsVa, new byte[(int) nsops * 6], 0, (int) nsops * 6)) return -Errno.EFAULT;
            if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) return -Errno.EINVAL;
            deadline = k.clock().now() + Math.min(sec, Long.MAX_VALUE / 4_000_000_000L) * 1_000_000_000L + nsec;
        }
        if (nsops < 1 || id < 0) return -Errno.EINVAL;
        if (nsops > s.ipcLimits.semopm) return -Errno.E2BIG;
        byte[] raw = new byte[(int) nsops * 6];
        if (!t.memory().read(sopsVa, raw, 0, raw.length)) return leave(w, -Errno.EFAULT);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) nsops;
        int[] num = new int[n], op = new int[n], flg = new int[n];
        int max = 0;
        boolean undo = false, alter = false;
        for (int i = 0; i < n; i++) {
            num[i] = b.getShort(i * 6) & 0xffff;
            op[i] = b.getShort(i * 6 + 2);
            flg[i] = b.getShort(i * 6 + 4);
            max = Math.max(max, num[i]);
            if ((flg[i] & SEM_UNDO) != 0) undo = true;
            if (op[i] != 0) alter = true;
        }
        SemSet set = w != null ? (SemSet) w.object() : s.sem().get(id);
        if (w != null && set.deleted) return leave(w, -Errno.EIDRM);
        if (set == null) return -Errno.EINVAL;
        if (max >= set.nsems()) return leave(w, -Errno.EFBIG);
        if (!set.permits(t.cred(), alter ? 0222 : 0444)) return leave(w, -Errno.EACCES);
        short[] adj = null;
        if (undo) {
            adj = s.semUndo(k).of(k, t.process(), set);
            if (adj == null) return leave(w, -Errno.ENOMEM);
        }
        int blocked = perform(set, num, op, flg, adj, t.pid());
        if (blocked == -1) {
            leave(w, 0);
            set.otime = now(k);
            if (alter) changed(k, set);
            return 0;
        }
        if (blocked < -1) return leave(w, blocked + 1);
        // It must wait: until the set changes, its removal, a signal or the deadline.
        if (w != null && deadline >= 0 && k.clock().now() >= deadline) return leave(w, -Errno.EAGAIN);
        if (w == null) {
            SemSet.Sleeper me = new SemSet.Sleeper(t, num[blocked], op[blocked]);
            set.sleepers.add(me);
            w = new Continuation.IpcWait(set, deadline, () -> set.sleepers.remove(me));
            t.setContinuation(w);
        }
        k.sleepTimed(t, set, deadline, "semop on a System V semaphore set");
        return Syscall.RESTART;
    }

    private static long leave(Continuation.IpcWait w, long r) {
        if (w != null) w.leave().run();
        return r;
    }

    /**
     * perform_atomic_semop: each operation in turn; all applied, or none. Returns -1 when done,
     * the index of the operation that must wait, or -(errno) - 1 (ERANGE, EAGAIN under IPC_NOWAIT).
     */
    private static int perform(SemSet set, int[] num, int[] op, int[] flg, short[] adj, int pid) {
        short[] before = set.values.clone();
        short[] adjBefore = adj == null ? null : adj.clone();
        for (int i = 0; i < num.length; i++) {
            int v = set.values[num[i]];
            int r = 0;
            if (op[i] == 0 && v != 0) r = 1;
            else if (v + op[i] < 0) r = 1;
            else if (v + op[i] > SemSet.SEMVMX) r = -Errno.ERANGE;
            else if ((flg[i] & SEM_UNDO) != 0) {
                int u = adj[num[i]] - op[i];
                if (u < -SemSet.SEMAEM - 1 || u > SemSet.SEMAEM) r = -Errno.ERANGE;
            }
            if (r != 0) {
                System.arraycopy(before, 0, set.values, 0, before.length);
                if (adj != null) System.arraycopy(adjBefore, 0, adj, 0, adj.length);
                if (r == 1) return (flg[i] & IpcIds.IPC_NOWAIT) != 0 ? -Errno.EAGAIN - 1 : i;
                return r - 1;
            }
            set.values[num[i]] = (short) (v + op[i]);
            if ((flg[i] & SEM_UNDO) != 0) adj[num[i]] = (short) (adj[num[i]] - op[i]);
        }
        for (int n : num) set.pids[n] = pid;
        return -1;
    }

    static long semctl(Kernel k, Services s, Task t, int id, int num, int cmd, long arg) {
        if (id < 0) return -Errno.EINVAL;
        IpcIds<SemSet> ids = s.sem();
        var mem = t.memory();
        switch (cmd) {
            case IPC_INFO, SEM_INFO -> {
                ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
                int sets = 0, sems = 0;
                for (SemSet o : ids.all()) { sets++; sems += o.nsems(); }
                IpcLimits lim = s.ipcLimits;
                b.putInt(0, SEMMAP).putInt(4, lim.semmni).putInt(8, lim.semmns).putInt(12, SEMMNU).putInt(16, lim.semmsl)
                        .putInt(20, lim.semopm).putInt(24, SEMUME).putInt(28, cmd == SEM_INFO ? sets : SEMUSZ)
                        .putInt(32, SemSet.SEMVMX).putInt(36, cmd == SEM_INFO ? sems : SemSet.SEMAEM);
                return mem.write(arg, b.array(), 0, 40) ? Math.max(0, ids.maxIndex()) : -Errno.EFAULT;
            }
            case IPC_STAT, SEM_STAT, SEM_STAT_ANY -> {
                SemSet set = cmd == IPC_STAT ? ids.get(id) : ids.atIndex(id);
                if (set == null) return -Errno.EINVAL;
                if (cmd != SEM_STAT_ANY && !set.permits(t.cred(), 0444)) return -Errno.EACCES;
                ByteBuffer b = ByteBuffer.allocate(88).order(ByteOrder.LITTLE_ENDIAN);
                set.writePerm(b);
                b.putLong(48, set.otime).putLong(56, set.ctime).putLong(64, set.nsems());
                if (!mem.write(arg, b.array(), 0, 88)) return -Errno.EFAULT;
                return cmd == IPC_STAT ? 0 : set.id;
            }
            case GETALL, SETALL, GETVAL, GETPID, GETNCNT, GETZCNT -> {
                SemSet set = ids.get(id);
                if (set == null) return -Errno.EINVAL;
                if (!set.permits(t.cred(), cmd == SETALL ? 0222 : 0444)) return -Errno.EACCES;
                int n = set.nsems();
                if (cmd == GETALL) {
                    ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) b.putShort(2 * i, set.values[i]);
                    return mem.write(arg, b.array(), 0, 2 * n) ? 0 : -Errno.EFAULT;
                }
                if (cmd == SETALL) {
                    byte[] raw = new byte[2 * n];
                    if (!mem.read(arg, raw, 0, raw.length)) return -Errno.EFAULT;
                    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) if ((b.getShort(2 * i) & 0xffff) > SemSet.SEMVMX) return -Errno.ERANGE;
                    for (int i = 0; i < n; i++) { set.values[i] = b.getShort(2 * i); set.pids[i] = t.pid(); }
                    s.semUndo(k).clear(set, -1);
                    set.ctime = now(k);
                    changed(k, set);
                    return 0;
                }
                if (num < 0 || num >= n) return -Errno.EINVAL;
                return switch (cmd) {
                    case GETVAL -> set.values[num];
                    case GETPID -> set.pids[num];
                    case GETNCNT -> set.count(num, false);
                    default -> set.count(num, true);
                };
            }
            case SETVAL -> {
                int val = (int) arg;
                if (val < 0 || val > SemSet.SEMVMX) return -Errno.ERANGE;
                SemSet set = ids.get(id);
                if (set == null) return -Errno.EINVAL;
                if (num < 0 || num >= set.nsems()) return -Errno.EINVAL;
                if (!set.permits(t.cred(), 0222)) return -Errno.EACCES;
                s.semUndo(k).clear(set, num);
                set.values[num] = (short) val;
                set.pids[num] = t.pid();
                set.ctime = now(k);
                changed(k, set);
                return 0;
            }
            case IPC_SET, IPC_RMID -> {
                ByteBuffer b = ByteBuffer.allocate(88).order(ByteOrder.LITTLE_ENDIAN);
                if (cmd == IPC_SET && !mem.read(arg, b.array(), 0, 88)) return -Errno.EFAULT;
                SemSet set = ids.get(id);
                if (set == null) return -Errno.EINVAL;
                if (!set.ownedBy(t.cred())) return -Errno.EPERM;
                if (cmd == IPC_SET) {
                    set.setPerm(b);
                    set.ctime = now(k);
                    return 0;
                }
                ids.remove(set);
                s.semUndo(k).removed(set);
                s.ipcMemory(k).give(SemSet.bytes(set.nsems()));
                changed(k, set);   // its sleepers wake to EIDRM
                return 0;
            }
            default -> { return -Errno.EINVAL; }
        }
    }
}
