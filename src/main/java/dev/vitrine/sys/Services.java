package dev.vitrine.sys;

import java.util.SplittableRandom;

/** What syscalls need from the machine beyond the kernel and the task: the seeded randomness and the terminal's size. */
public final class Services {
    private final SplittableRandom random;

    private dev.vitrine.fs.Vfs vfs;
    private byte[] ioBuffer = new byte[64 << 10];

    /**
     * The kernel's bounce buffer for read and write, reused call after call (the machine is
     * one thread, and no syscall uses two at once); grows to the largest chunk asked for.
     */
    byte[] ioBuffer(int size) {
        if (ioBuffer.length < size) ioBuffer = new byte[size];
        return ioBuffer;
    }

    public Services(long seed) { this.random = new SplittableRandom(seed ^ 0x5eed_0f_a11L); }

    private dev.vitrine.fs.Epoll.Watches epollWatches;

    /**
     * The machine's epoll items, at most Linux's max_user_watches: 4% of RAM at
     * EP_ITEM_COST (about 200 bytes) each; past it epoll_ctl is ENOSPC.
     */
    dev.vitrine.fs.Epoll.Watches epollWatches(dev.vitrine.proc.Kernel k) {
        if (epollWatches == null) epollWatches = new dev.vitrine.fs.Epoll.Watches(k.frames().total() * 4096 / 25 / 200);
        return epollWatches;
    }

    /** Who waits in F_SETLKW for which lock: the deadlock check walks it. */
    final LockWaits lockWaits = new LockWaits();

    /** The IPC namespace's tunables, /proc/sys/kernel's shm*, sem and msg* files. */
    final IpcLimits ipcLimits = new IpcLimits();

    private IpcIds<ShmSegment> shm;

    /** The machine's System V shared memory segments (one IPC namespace). */
    IpcIds<ShmSegment> shm() {
        if (shm == null) shm = new IpcIds<>(() -> ipcLimits.shmmni);
        return shm;
    }

    private IpcIds<SemSet> sem;
    private SemUndo semUndo;

    /** The machine's System V semaphore sets. */
    IpcIds<SemSet> sem() {
        if (sem == null) sem = new IpcIds<>(() -> ipcLimits.semmni);
        return sem;
    }

    SemUndo semUndo(dev.vitrine.proc.Kernel k) {
        if (semUndo == null) semUndo = new SemUndo(ipcMemory(k));
        return semUndo;
    }

    private IpcIds<MsgQueue> msg;

    /** The machine's System V message queues. */
    IpcIds<MsgQueue> msg() {
        if (msg == null) msg = new IpcIds<>(() -> ipcLimits.msgmni);
        return msg;
    }

    private dev.vitrine.mm.KernelBytes ipcMemory;

    /** What System V semaphores and messages hold, charged to the machine's memory. */
    dev.vitrine.mm.KernelBytes ipcMemory(dev.vitrine.proc.Kernel k) {
        if (ipcMemory == null) ipcMemory = new dev.vitrine.mm.KernelBytes(k.frames().pager().kernelMemory());
        return ipcMemory;
    }

    private int autobind;

    /** unix_autobind's counter: the next abstract name to try. */
    int nextAutobind() { return autobind++ & 0xfffff; }

    /** The machine's file tree (Boot builds it). */
    public dev.vitrine.fs.Vfs vfs() { return vfs; }
    public void setVfs(dev.vitrine.fs.Vfs v) {
        vfs = v;
        v.setSysvipc(this::sysvipc);
        ipcLimits.register(v);
    }

    /** /proc/sysvipc's three tables, in ipc/{shm,sem,msg}.c's formats for a 64-bit kernel. */
    private String sysvipc(String name) {
        StringBuilder b = new StringBuilder();
        switch (name) {
            case "shm" -> {
                b.append("       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap\n");
                if (shm != null) for (ShmSegment s : shm.all())
                    b.append(String.format("%10d %10d  %4o %21d %5d %5d  %5d %5d %5d %5d %5d %10d %10d %10d %21d %21d\n", s.key, s.id, s.mode, s.size,
                            s.cpid, s.lpid, s.attaches(), s.uid, s.gid, s.cuid, s.cgid, s.atime, s.dtime, s.ctime,
                            s.file.pages().cached() * 4096L, s.file.swapped() * 4096L));
            }
            case "sem" -> {
                b.append("       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n");
                if (sem != null) for (SemSet s : sem.all())
                    b.append(String.format("%10d %10d  %4o %10d %5d %5d %5d %5d %10d %10d\n", s.key, s.id, s.mode, s.nsems(),
                            s.uid, s.gid, s.cuid, s.cgid, s.otime, s.ctime));
            }
            default -> {
                b.append("       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime      rtime      ctime\n");
                if (msg != null) for (MsgQueue q : msg.all())
                    b.append(String.format("%10d %10d  %4o  %10d %10d %5d %5d %5d %5d %5d %5d %10d %10d %10d\n", q.key, q.id, q.mode, q.bytes,
                            q.messages.size(), q.lspid, q.lrpid, q.uid, q.gid, q.cuid, q.cgid, q.stime, q.rtime, q.ctime));
            }
        }
        return b.toString();
    }

    /** getrandom and AT_RANDOM: seeded, so runs repeat. */
    public void randomBytes(byte[] b) {
        for (int i = 0; i < b.length; i++) b[i] = (byte) random.nextInt(256);
    }
}
