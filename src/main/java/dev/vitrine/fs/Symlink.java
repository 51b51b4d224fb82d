package dev.vitrine.fs;

import java.util.function.IntFunction;

/** A symbolic link. /proc's links (self, exe, fd/N) work out their target for the calling process. */
public final class Symlink extends Inode {
    private final IntFunction<String> target;

    public Symlink(Vfs vfs, long dev, String target) { this(vfs, dev, pid -> target); }

    public Symlink(Vfs vfs, long dev, IntFunction<String> target) { this(vfs, dev, vfs.nextIno(), target); }

    public Symlink(Vfs vfs, long dev, long ino, IntFunction<String> target) {
        this(vfs, dev, ino, target, pid -> null);
    }

    /** A magic link (/proc/PID/fd/N): following it lands on {@code jump}'s inode, whatever its name says. */
    public Symlink(Vfs vfs, long dev, long ino, IntFunction<String> target, IntFunction<Inode> jump) {
        super(vfs, dev, ino, Stat.S_IFLNK | 0777);
        this.target = target;
        this.jump = jump;
    }

    private final IntFunction<Inode> jump;

    /** For /proc/PID/fd/N: the description itself, for a file with no inode in the tree (a pipe, the console). */
    private IntFunction<FileDescription> open = pid -> null;

    /** For /proc/PID/exe: the process and its source, whose ptrace check reading or following the link takes; else null. */
    private ProcSource owner;
    private int ownerPid;

    /** proc_pid_readlink and proc_pid_get_link: only a caller with ptrace read access to {@code pid} reads or follows it. */
    Symlink tracedBy(ProcSource src, int pid) {
        owner = src;
        ownerPid = pid;
        return this;
    }

    /** proc_fd_access_allowed: whether {@code c} of process {@code callerPid} may read or follow it (EACCES otherwise). */
    public boolean mayFollow(dev.vitrine.abi.Cred c, int callerPid) { return owner == null || owner.mayTrace(ownerPid, c, callerPid); }

    public Symlink opening(IntFunction<FileDescription> open) {
        this.open = open;
        return this;
    }

    /** The open file a magic link stands for when it has no name to follow (a pipe, the console), or null. */
    public FileDescription opened(int pid) {
        FileDescription d = open.apply(pid);
        return d != null && d.file().inode() == null ? d : null;
    }

    /** nd_jump_link: the inode a magic link stands for (an unlinked file, a memfd too), or null to follow the name. */
    public Inode jump(int pid) { return jump.apply(pid); }

    /** The target as the process {@code pid} reads it. */
    public String target(int pid) { return target.apply(pid); }

    @Override public long size() { return Names.bytes(target(0)).length; }

    @Override protected long blocks() { return 0; }
}
