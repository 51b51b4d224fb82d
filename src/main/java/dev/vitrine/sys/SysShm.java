package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.abi.Rlimit;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.vitrine.sys.Arg.*;

/**
 * System V shared memory (ipc/shm.c): shmget makes a segment (a shmem object whose pages are
 * the machine's frames from first touch, so they count against its memory and can go to
 * swap), shmat maps it MAP_SHARED into the caller, shmdt unmaps the attach that starts at an
 * address, shmctl reads, changes, locks and removes it. A removed segment lives on while
 * attached. Linux's limits (`IpcLimits`, /proc/sys/kernel/shm*): 4096 segments, a size and a total
 * almost unlimited, and a segment larger than RAM plus swap is ENOMEM, as the overcommit heuristic answers.
 */
final class SysShm {
    private SysShm() {}

    /** SHMSEG: segments per process, a constant IPC_INFO reports (Linux enforces none). */
    static final int SHMSEG = 4096;
    static final int SHM_HUGETLB = 04000, SHM_NORESERVE = 010000;
    static final int SHM_RDONLY = 010000, SHM_RND = 020000, SHM_REMAP = 040000, SHM_EXEC = 0100000;
    static final int IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3,
            SHM_LOCK = 11, SHM_UNLOCK = 12, SHM_STAT = 13, SHM_INFO = 14, SHM_STAT_ANY = 15;

    static void register(SyscallTable t, Services s) {
        t.add(194, "shmget", (k, task, key, size, flg, a3, a4, a5) -> shmget(k, s.shm(), s.ipcLimits, task, (int) key, size, (int) flg), IPC_KEY, ULEN, IPC_FLAGS);
        t.add(196, "shmat", Syscall.Result.HEX, Syscall.Status.IMPLEMENTED,
                (k, task, id, addr, flg, a3, a4, a5) -> shmat(s.shm(), task, (int) id, addr, (int) flg), INT, PTR, FLAGS);
        t.add(197, "shmdt", (k, task, addr, a1, a2, a3, a4, a5) -> shmdt(task, addr), PTR);
        t.add(195, "shmctl", (k, task, id, cmd, buf, a3, a4, a5) -> shmctl(k, s.shm(), s.ipcLimits, task, (int) id, (int) cmd, buf), INT, IPC_CMD, PTR);
    }

    /** {@code size} is the raw size_t: SHMMAX is past Long.MAX_VALUE. */
    static long shmget(Kernel k, IpcIds<ShmSegment> ids, IpcLimits lim, Task t, int key, long size, int flg) {
        AddressSpace as = t.space();
        return ids.get(t.cred(), key, flg, seg -> Long.compareUnsigned(seg.size, size) >= 0, () -> {
            // newseg's order: the size, the machine-wide total, huge pages, then the memory to back it.
            // Past SHMMAX, or past MAX_LFS_FILESIZE (a negative loff_t) for the shmem file: EINVAL either way.
            if (size < 1 || Long.compareUnsigned(size, lim.shmmax) > 0) throw new dev.vitrine.fs.FsException(Errno.EINVAL);
            long pages = Long.divideUnsigned(size + as.pageSize() - 1, as.pageSize());
            if (Long.compareUnsigned(pages * as.pageSize(), size) < 0) throw new dev.vitrine.fs.FsException(Errno.ENOSPC);
            long total = 0;
            for (ShmSegment seg : ids.all()) total += (seg.size + as.pageSize() - 1) / as.pageSize();
            if (Long.compareUnsigned(total + pages, total) < 0 || Long.compareUnsigned(total + pages, lim.shmall) > 0) throw new dev.vitrine.fs.FsException(Errno.ENOSPC);
            // a kernel without CONFIG_HUGETLB_PAGE (the machine's /boot/config): hstate_sizelog finds no size
            if ((flg & SHM_HUGETLB) != 0) throw new dev.vitrine.fs.FsException(Errno.EINVAL);
            if ((flg & SHM_NORESERVE) == 0 && !as.fitsMachine(pages)) throw new dev.vitrine.fs.FsException(Errno.ENOMEM);
            return new ShmSegment(k, ids, key, flg, t.cred(), size, (int) as.pageSize());
        });
    }

