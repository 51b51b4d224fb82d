package dev.vitrine.proc;

import dev.vitrine.mm.UserMemory;

/**
 * The robust futex list (set_robust_list): when a thread dies holding robust mutexes,
 * each one's futex word gets FUTEX_OWNER_DIED and a waiter is woken, as Linux's
 * exit_robust_list does, so the next locker sees EOWNERDEAD instead of hanging.
 */
final class Robust {
    private Robust() {}

    static final int FUTEX_WAITERS = 0x80000000, FUTEX_OWNER_DIED = 0x40000000, FUTEX_TID_MASK = 0x3fffffff;
    private static final int LIST_LIMIT = 2048;

    static void release(Kernel k, Task t) {
        long head = t.robustList;
        UserMemory m = t.proc.memory;
        if (head == 0 || m == null) return;
        Long first = m.readLong(head), offset = m.readLong(head + 8), pending = m.readLong(head + 16);
        if (first == null || offset == null || pending == null) return;
        long entry = first & ~1L;
        for (int n = 0; entry != head && entry != 0 && n < LIST_LIMIT; n++) {
            Long next = m.readLong(entry);
            if (entry != (pending & ~1L)) ownerDied(k, t, entry + offset);
            if (next == null) return;
            entry = next & ~1L;
        }
        if ((pending & ~1L) != 0) ownerDied(k, t, (pending & ~1L) + offset);
    }

    private static void ownerDied(Kernel k, Task t, long uaddr) {
        UserMemory m = t.proc.memory;
        byte[] b = new byte[4];
        if ((uaddr & 3) != 0 || !m.read(uaddr, b, 0, 4)) return;
        int word = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
        if ((word & FUTEX_TID_MASK) != t.tid) return;
        int nw = (word & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
        if (!m.writeInt(uaddr, nw)) return;
        if ((word & FUTEX_WAITERS) != 0) k.futexes.wake(t, uaddr, 1, -1, true);
    }
}
