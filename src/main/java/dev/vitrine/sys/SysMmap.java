package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.Fault;
import dev.vitrine.mm.MappedFile;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Remap;
import dev.vitrine.mm.ShmemFile;
import dev.vitrine.mm.UserMemory;
import dev.vitrine.mm.Vma;
import dev.vitrine.mmu.Access;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** mmap, mremap, msync, mincore: Linux's mm/mmap.c, mremap.c, msync.c and mincore.c at the syscall boundary. */
final class SysMmap {
    private SysMmap() {}

    private static final int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2, MREMAP_DONTUNMAP = 4;
    private static final int MS_ASYNC = 1, MS_INVALIDATE = 2, MS_SYNC = 4;
    /** The flags MAP_SHARED_VALIDATE accepts (Linux's LEGACY_MAP_MASK plus MAP_SYNC's absence). */
    private static final int KNOWN_FLAGS = Prot.MAP_TYPE | Prot.MAP_FIXED | Prot.MAP_ANONYMOUS | Prot.MAP_GROWSDOWN
            | Prot.MAP_DENYWRITE | Prot.MAP_EXECUTABLE | Prot.MAP_LOCKED | Prot.MAP_NORESERVE | Prot.MAP_POPULATE
            | Prot.MAP_NONBLOCK | Prot.MAP_STACK | Prot.MAP_HUGETLB | Prot.MAP_FIXED_NOREPLACE;

    static void register(SyscallTable t, Services s) {
        t.add(222, "mmap", Syscall.Result.HEX, Syscall.Status.IMPLEMENTED,
                (k, task, addr, len, prot, flags, fd, off) -> mmap(task, addr, len, (int) prot, (int) flags, (int) fd, off), PTR, SIZE, PROT, MAP_FLAGS, FD, HEX);
        t.add(216, "mremap", Syscall.Result.HEX, Syscall.Status.PARTIAL,
                (k, task, addr, oldLen, newLen, flags, newAddr, a5) -> mremap(task, addr, oldLen, newLen, (int) flags, newAddr), PTR, ULEN, ULEN, HEX, PTR);
        t.add(227, "msync", (k, task, addr, len, flags, a3, a4, a5) -> msync(task, addr, len, (int) flags), PTR, ULEN, FLAGS);
        t.add(232, "mincore", (k, task, addr, len, vec, a3, a4, a5) -> mincore(task, addr, len, vec), PTR, SIZE, PTR);
    }

    /** The object a descriptor maps, or null when its file cannot be mapped (pipes, directories, terminals). */
    static MappedFile mappable(FileDescription d) {
        return d.file().inode() instanceof MappedFile m ? m : null;
    }

