package dev.vitrine.sys;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One kind's table of System V IPC objects (Linux's ipc_ids): indices are handed out
 * cyclically below IPCMNI, as many objects as the kind's tunable allows, an id is seq * 32768 + index, and the sequence number
 * moves on each time the indices wrap, so a stale id does not name a newer object.
 */
final class IpcIds<T extends IpcObject> {
    static final int IPC_CREAT = 01000, IPC_EXCL = 02000, IPC_NOWAIT = 04000;
    private static final int SEQ_SHIFT = 15, SEQ_MAX = Integer.MAX_VALUE >> SEQ_SHIFT;

    /** Indices run below IPCMNI; how many objects may exist is the kind's tunable (shmmni, semmni, msgmni), asked at each add. */
    private static final int MAX_INDEX = IpcLimits.IPCMNI;
    private final java.util.function.IntSupplier limit;
    private final TreeMap<Integer, T> byIndex = new TreeMap<>();
    private final Map<Integer, T> byKey = new HashMap<>();
    private int seq, lastIndex = -1;

    IpcIds(java.util.function.IntSupplier limit) { this.limit = limit; }

    int count() { return byIndex.size(); }
    /** ipc_get_maxidx: the highest index in use, -1 when none. */
    int maxIndex() { return byIndex.isEmpty() ? -1 : byIndex.lastKey(); }
    Iterable<T> all() { return byIndex.values(); }

    /** The object a non-negative id names, or null (EINVAL): no such index, or an older object's sequence. */
    T get(int id) {
        if (id < 0) return null;
        T o = byIndex.get(id & ((1 << SEQ_SHIFT) - 1));
        return o != null && o.id == id ? o : null;
    }

    /** SHM_STAT and friends: by index. */
    T atIndex(int index) { return byIndex.get(index); }

    T byKey(int key) { return byKey.get(key); }

    /** ipc_addid: false when the kind's limit is reached (ENOSPC). */
    boolean add(T o) {
        if (byIndex.size() >= Math.min(limit.getAsInt(), MAX_INDEX)) return false;
        int idx = lastIndex + 1;
        while (true) {
            if (idx >= MAX_INDEX) idx = 0;
            if (!byIndex.containsKey(idx)) break;
            idx++;
        }
        if (idx <= lastIndex) seq = seq + 1 > SEQ_MAX ? 0 : seq + 1;
        lastIndex = idx;
        o.seq = seq;
        o.id = (seq << SEQ_SHIFT) + idx;
        byIndex.put(idx, o);
        if (o.key != IpcObject.IPC_PRIVATE) byKey.put(o.key, o);
        return true;
    }

    /**
     * ipcget: IPC_PRIVATE always makes a new object; a key makes one only with IPC_CREAT
     * (else ENOENT), and finds an existing one unless IPC_EXCL (EEXIST), after the kind's own
     * check ({@code fits}: a segment too small, a set with too few semaphores: EINVAL) and
     * the permissions {@code flag} asks for (EACCES). {@code make} builds a new object or
     * throws its errno. Returns the id or -errno.
     */
    long get(dev.vitrine.abi.Cred c, int key, int flag, java.util.function.Predicate<T> fits, java.util.function.Supplier<T> make) {
        T o = key == IpcObject.IPC_PRIVATE ? null : byKey.get(key);
        if (o == null) {
            if (key != IpcObject.IPC_PRIVATE && (flag & IPC_CREAT) == 0) return -dev.vitrine.abi.Errno.ENOENT;
            T made = make.get();
            if (!add(made)) return -dev.vitrine.abi.Errno.ENOSPC;
            return made.id;
        }
        if ((flag & IPC_CREAT) != 0 && (flag & IPC_EXCL) != 0) return -dev.vitrine.abi.Errno.EEXIST;
        if (!fits.test(o)) return -dev.vitrine.abi.Errno.EINVAL;
        if (!o.permits(c, flag)) return -dev.vitrine.abi.Errno.EACCES;
        return o.id;
    }

    /** IPC_RMID with attaches left (shm): the key is free for a new object, the id stays. */
    void forgetKey(T o) {
        if (o.key != IpcObject.IPC_PRIVATE && byKey.get(o.key) == o) byKey.remove(o.key);
        o.key = IpcObject.IPC_PRIVATE;
    }

    void remove(T o) {
        forgetKey(o);
        byIndex.remove(o.id & ((1 << SEQ_SHIFT) - 1), o);
        o.deleted = true;
    }
}