    static long shmat(IpcIds<ShmSegment> ids, Task t, int id, long addr, int flg) {
        AddressSpace as = t.space();
        long page = as.pageSize();
        if (id < 0) return -Errno.EINVAL;
        if (addr != 0) {
            if ((addr & (page - 1)) != 0) {
                if ((flg & SHM_RND) == 0) return -Errno.EINVAL;
                addr &= -page;
                if (addr == 0 && (flg & SHM_REMAP) != 0) return -Errno.EINVAL;
            }
        } else if ((flg & SHM_REMAP) != 0) return -Errno.EINVAL;
        int prot = (flg & SHM_RDONLY) != 0 ? Prot.READ : Prot.READ | Prot.WRITE;
        int acc = (flg & SHM_RDONLY) != 0 ? 0444 : 0666;
        if ((flg & SHM_EXEC) != 0) { prot |= Prot.EXEC; acc |= 0111; }
        ShmSegment seg = ids.get(id);
        if (seg == null) return -Errno.EINVAL;
        if (!seg.permits(t.cred(), acc)) return -Errno.EACCES;
        long size = as.pageUp(seg.size);
        if (addr != 0 && (flg & SHM_REMAP) == 0) {
            if (addr + size < addr || as.overlaps(addr, addr + size)) return -Errno.EINVAL;
        }
        // do_mmap of the segment's object, MAP_SHARED (MAP_FIXED at an address), with mmap's own limits.
        long start;
        if (addr != 0) {
            if (Long.compareUnsigned(addr, 0x10000) < 0) return -Errno.EPERM;   // below mmap_min_addr
            if (addr + size > as.layout().stackTop() || addr + size < addr) return -Errno.ENOMEM;
            start = addr;
        } else {
            start = as.findFree(size);
            if (start < 0) return -Errno.ENOMEM;
        }
        if (as.mapCount() > AddressSpace.MAX_MAP_COUNT || !as.vmaRoom()) return -Errno.ENOMEM;
        if (addr != 0 && as.countAfterCut(start, start + size) > AddressSpace.MAX_MAP_COUNT) return -Errno.ENOMEM;
        if (as.lockFuture() && !as.mayLock(size)) return -Errno.EAGAIN;
        if (!as.mayExpand(size, addr != 0 ? as.mappedPages(start, start + size) : 0, false)) return -Errno.ENOMEM;
        int keep = Prot.MAP_SHARED | ((flg & SHM_RDONLY) != 0 ? Vma.NO_MAYWRITE : 0);
        Vma v = new Vma(start, start + size, prot, keep, seg.file, 0, Long.MAX_VALUE, seg.file.name());
        as.map(v);
        if (as.lockFuture()) SysMmap.populate(as, as.find(start));
        return start;
    }

    /** shmdt: the attach whose first page is at {@code addr}, and the rest of it wherever it was split; EINVAL when none starts there. */
    static long shmdt(Task t, long addr) {
        AddressSpace as = t.space();
        if ((addr & (as.pageSize() - 1)) != 0) return -Errno.EINVAL;
        Object file = null;
        long size = 0;
        for (Vma v : as.vmas(addr, as.layout().stackTop())) {
            if (v.end() <= addr) continue;
            boolean attach = v.file() instanceof dev.vitrine.mm.ShmemFile shm && shm.keeper() != null && v.start() - addr == v.offset();
            if (file == null) {
                if (!attach) continue;
                file = v.file();
                size = as.pageUp(v.file().size());
                as.unmap(v.start(), v.end());
            } else {
                if (v.end() - addr > size) break;
                if (attach && v.file() == file) as.unmap(v.start(), v.end());
            }
        }
        return file == null ? -Errno.EINVAL : 0;
    }