    static long mmap(Task t, long addr, long len, int prot, int flags, int fd, long off) {
        AddressSpace as = t.space();
        long page = as.pageSize();
        if ((off & (page - 1)) != 0) return -Errno.EINVAL;
        boolean anonymous = (flags & Prot.MAP_ANONYMOUS) != 0;
        FileDescription desc = null;
        if (!anonymous) {
            desc = t.fds().get(fd);
            if (desc == null || desc.file() instanceof dev.vitrine.fs.PathFile) return -Errno.EBADF;   // fdget skips O_PATH
        }
        if (len == 0) return -Errno.EINVAL;
        long size = as.pageUp(len);
        if (size == 0 || Long.compareUnsigned(size, len) < 0) return -Errno.ENOMEM;
        // Linux: the page offset plus the length in pages must not wrap, then the length must fit the user range.
        long pgoff = off >>> as.geometry().pageBits(), pages = size >>> as.geometry().pageBits();
        if (Long.compareUnsigned(pgoff + pages, pgoff) < 0) return -Errno.EOVERFLOW;
        if (Long.compareUnsigned(size, as.layout().stackTop()) > 0) return -Errno.ENOMEM;
        if (as.mapCount() > AddressSpace.MAX_MAP_COUNT || !as.vmaRoom()) return -Errno.ENOMEM;
        int type = flags & Prot.MAP_TYPE;
        boolean shared = type == Prot.MAP_SHARED || type == Prot.MAP_SHARED_VALIDATE;
        if (type != Prot.MAP_PRIVATE && !shared) return -Errno.EINVAL;
        if (type == Prot.MAP_SHARED_VALIDATE && (anonymous || (flags & ~KNOWN_FLAGS) != 0))
            return anonymous ? -Errno.EINVAL : -Errno.ENOTSUP;
        if ((flags & Prot.MAP_HUGETLB) != 0) return -Errno.ENOMEM;   // no huge pages are reserved

        boolean fixed = (flags & (Prot.MAP_FIXED | Prot.MAP_FIXED_NOREPLACE)) != 0;
        long start;
        if (fixed) {
            // get_unmapped_area: addr > TASK_SIZE - len, unsigned (an address in the top half is no small one)
            if (Long.compareUnsigned(addr, as.layout().stackTop() - size) > 0) return -Errno.ENOMEM;
            if ((addr & (page - 1)) != 0) return -Errno.EINVAL;
            if ((flags & Prot.MAP_FIXED) == 0 && as.overlaps(addr, addr + size)) return -Errno.EEXIST;
            start = addr;
        } else {
            long hint = as.pageUp(addr);
            // Linux takes a hint that is free (and above mmap_min_addr), else searches top-down.
            if (hint >= 0x10000 && hint + size <= as.layout().stackTop() && hint + size > hint && !as.overlaps(hint, hint + size)) start = hint;
            else start = as.findFree(size);
            if (start < 0) return -Errno.ENOMEM;
        }

        // do_mmap: MAP_LOCKED past RLIMIT_MEMLOCK is EAGAIN (mlock_future_ok).
        if (((flags & Prot.MAP_LOCKED) != 0 || as.lockFuture()) && !as.mayLock(size)) return -Errno.EAGAIN;
        // mmap_region: splitting an area in the way past vm.max_map_count, RLIMIT_AS/DATA, the overcommit heuristic.
        if (fixed && as.countAfterCut(start, start + size) > AddressSpace.MAX_MAP_COUNT) return -Errno.ENOMEM;
        boolean data = (prot & Prot.WRITE) != 0 && !shared && (flags & Prot.MAP_GROWSDOWN) == 0;
        if (!as.mayExpand(size, fixed ? as.mappedPages(start, start + size) : 0, data)) return -Errno.ENOMEM;
        int keep = flags & ~(Prot.MAP_FIXED | Prot.MAP_FIXED_NOREPLACE | Prot.MAP_POPULATE);
        Vma v;
        if (!anonymous && desc.file() instanceof dev.vitrine.fs.Devices.Zero z && !z.full()) {
            // mmap_zero: anonymous memory (shmem when shared); a read-only open loses VM_MAYWRITE and VM_SHARED first
            if (shared && (prot & Prot.WRITE) != 0 && !desc.writable()) return -Errno.EACCES;
            if (!desc.readable()) return -Errno.EACCES;
            if ((flags & Prot.MAP_GROWSDOWN) != 0) return -Errno.EINVAL;
            if (shared && !desc.writable())
                v = Vma.anonymous(start, start + size, prot, keep & ~Prot.MAP_TYPE | Prot.MAP_PRIVATE | Vma.NO_MAYWRITE, "");
            else if (shared) {
                ShmemFile shm = new ShmemFile(size, (int) page);
                v = new Vma(start, start + size, prot, keep, shm, 0, Long.MAX_VALUE, shm.name());
            } else v = Vma.anonymous(start, start + size, prot, keep, "");
        } else if (!anonymous) {
            // In do_mmap's order: the access mode first, then whether the file can be mapped at all.
            if (shared && (prot & Prot.WRITE) != 0 && !desc.writable()) return -Errno.EACCES;
            if (!desc.readable()) return -Errno.EACCES;
            MappedFile file = mappable(desc);
            if (file == null) return -Errno.ENODEV;
            if ((flags & Prot.MAP_GROWSDOWN) != 0) return -Errno.EINVAL;
            if (shared && !desc.writable()) keep |= Vma.NO_MAYWRITE;
            // seal_check_write: a write-sealed memfd maps shared only read-only, and never becomes writable
            if (shared && desc.file().inode() instanceof dev.vitrine.fs.RegularFile r && r.seals() > 0
                    && (r.seals() & (dev.vitrine.fs.RegularFile.F_SEAL_WRITE | dev.vitrine.fs.RegularFile.F_SEAL_FUTURE_WRITE)) != 0) {
                if ((prot & Prot.WRITE) != 0) return -Errno.EPERM;
                keep |= Vma.NO_MAYWRITE;
            }
            v = new Vma(start, start + size, prot, keep, file, off, Long.MAX_VALUE, file.name());
        } else if (shared) {
            if ((flags & Prot.MAP_GROWSDOWN) != 0) return -Errno.EINVAL;
            ShmemFile shm = new ShmemFile(size, (int) page);
            v = new Vma(start, start + size, prot, keep, shm, 0, Long.MAX_VALUE, shm.name());
        } else {
            v = Vma.anonymous(start, start + size, prot, keep, "");
        }
        as.map(v);
        // MAP_LOCKED pages are faulted in at once, as mlock does, and reclaim leaves them alone (VM_LOCKED).
        if ((flags & Prot.MAP_POPULATE) != 0 || AddressSpace.locked(v) || as.lockFuture()) populate(as, v);
        return start;
    }

