package dev.vitrine.sys;

import dev.vitrine.proc.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * A System V semaphore set (Linux's sem_array): values 0..SEMVMX, the pid of each one's last
 * operation, and the tasks asleep on it with the operation that blocks each (what GETNCNT
 * and GETZCNT count). Sleepers wait on the set as a channel; any change wakes them all and
 * each tries its whole operation again, as Linux's update_queue does in order.
 */
final class SemSet extends IpcObject {
    static final int SEMVMX = 32767, SEMAEM = SEMVMX;

    final short[] values;
    final int[] pids;
    long otime, ctime;
    /** Sleepers and the (semaphore, op) their operation blocked on. */
    final List<Sleeper> sleepers = new ArrayList<>();

    record Sleeper(Task task, int num, int op) {}

    SemSet(int key, int mode, dev.vitrine.abi.Cred c, int nsems, long now) {
        super(key, mode, c);
        values = new short[nsems];
        pids = new int[nsems];
        ctime = now;
    }

    int nsems() { return values.length; }

    int count(int num, boolean zero) {
        int n = 0;
        for (Sleeper s : sleepers) if (s.num == num && (zero ? s.op == 0 : s.op < 0)) n++;
        return n;
    }

    /** Bytes Linux's sem_array takes for this many semaphores (struct sem is 64 bytes with its lists). */
    static long bytes(int nsems) { return 256 + 64L * nsems; }
}
