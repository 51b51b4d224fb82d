package dev.vitrine.fs;

import static dev.vitrine.abi.Fcntl.*;

/**
 * Linux's struct file: one open of a file, with its offset and status flags, shared by
 * every descriptor that dup or fork made from it.
 */
public final class FileDescription {
    private final File file;
    private int flags;
    private long offset;
    private int refs = 1;
    private String path = "";

    /** The name it was opened by (absolute), or a pseudo-name such as "pipe:[12]", for /proc/PID/fd. */
    public String path() { return path; }
    public FileDescription withPath(String p) { path = p; return this; }

    public FileDescription(File file, int flags) {
        this.file = file;
        this.flags = flags;
    }

    public File file() { return file; }
    public int flags() { return flags; }
    public void setFlags(int f) { flags = f; }
    public long offset() { return offset; }
    public void setOffset(long o) { offset = o; }
    public boolean readable() { return (flags & O_ACCMODE) != O_WRONLY; }
    public boolean writable() { return (flags & O_ACCMODE) != O_RDONLY; }

    /** F_SETOWN/F_SETOWN_EX: who O_ASYNC signals go to (Linux's fown_struct); pid 0 is nobody. */
    public record Owner(int type, int pid) {
        public static final int F_OWNER_TID = 0, F_OWNER_PID = 1, F_OWNER_PGRP = 2;
        public static final Owner NONE = new Owner(F_OWNER_TID, 0);
    }

    private Owner owner = Owner.NONE;
    private int signal;

    public Owner owner() { return owner; }
    public void setOwner(Owner o) { owner = o; }
    /** F_SETSIG: the signal O_ASYNC sends (0: SIGIO without siginfo). */
    public int signal() { return signal; }
    public void setSignal(int s) { signal = s; }

    public FileDescription retain() { refs++; return this; }

    /** Whether the last descriptor on it closed (an epoll item on it is then gone). */
    public boolean released() { return refs <= 0; }

    public void release() {
        if (--refs > 0) return;
        // its open file description locks go with it
        Inode i = file.inode();
        if (i != null && i.hasLocks()) i.locks().releaseAndWake(this);
        file.close();
    }
}
