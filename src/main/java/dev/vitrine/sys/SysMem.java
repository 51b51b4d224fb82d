package dev.vitrine.sys;

import dev.vitrine.abi.Rlimit;
import dev.vitrine.abi.Errno;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.Fault;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;
import dev.vitrine.mmu.Access;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** brk, munmap, mprotect, madvise: Linux's mm/mmap.c, mprotect.c and madvise.c at the syscall boundary (mmap is SysMmap). */
final class SysMem {
    private SysMem() {}

    private static final int MADV_NORMAL = 0, MADV_RANDOM = 1, MADV_SEQUENTIAL = 2, MADV_WILLNEED = 3,
            MADV_DONTNEED = 4, MADV_FREE = 8, MADV_REMOVE = 9, MADV_DONTFORK = 10, MADV_DOFORK = 11,
            MADV_MERGEABLE = 12, MADV_UNMERGEABLE = 13, MADV_HUGEPAGE = 14, MADV_NOHUGEPAGE = 15,
            MADV_DONTDUMP = 16, MADV_DODUMP = 17;

    static void register(SyscallTable t, Services s) {
        t.add(214, "brk", Syscall.Result.HEX, Syscall.Status.IMPLEMENTED,
                (k, task, addr, a1, a2, a3, a4, a5) -> task.space().setProgramBreak(addr), PTR);
        t.add(215, "munmap", (k, task, addr, len, a2, a3, a4, a5) -> munmap(task, addr, len), PTR, SIZE);
        t.add(226, "mprotect", (k, task, addr, len, prot, a3, a4, a5) -> mprotect(task, addr, len, (int) prot), PTR, SIZE, PROT);
        t.add(228, "mlock", (k, task, addr, len, a2, a3, a4, a5) -> mlock(task, addr, len, 0), PTR, ULEN);
        t.add(284, "mlock2", (k, task, addr, len, flags, a3, a4, a5) -> mlock(task, addr, len, (int) flags), PTR, ULEN, FLAGS);
        t.add(229, "munlock", (k, task, addr, len, a2, a3, a4, a5) -> munlock(task, addr, len), PTR, ULEN);
        t.add(230, "mlockall", (k, task, flags, a1, a2, a3, a4, a5) -> mlockall(task, (int) flags), FLAGS);
        t.add(231, "munlockall", (k, task, a0, a1, a2, a3, a4, a5) -> munlockall(task));
        t.add(233, "madvise", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, addr, len, advice, a3, a4, a5) -> madvise(task, addr, len, (int) advice), PTR, ULEN, MADVICE);
    }

    static long munmap(Task t, long addr, long len) {
        AddressSpace as = t.space();
        long top = as.layout().stackTop();
        if ((addr & (as.pageSize() - 1)) != 0 || Long.compareUnsigned(addr, top) > 0 || Long.compareUnsigned(len, top - addr) > 0)
            return -Errno.EINVAL;
        long end = addr + as.pageUp(len);
        if (end == addr) return -Errno.EINVAL;
        // Punching a hole in the middle of an area makes one more: not past vm.max_map_count.
        if (as.countAfterCut(addr, end) > as.mapCount() && (as.mapCount() >= AddressSpace.MAX_MAP_COUNT || !as.vmaRoom()))
            return -Errno.ENOMEM;
        as.unmap(addr, end);
        return 0;
    }

    static long mprotect(Task t, long addr, long len, int prot) {
        AddressSpace as = t.space();
        if ((addr & (as.pageSize() - 1)) != 0) return -Errno.EINVAL;
        if ((prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC)) != 0) return -Errno.EINVAL;
        if (len == 0) return 0;
        long end = addr + as.pageUp(len);
        if (Long.compareUnsigned(end, addr) <= 0) return -Errno.ENOMEM;
        if (!SysMmap.mapped(as, addr, end)) return -Errno.ENOMEM;
        if (!splitsFit(as, addr, end)) return -Errno.ENOMEM;
        // A shared mapping made through a descriptor not open for writing (a file, or /dev/zero, whose
        // mapping Linux then makes private) can never become writable: no VM_MAYWRITE.
        if ((prot & Prot.WRITE) != 0)
            for (Vma v : as.vmas(addr, end))
                if (v.end() > addr && v.start() < end && !v.mayWrite()) return -Errno.EACCES;
        return as.protect(addr, end, prot) ? 0 : -Errno.ENOMEM;
    }

    static long madvise(Task t, long addr, long len, int advice) {
        AddressSpace as = t.space();
        if ((addr & (as.pageSize() - 1)) != 0 || (len != 0 && as.pageUp(len) == 0)) return -Errno.EINVAL;
        switch (advice) {
            case MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED, MADV_DONTNEED, MADV_FREE, MADV_REMOVE,
                 MADV_DONTFORK, MADV_DOFORK, MADV_MERGEABLE, MADV_UNMERGEABLE, MADV_HUGEPAGE, MADV_NOHUGEPAGE,
                 MADV_DONTDUMP, MADV_DODUMP -> { }
            default -> { return -Errno.EINVAL; }
        }
        if (len == 0) return 0;
        long end = addr + as.pageUp(len);
        if (Long.compareUnsigned(end, addr) < 0) return -Errno.EINVAL;
        if (!SysMmap.mapped(as, addr, end)) return -Errno.ENOMEM;
        for (Vma v : as.vmas(addr, end)) {
            if (v.end() <= addr || v.start() >= end) continue;
            long from = Math.max(addr, v.start()), to = Math.min(end, v.end());
            switch (advice) {
                // The pages leave this table: private anonymous ones read back as zeros, private file
                // ones as the file, shared ones (file or shmem) as their page cache still has them.
                case MADV_DONTNEED -> as.zap(from, to);
                case MADV_FREE -> {
                    if (!v.anonymous()) return -Errno.EINVAL;
                    as.zap(from, to);
                }
                case MADV_REMOVE -> {
                    // madvise_remove: not a locked area, a file's, mapped shared through a descriptor
                    // open for writing (vma_is_shared_maywrite), then vfs_fallocate(PUNCH_HOLE |
                    // KEEP_SIZE) over the range; a tmpfs file punches, a host file and shared
                    // anonymous memory do not here (EOPNOTSUPP)
                    if ((v.flags() & AddressSpace.LOCKED) != 0) return -Errno.EINVAL;
                    if (v.anonymous()) return -Errno.EINVAL;
                    if (!v.shared() || !v.mayWrite()) return -Errno.EACCES;
                    if (!(v.file() instanceof dev.vitrine.fs.RegularFile r) || !(r.store() instanceof dev.vitrine.fs.MemStore))
                        return -Errno.EOPNOTSUPP;
                    r.fallocate(from - v.start() + v.offset(), to - from, true, true);
                }
                default -> { }   // hints: Vitrine reads ahead nothing and merges nothing
            }
        }
        return 0;
    }

    /** split_vma's check: an area cut at either end of [start, end) needs a slot under vm.max_map_count. */
    private static boolean splitsFit(AddressSpace as, long start, long end) {
        if (!as.vmaRoom()) return false;
        Vma first = as.find(start), last = as.find(end - 1);
        int splits = (first != null && first.start() < start ? 1 : 0) + (last != null && last.end() > end ? 1 : 0);
        return splits == 0 || as.mapCount() + splits - 1 < AddressSpace.MAX_MAP_COUNT;
    }

    private static final int MLOCK_ONFAULT = 1, MCL_CURRENT = 1, MCL_FUTURE = 2, MCL_ONFAULT = 4;

    /** mlock/mlock2: the range's areas become VM_LOCKED (their pages faulted in unless MLOCK_ONFAULT, then never evicted). */
    static long mlock(Task t, long addr, long len, int flags) {
        AddressSpace as = t.space();
        if ((flags & ~MLOCK_ONFAULT) != 0) return -Errno.EINVAL;
        // do_mlock's order: can_do_mlock (RLIMIT_MEMLOCK 0 without CAP_IPC_LOCK gets EPERM),
        // then len = PAGE_ALIGN(len + offset), which wraps (SIZE_MAX-4094 locks nothing and succeeds),
        // then the limit on that many pages (ENOMEM), and only then the range (a wrapped end is EINVAL).
        if (as.limit(Rlimit.MEMLOCK) == 0 && !t.cred().capable(dev.vitrine.abi.Cred.CAP_IPC_LOCK)) return -Errno.EPERM;
        long start = as.pageDown(addr);
        long span = as.pageUp(len + (addr - start));
        long end = start + span;
        boolean wraps = Long.compareUnsigned(end, start) < 0;
        // A range reaching past the user space counts in full: more than any RLIMIT_MEMLOCK allows.
        long more = wraps ? span : span - lockedIn(as, start, end);
        if (!as.mayLock(more)) return -Errno.ENOMEM;
        if (wraps) return -Errno.EINVAL;
        if (end == start) return 0;
        if (!SysMmap.mapped(as, start, end) || !splitsFit(as, start, end)) return -Errno.ENOMEM;
        as.change(start, end, v -> withFlags(v, v.flags() | AddressSpace.LOCKED));
        if ((flags & MLOCK_ONFAULT) == 0)
            for (Vma v : as.vmas(start, end)) SysMmap.populate(as, v.slice(start, end));
        return 0;
    }

    static long munlock(Task t, long addr, long len) {
        AddressSpace as = t.space();
        // do_munlock: len = PAGE_ALIGN(len + offset) wraps as mlock's does; a wrapped end is EINVAL.
        long start = as.pageDown(addr);
        long end = start + as.pageUp(len + (addr - start));
        if (Long.compareUnsigned(end, start) < 0) return -Errno.EINVAL;
        if (end == start) return 0;
        if (!SysMmap.mapped(as, start, end) || !splitsFit(as, start, end)) return -Errno.ENOMEM;
        as.change(start, end, v -> withFlags(v, v.flags() & ~AddressSpace.LOCKED));
        return 0;
    }

    static long mlockall(Task t, int flags) {
        AddressSpace as = t.space();
        if (flags == 0 || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) != 0 || flags == MCL_ONFAULT) return -Errno.EINVAL;
        long limit = as.limit(Rlimit.MEMLOCK);
        if (limit == 0 && !t.cred().capable(dev.vitrine.abi.Cred.CAP_IPC_LOCK)) return -Errno.EPERM;   // can_do_mlock
        if ((flags & MCL_CURRENT) != 0 && !as.mayLock(as.totalVm() * as.pageSize() - as.lockedVm() * as.pageSize())) return -Errno.ENOMEM;
        as.setLockFuture((flags & MCL_FUTURE) != 0);
        if ((flags & MCL_CURRENT) != 0)
            for (Vma v : as.vmas()) {
                as.change(v.start(), v.end(), x -> withFlags(x, x.flags() | AddressSpace.LOCKED));
                if ((flags & MCL_ONFAULT) == 0) SysMmap.populate(as, v);
            }
        return 0;
    }

    static long munlockall(Task t) {
        AddressSpace as = t.space();
        as.setLockFuture(false);
        for (Vma v : as.vmas()) as.change(v.start(), v.end(), x -> withFlags(x, x.flags() & ~AddressSpace.LOCKED));
        return 0;
    }

    /** Pages of [start, end) already locked (mlock counts only what is new against the limit). */
    private static long lockedIn(AddressSpace as, long start, long end) {
        long top = as.layout().stackTop();
        if (Long.compareUnsigned(end, top) > 0) end = top;
        if (Long.compareUnsigned(start, end) >= 0) return 0;
        long n = 0;
        for (Vma v : as.vmas(start, end))
            if (AddressSpace.locked(v)) n += Math.min(end, v.end()) - Math.max(start, v.start());
        return n;
    }

    private static Vma withFlags(Vma v, int flags) {
        return new Vma(v.start(), v.end(), v.prot(), flags, v.file(), v.offset(), v.fileLimit(), v.name());
    }
}
