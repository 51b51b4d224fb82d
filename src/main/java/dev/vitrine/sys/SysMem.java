package dev.vitrine.sys;

import dev.vitrine.fs.Errno;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.Fault;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;
import dev.vitrine.mmu.Access;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** brk, mmap, munmap, mprotect, madvise: Linux's mm/mmap.c and mprotect.c at the syscall boundary. */
final class SysMem {
    private SysMem() {}

    private static final int MADV_NORMAL = 0, MADV_RANDOM = 1, MADV_SEQUENTIAL = 2, MADV_WILLNEED = 3,
            MADV_DONTNEED = 4, MADV_FREE = 8, MADV_REMOVE = 9, MADV_DONTFORK = 10, MADV_DOFORK = 11,
            MADV_MERGEABLE = 12, MADV_UNMERGEABLE = 13, MADV_HUGEPAGE = 14, MADV_NOHUGEPAGE = 15,
            MADV_DONTDUMP = 16, MADV_DODUMP = 17;

    static void register(SyscallTable t, Services s) {
        t.add(214, "brk", Syscall.Result.HEX, Syscall.Status.IMPLEMENTED,
                (k, task, addr, a1, a2, a3, a4, a5) -> task.space().setProgramBreak(addr), PTR);
        t.add(222, "mmap", Syscall.Result.HEX, Syscall.Status.PARTIAL,
                (k, task, addr, len, prot, flags, fd, off) -> mmap(task, addr, len, (int) prot, (int) flags, (int) fd, off),
                PTR, LONG, PROT, MAP_FLAGS, FD, HEX);
        t.add(215, "munmap", (k, task, addr, len, a2, a3, a4, a5) -> munmap(task, addr, len), PTR, LONG);
        t.add(226, "mprotect", (k, task, addr, len, prot, a3, a4, a5) -> mprotect(task, addr, len, (int) prot), PTR, LONG, PROT);
        t.add(233, "madvise", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, addr, len, advice, a3, a4, a5) -> madvise(task, addr, len, (int) advice), PTR, LONG, INT);
    }

    static long mmap(Task t, long addr, long len, int prot, int flags, int fd, long off) {
        AddressSpace as = t.space();
        long page = as.pageSize();
        int type = flags & Prot.MAP_TYPE;
        if (type != Prot.MAP_SHARED && type != Prot.MAP_PRIVATE && type != Prot.MAP_SHARED_VALIDATE) return -Errno.EINVAL;
        if ((prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC)) != 0) return -Errno.EINVAL;
        if (len == 0 || (off & (page - 1)) != 0) return -Errno.EINVAL;
        long size = as.pageUp(len);
        if (size == 0 || size < len || size > as.layout().stackTop()) return -Errno.ENOMEM;
        boolean anonymous = (flags & Prot.MAP_ANONYMOUS) != 0;
        if (!anonymous) {
            if (t.fds().get(fd) == null) return -Errno.EBADF;
            // Descriptors so far are terminals, which cannot be mapped; regular files come with the files issue.
            return -Errno.ENODEV;
        }
        boolean fixed = (flags & (Prot.MAP_FIXED | Prot.MAP_FIXED_NOREPLACE)) != 0;
        long start;
        if (fixed) {
            if ((addr & (page - 1)) != 0) return -Errno.EINVAL;
            if (addr + size > as.layout().stackTop() || addr + size < addr) return -Errno.ENOMEM;
            if ((flags & Prot.MAP_FIXED) == 0 && as.overlaps(addr, addr + size)) return -Errno.EEXIST;
            start = addr;
        } else {
            long hint = as.pageDown(addr);
            if (hint != 0 && hint + size <= as.layout().mmapBase() && hint >= as.brk() && !as.overlaps(hint, hint + size)) start = hint;
            else start = as.findFree(size);
            if (start < 0) return -Errno.ENOMEM;
        }
        as.map(Vma.anonymous(start, start + size, prot, flags & ~(Prot.MAP_FIXED | Prot.MAP_FIXED_NOREPLACE | Prot.MAP_POPULATE), ""));
        if ((flags & Prot.MAP_POPULATE) != 0 && prot != Prot.NONE) {
            int access = (prot & Prot.WRITE) != 0 ? Access.STORE : Access.LOAD;
            for (long va = start; va < start + size; va += page)
                if (as.fault(va, access) != Fault.HANDLED) break;
        }
        return start;
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
        for (long a = addr; a < end; ) {
            Vma v = as.find(a);
            if (v == null) return -Errno.ENOMEM;
            a = v.end();
        }
        if (advice == MADV_DONTNEED || advice == MADV_FREE) {
            // Private anonymous pages are dropped and read back as zeros; shared ones keep their data.
            for (Vma v : as.vmas())
                if (v.end() > addr && v.start() < end && !v.shared() && v.anonymous())
                    as.zap(Math.max(addr, v.start()), Math.min(end, v.end()));
        }
        return 0;
    }
}
