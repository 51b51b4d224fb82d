package dev.vitrine.sys;

import dev.vitrine.mm.ShmemFile;
import dev.vitrine.proc.Kernel;

/**
 * A System V shared memory segment (Linux's shmid_kernel): a shmem object of its own, whose
 * pages are frames of the machine (or swap slots) from first touch until the segment is
 * removed and its last attach is gone; attaching maps that object MAP_SHARED.
 */
final class ShmSegment extends IpcObject implements ShmemFile.Keeper {
    static final int SHM_DEST = 01000, SHM_LOCKED = 02000;

    private final Kernel kernel;
    private final IpcIds<ShmSegment> table;
    final long size;
    final ShmemFile file;
    final int cpid;
    int lpid;
    long atime, dtime, ctime;

    ShmSegment(Kernel k, IpcIds<ShmSegment> table, int key, int mode, dev.vitrine.abi.Cred c, long size, int pageSize) {
        super(key, mode, c);
        this.kernel = k;
        this.table = table;
        this.size = size;
        this.cpid = k.current().pid();
        this.ctime = seconds(k);
        // shm names its shmem file after the key, and gives it the id as inode number (known once the table took it).
        this.file = new ShmemFile(size, pageSize, this, String.format("/SYSV%08x (deleted)", key));
    }

    static long seconds(Kernel k) { return k.clock().realtime() / 1_000_000_000L; }

    int attaches() { return file.areas(); }

    /** shm_open/shm_close: every area mapping the segment counts as an attach; the last one out of a removed segment destroys it. */
    @Override public void mapped(int delta, int areas) {
        if (kernel.current() != null) lpid = kernel.current().pid();
        if (delta > 0) atime = seconds(kernel);
        else dtime = seconds(kernel);
        if (areas == 0 && (mode & SHM_DEST) != 0 && !deleted) destroy();
    }

    @Override public long ino() { return id; }

    @Override public boolean keeps() { return (mode & SHM_DEST) == 0; }

    /** IPC_RMID: gone now if nothing is attached, else when the last attach goes; its key is free at once. */
    void remove() {
        mode |= SHM_DEST;
        table.forgetKey(this);
        if (attaches() == 0) {
            destroy();
            file.destroy();
        }
    }

    private void destroy() {
        table.remove(this);
        if (file.locked()) file.setLocked(false);
    }
}