    /** MAP_POPULATE: fault every page in now; a private writable area is populated by write faults (its copies made). */
    static void populate(AddressSpace as, Vma v) {
        if (v.prot() == Prot.NONE) return;
        int access = (v.prot() & Prot.WRITE) != 0 && !v.shared() ? Access.STORE : Access.LOAD;
        for (long va = v.start(); va < v.end(); va += as.pageSize()) {
            Fault f = as.fault(va, access);
            if (f != Fault.HANDLED) break;   // beyond end of file, or out of memory: Linux stops there too
        }
    }

    static long mremap(Task t, long addr, long oldLen, long newLen, int flags, long newAddr) {
        AddressSpace as = t.space();
        long page = as.pageSize();
        if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) != 0) return -Errno.EINVAL;
        if ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) != 0 && (flags & MREMAP_MAYMOVE) == 0) return -Errno.EINVAL;
        if ((flags & MREMAP_DONTUNMAP) != 0 && oldLen != newLen) return -Errno.EINVAL;
        if ((addr & (page - 1)) != 0) return -Errno.EINVAL;
        oldLen = as.pageUp(oldLen);
        newLen = as.pageUp(newLen);
        if (newLen == 0) return -Errno.EINVAL;
        long top = as.layout().stackTop();
        // check_mremap_params (Linux 6.16+): a new length past TASK_SIZE is silly, EINVAL.
        if (Long.compareUnsigned(newLen, top) > 0) return -Errno.EINVAL;
        if (as.mapCount() >= AddressSpace.MAX_MAP_COUNT - 3 || !as.vmaRoom()) return -Errno.ENOMEM;
        // old_len 0 duplicates a shared mapping in Linux; not supported here.
        if (oldLen == 0) return -Errno.EINVAL;
        if ((flags & MREMAP_FIXED) != 0) {
            if ((newAddr & (page - 1)) != 0) return -Errno.EINVAL;
            if (Long.compareUnsigned(newLen, top) > 0 || Long.compareUnsigned(newAddr, top - newLen) > 0) return -Errno.EINVAL;
            // vrm_overlaps, in unsigned arithmetic: before any lookup, so an overlap is EINVAL whatever old_len
            if (Long.compareUnsigned(addr + oldLen, newAddr) > 0 && Long.compareUnsigned(newAddr + newLen, addr) > 0) return -Errno.EINVAL;
            Vma v = as.find(addr);
            if (v == null || Long.compareUnsigned(oldLen, v.end() - addr) > 0) return -Errno.EFAULT;
            as.unmap(newAddr, newAddr + newLen);
            return Remap.move(as, addr, oldLen, newAddr, newLen, (flags & MREMAP_DONTUNMAP) != 0) ? newAddr : -Errno.ENOMEM;
        }
        // vma_lookup: no area at addr is EFAULT, shrinking included; so is an old length past the user space
        if (as.find(addr) == null || Long.compareUnsigned(oldLen, top) > 0) return -Errno.EFAULT;
        if (Long.compareUnsigned(oldLen, newLen) >= 0 && (flags & MREMAP_DONTUNMAP) == 0) {
            if (oldLen > newLen) as.unmap(addr + newLen, addr + oldLen);
            return addr;
        }
        Vma v = as.find(addr);
        if (v == null || addr + oldLen > v.end()) return -Errno.EFAULT;
        if (Long.compareUnsigned(newLen, top) > 0) return -Errno.ENOMEM;
        if (!as.mayExpand(newLen - oldLen, 0, (v.prot() & Prot.WRITE) != 0 && !v.shared())) return -Errno.ENOMEM;
        boolean atEnd = addr + oldLen == v.end();
        if (atEnd && (flags & MREMAP_DONTUNMAP) == 0 && newLen <= as.layout().mmapBase() - addr
                && !as.overlaps(addr + oldLen, addr + newLen)) {
            Remap.growInPlace(as, v, addr + newLen);
            return addr;
        }
        if ((flags & MREMAP_MAYMOVE) == 0) return -Errno.ENOMEM;
        long to = as.findFree(newLen);
        if (to < 0) return -Errno.ENOMEM;
        return Remap.move(as, addr, oldLen, to, newLen, (flags & MREMAP_DONTUNMAP) != 0) ? to : -Errno.ENOMEM;
    }

    static long msync(Task t, long addr, long len, int flags) {
        AddressSpace as = t.space();
        if ((flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) != 0) return -Errno.EINVAL;
        if ((addr & (as.pageSize() - 1)) != 0) return -Errno.EINVAL;
        if ((flags & MS_ASYNC) != 0 && (flags & MS_SYNC) != 0) return -Errno.EINVAL;
        long end = addr + as.pageUp(len);
        if (end < addr) return -Errno.ENOMEM;
        if (end == addr) return 0;
        // msync's walk: MS_INVALIDATE of a VM_LOCKED area is EBUSY (locked pages cannot be dropped)
        if ((flags & MS_INVALIDATE) != 0 && Long.compareUnsigned(addr, as.layout().stackTop()) < 0)
            for (Vma v : as.vmas(addr, Long.compareUnsigned(end, as.layout().stackTop()) > 0 ? as.layout().stackTop() : end))
                if (AddressSpace.locked(v)) return -Errno.EBUSY;
        // MS_ASYNC is a no-op in Linux since 2.6.19 (dirty pages are tracked anyway); MS_INVALIDATE has
        // nothing to do when mappings and read/write share one page cache.
        if ((flags & MS_SYNC) != 0) as.sync(addr, end);
        return mapped(as, addr, end) ? 0 : -Errno.ENOMEM;
    }

    static long mincore(Task t, long addr, long len, long vec) {
        AddressSpace as = t.space();
        long page = as.pageSize();
        if ((addr & (page - 1)) != 0) return -Errno.EINVAL;
        // access_ok(start, len): the unsigned length must fit the user range.
        long top = as.layout().stackTop();
        if (Long.compareUnsigned(addr, top) > 0 || Long.compareUnsigned(len, top - addr) > 0) return -Errno.ENOMEM;
        long end = addr + as.pageUp(len);
        if (!mapped(as, addr, end)) return -Errno.ENOMEM;
        // A page of answers at a time, as Linux does, so a huge range costs no huge buffer.
        UserMemory um = new UserMemory(as);
        byte[] out = new byte[(int) Math.min(page, (end - addr) / page)];
        for (long at = addr, i = 0; at < end; ) {
            int n = (int) Math.min(out.length, (end - at) / page);
            for (int j = 0; j < n; j++) out[j] = (byte) (as.resident(at + j * page) ? 1 : 0);
            if (!um.write(vec + i, out, 0, n)) return -Errno.EFAULT;
            at += n * page;
            i += n;
        }
        return 0;
    }

    /** Whether every page of [start, end) belongs to some VMA. */
    static boolean mapped(AddressSpace as, long start, long end) {
        if (Long.compareUnsigned(end, as.layout().stackTop()) > 0) return false;
        for (long a = start; a < end; ) {
            Vma v = as.find(a);
            if (v == null) return false;
            a = v.end();
        }
        return true;
    }
}
