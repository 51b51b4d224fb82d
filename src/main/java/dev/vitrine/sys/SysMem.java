package dev.vitrine.sys;

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
        t.add(233, "madvise", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, addr, len, advice, a3, a4, a5) -> madvise(task, addr, len, (int) advice), PTR, SIZE, INT);
    }

    static long munmap(Task t, long addr, long len) {
        AddressSpace as = t.space();
        if ((addr & (as.pageSize() - 1)) != 0 || len == 0) return -Errno.EINVAL;
        long end = addr + as.pageUp(len);
        if (end < addr || end > as.layout().stackTop()) return -Errno.EINVAL;
        as.unmap(addr, end);
        return 0;
    }

    static long mprotect(Task t, long addr, long len, int prot) {
        AddressSpace as = t.space();
        if ((addr & (as.pageSize() - 1)) != 0) return -Errno.EINVAL;
        if ((prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC)) != 0) return -Errno.EINVAL;
        if (len == 0) return 0;
        long end = addr + as.pageUp(len);
        if (end < addr) return -Errno.ENOMEM;
        if (!SysMmap.mapped(as, addr, end)) return -Errno.ENOMEM;
        // A shared file mapping made through a descriptor not open for writing can never become writable.
        if ((prot & Prot.WRITE) != 0)
            for (Vma v : as.vmas())
                if (v.end() > addr && v.start() < end && v.shared() && !v.mayWrite()) return -Errno.EACCES;
        return as.protect(addr, end, prot) ? 0 : -Errno.ENOMEM;
    }

    static long madvise(Task t, long addr, long len, int advice) {
        AddressSpace as = t.space();
        if ((addr & (as.pageSize() - 1)) != 0 || len < 0) return -Errno.EINVAL;
        switch (advice) {
            case MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED, MADV_DONTNEED, MADV_FREE, MADV_REMOVE,
                 MADV_DONTFORK, MADV_DOFORK, MADV_MERGEABLE, MADV_UNMERGEABLE, MADV_HUGEPAGE, MADV_NOHUGEPAGE,
                 MADV_DONTDUMP, MADV_DODUMP -> { }
            default -> { return -Errno.EINVAL; }
        }
        if (len == 0) return 0;
        long end = addr + as.pageUp(len);
        if (end < addr) return -Errno.EINVAL;
        if (!SysMmap.mapped(as, addr, end)) return -Errno.ENOMEM;
        for (Vma v : as.vmas()) {
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
                    if (!v.shared()) return -Errno.EINVAL;
                    return -Errno.ENOTSUP;   // punching holes in files is not implemented
                }
                default -> { }   // hints: Vitrine reads ahead nothing and merges nothing
            }
        }
        return 0;
    }
}