    static long shmctl(Kernel k, IpcIds<ShmSegment> ids, IpcLimits lim, Task t, int id, int cmd, long buf) {
        if (cmd < 0 || id < 0) return -Errno.EINVAL;
        var mem = t.memory();
        ByteBuffer b = ByteBuffer.allocate(112).order(ByteOrder.LITTLE_ENDIAN);
        switch (cmd) {
            case IPC_INFO -> {
                b.putLong(0, lim.shmmax).putLong(8, 1).putLong(16, lim.shmmni).putLong(24, SHMSEG).putLong(32, lim.shmall);
                return mem.write(buf, b.array(), 0, 72) ? Math.max(0, ids.maxIndex()) : -Errno.EFAULT;
            }
            case SHM_INFO -> {
                long tot = 0, rss = 0, swp = 0;
                for (ShmSegment s : ids.all()) {
                    tot += (s.size + 4095) / 4096;
                    rss += s.file.pages().cached();
                    swp += s.file.swapped();
                }
                b.putInt(0, ids.count()).putLong(8, tot).putLong(16, rss).putLong(24, swp);
                return mem.write(buf, b.array(), 0, 48) ? Math.max(0, ids.maxIndex()) : -Errno.EFAULT;
            }
            case IPC_SET -> {
                if (!mem.read(buf, b.array(), 0, 112)) return -Errno.EFAULT;
                ShmSegment s = ids.get(id);
                if (s == null) return -Errno.EINVAL;
                if (!s.ownedBy(t.cred())) return -Errno.EPERM;
                s.setPerm(b);
                s.ctime = ShmSegment.seconds(k);
                return 0;
            }
            case IPC_RMID -> {
                ShmSegment s = ids.get(id);
                if (s == null) return -Errno.EINVAL;
                if (!s.ownedBy(t.cred())) return -Errno.EPERM;
                s.remove();
                return 0;
            }
            case IPC_STAT, SHM_STAT, SHM_STAT_ANY -> {
                ShmSegment s = cmd == IPC_STAT ? ids.get(id) : ids.atIndex(id);
                if (s == null) return -Errno.EINVAL;
                if (cmd != SHM_STAT_ANY && !s.permits(t.cred(), 0444)) return -Errno.EACCES;
                s.writePerm(b);
                b.putLong(48, s.size).putLong(56, s.atime).putLong(64, s.dtime).putLong(72, s.ctime)
                        .putInt(80, s.cpid).putInt(84, s.lpid).putLong(88, s.attaches());
                if (!mem.write(buf, b.array(), 0, 112)) return -Errno.EFAULT;
                return cmd == IPC_STAT ? 0 : s.id;
            }
            case SHM_LOCK, SHM_UNLOCK -> {
                ShmSegment s = ids.get(id);
                if (s == null) return -Errno.EINVAL;
                // Without CAP_IPC_LOCK: only the owner or creator, and SHM_LOCK only with some RLIMIT_MEMLOCK.
                var c = t.cred();
                if (!c.capable(dev.vitrine.abi.Cred.CAP_IPC_LOCK)) {
                    if (c.euid() != s.uid && c.euid() != s.cuid) return -Errno.EPERM;
                    if (cmd == SHM_LOCK && t.space().limit(Rlimit.MEMLOCK) == 0) return -Errno.EPERM;
                }
                if (cmd == SHM_LOCK && !s.file.locked()) {
                    // user_shm_lock: the user's locked segments and this one within RLIMIT_MEMLOCK.
                    long locked = 0;
                    for (ShmSegment o : ids.all()) if (o.file.locked()) locked += (o.size + 4095) / 4096;
                    long limit = t.space().limit(Rlimit.MEMLOCK);
                    if (!c.capable(dev.vitrine.abi.Cred.CAP_IPC_LOCK) && limit != Rlimit.INFINITY && (locked + (s.size + 4095) / 4096) * 4096 > limit) return -Errno.ENOMEM;
                    s.file.setLocked(true);
                    s.mode |= ShmSegment.SHM_LOCKED;
                } else if (cmd == SHM_UNLOCK && s.file.locked()) {
                    s.file.setLocked(false);
                    s.mode &= ~ShmSegment.SHM_LOCKED;
                }
                return 0;
            }
            default -> { return -Errno.EINVAL; }
        }
    }
}
