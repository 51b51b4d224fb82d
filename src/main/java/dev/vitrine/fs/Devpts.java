package dev.vitrine.fs;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The devpts file system at /dev/pts and its multiplexer /dev/ptmx (fs/devpts): each open of
 * /dev/ptmx makes a {@link Pty} with the lowest free index N and the node /dev/pts/N (c 136:N,
 * mode 0620, group tty), which goes when the master closes; the index is free again once both
 * sides are closed. At most {@link #MAX} pairs (kernel.pty.max), then ENOSPC; each pair's
 * buffers are charged to the machine's kernel memory (ENOMEM when there is none). When the
 * console is a terminal it is /dev/pts/0 (as Console's stat says), so new pairs start at 1.
 */
public final class Devpts {
    /** st_dev of devpts (Console's terminal stat shows the same). */
    public static final long DEV = 22;
    public static final int MAX = 4096, SLAVE_MAJOR = 136, PTMX_MAJOR = 5, PTMX_MINOR = 2, TTY_GID = 5;
    static final int SIGHUP = 1, SIGCONT = 18;

    /** What the kernel does for a pty: signals to a process group (ISIG, SIGWINCH) and to a session's leader (hang-up). */
    public interface Signals {
        Signals NONE = new Signals() {
            @Override public void group(int pgid, int sig) {}
            @Override public void sessionLeader(int sid, int sig) {}
        };

        void group(int pgid, int sig);

        void sessionLeader(int sid, int sig);
    }

    private final Vfs vfs;
    private final TreeMap<Integer, Pty> ptys = new TreeMap<>();
    /** Pairs whose /dev/pts node is still there (the master is open). */
    private final TreeMap<Integer, Pty> linked = new TreeMap<>();
    private final Device console;
    private final ProcDir dir;
    private final Device ptmxHere;
    private Signals signals = Signals.NONE;

    /** {@code console} opens the terminal the machine's fds 0-2 are (null: they are pipes). */
    Devpts(Vfs vfs, Dir parent, Supplier<File> console) {
        this.vfs = vfs;
        this.console = console == null ? null : new Device(vfs, DEV, 3, 0620, SLAVE_MAJOR, 0, d -> {
            File f = console.get();
            if (f == null) throw new FsException(Errno.EIO);
            return f;
        });
        if (this.console != null) this.console.setOwner(Cred.UID, TTY_GID);
        // devpts's own ptmx: mode 0000 unless mounted with ptmxmode=, so only /dev/ptmx is used.
        ptmxHere = new Device(vfs, DEV, 2, 0, PTMX_MAJOR, PTMX_MINOR, this::openMaster);
        ptmxHere.setOwner(0, 0);
        dir = new ProcDir(vfs, DEV, 1, parent, 0755, this::names, this::lookup, false);   // devpts's root is inode 1
        dir.setOwner(0, 0);
    }

    public Dir dir() { return dir; }
    public void setSignals(Signals s) { signals = s; }
    Signals signals() { return signals; }
    Wakeup wakeup() { return vfs.wakeup(); }

    /** How many pairs exist (/proc/sys/kernel/pty/nr). */
    public int count() { return ptys.size(); }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        if (console != null) out.add("0");
        for (int i : linked.keySet()) out.add(Integer.toString(i));
        out.add("ptmx");
        return out;
    }

    private Inode lookup(String name) {
        if (name.equals("ptmx")) return ptmxHere;
        int i = Integer.parseInt(name);
        if (i == 0 && console != null) return console;
        Pty p = linked.get(i);
        return p == null ? null : p.node();
    }

    /** ptmx_open: a new pair, its slave locked until unlockpt. */
    public File openMaster(Device ptmx) {
        if (ptys.size() >= MAX) throw new FsException(Errno.ENOSPC);
        int index = console != null ? 1 : 0;
        while (ptys.containsKey(index)) index++;
        dev.vitrine.mm.KernelMemory mem = vfs.pager() == null ? null : vfs.pager().kernelMemory();
        for (int charged = 0; mem != null && charged < Pty.PAGES; charged++) {
            if (!mem.charge()) {
                mem.uncharge(charged);
                throw new FsException(Errno.ENOMEM);
            }
        }
        Pty p = new Pty(this, vfs, index);
        ptys.put(index, p);
        linked.put(index, p);
        return new PtyMaster(p, ptmx);
    }

    /** The pair that is {@code sid}'s controlling terminal, or null. */
    public Pty controlling(int sid) {
        if (sid == 0) return null;
        for (Pty p : ptys.values()) if (p.session() == sid) return p;
        return null;
    }

    /** The master closed: /dev/pts/N is gone (devpts_pty_kill). */
    void unlink(Pty p) { linked.remove(p.index()); }

    /** Both sides closed: the index is free and the buffers go back. */
    void release(Pty p) {
        if (ptys.remove(p.index()) == null) return;
        if (vfs.pager() != null) vfs.pager().kernelMemory().uncharge(Pty.PAGES);
    }
}
