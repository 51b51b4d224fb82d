package dev.vitrine.fs;

import java.util.function.LongSupplier;

/**
 * The machine's one file tree: the root, inode numbers, the clock for times, and the
 * wakeup that pipes and FIFOs call. Everything in it is in memory unless a host directory
 * is mounted (see {@link Mounts}).
 */
public final class Vfs {
    /** st_dev of the in-memory tree, /proc, pipes and /dev (as Linux numbers anonymous devices). */
    public static final long TMPFS_DEV = Stat.makedev(0, 0x1a), PROC_DEV = Stat.makedev(0, 0x15),
            PIPEFS_DEV = Stat.makedev(0, 0xd), DEVTMPFS_DEV = Stat.makedev(0, 0x5);

    private final LongSupplier clock;
    private final Wakeup wakeup;
    private final Object pollChannel = new Object();
    /** epoll's entries on watched files' channels. */
    private final PollWatchers pollWatchers = new PollWatchers();
    /** The machine's page cache owner (mm); null until Boot sets it (then file I/O goes through frames). */
    private dev.vitrine.mm.Pager pager;
    private long nextIno = 1;
    private long tmpfsInodes;
    /** The in-memory tree's space: its size limit and the machine it charges. */
    private Tmpfs tmpfs = Tmpfs.unlimited();
    private PipeBudget pipeBudget;
    private long nextHostDev = 0x30;
    private final MemDir root;
    /** Each --mount by its guest st_dev, for statfs and the read-only check of chown. */
    private final java.util.Map<Long, HostMount> hostMounts = new java.util.HashMap<>();

    /** A host mount's root handle (whose fd stays open) and whether it is writable. */
    record HostMount(HostHandle root, boolean writable) {}

    /** {@code realtimeNs}: the virtual wall clock (file times). */
    public Vfs(LongSupplier realtimeNs, Wakeup sleepers) {
        this.clock = realtimeNs;
        // Every wakeup also pings the poll channel: a ppoll/select waiter rechecks its descriptors.
        this.wakeup = new Wakeup() {
            @Override public void wakeup(Object channel) { wakeup(channel, 0); }

            @Override public void wakeup(Object channel, int events) {
                sleepers.wakeup(channel);
                pollWatchers.fire(channel, events);
                sleepers.wakeup(pollChannel);
            }

            @Override public boolean waiting(Object channel) { return sleepers.waiting(channel); }
        };
        this.root = new MemDir(this, TMPFS_DEV, 0755, null);
        root.link();                   // the root's ".." is itself
    }

    public MemDir root() { return root; }
    public long now() { return clock.getAsLong(); }
    public dev.vitrine.mm.Pager pager() { return pager; }

    /** /dev/pts and /dev/ptmx (null until the boot tree has /dev). */
    private Devpts devpts;
    public Devpts devpts() { return devpts; }
    void setDevpts(Devpts d) { devpts = d; }
    public void setPager(dev.vitrine.mm.Pager p) { pager = p; }
    public Wakeup wakeup() { return wakeup; }
    public Tmpfs tmpfs() { return tmpfs; }
    /** Limits the in-memory tree to {@code maxBytes} and charges its pages to the pager's machine; before any file is made. */
    public void setTmpfs(long maxBytes) {
        tmpfs = new Tmpfs(maxBytes, pager == null ? dev.vitrine.mm.KernelPages.heap() : pager.kernelMemory());
    }
    /** Every pipe's slots and pages are counted here; made with the machine's memory on first use. */
    private dev.vitrine.trace.Tracer tracer = dev.vitrine.trace.Tracer.OFF;
    /** The machine's event stream, for pipes and FIFOs to report their traffic. */
    public void setTracer(dev.vitrine.trace.Tracer t) { tracer = t; }
    public dev.vitrine.trace.Tracer tracer() { return tracer; }

    public PipeBudget pipeBudget() {
        if (pipeBudget == null) pipeBudget = new PipeBudget(pager == null ? dev.vitrine.mm.KernelPages.heap() : pager.kernelMemory());
        return pipeBudget;
    }
    /** The tmpfs mounts made at run time, by device. */
    private final java.util.Map<Long, TmpfsMount> tmpfsMounts = new java.util.HashMap<>();
    void addTmpfsMount(TmpfsMount m) { tmpfsMounts.put(m.dev(), m); }
    void removeTmpfsMount(TmpfsMount m) { tmpfsMounts.remove(m.dev()); }
    TmpfsMount tmpfsMount(long dev) { return tmpfsMounts.get(dev); }
    /** How many mounts the table holds (count_mounts checks it against fs.mount-max). */
    public int mountCount() { return mounts.size(); }

    /** The run-time tmpfs mount whose root {@code d} is, or null. */
    public TmpfsMount tmpfsMountOf(Inode d) {
        if (tmpfsMounts.isEmpty()) return null;
        TmpfsMount m = tmpfsMounts.get(d.dev());
        return m != null && m.root() == d ? m : null;
    }

    /** The mounts, as /proc/PID/mounts and mountinfo show them. */
    private final MountTable mounts = new MountTable();
    MountTable mounts() { return mounts; }

    /** /proc/sys/kernel's files that the layers above keep (the IPC limits), by name. */
    private final java.util.Map<String, Sysctl> kernelSysctls = new java.util.TreeMap<>();

    /** Adds /proc/sys/kernel/{@code name}. */
    public void addKernelSysctl(String name, Sysctl s) { kernelSysctls.put(name, s); }
    java.util.Map<String, Sysctl> kernelSysctls() { return kernelSysctls; }

    private java.util.function.Function<String, String> sysvipc = n -> "";

    /** /proc/sysvipc/{shm,sem,msg}: the tables as ipcs reads them, from the layer that keeps System V IPC. */
    public void setSysvipc(java.util.function.Function<String, String> f) { sysvipc = f; }
    String sysvipc(String name) { return sysvipc.apply(name); }

    private dev.vitrine.mm.KernelBytes xattrSpace;

    /** What every in-memory inode's extended attributes hold, charged to the machine's memory. */
    public dev.vitrine.mm.KernelBytes xattrSpace() {
        if (xattrSpace == null) xattrSpace = new dev.vitrine.mm.KernelBytes(pager == null ? null : pager.kernelMemory());
        return xattrSpace;
    }

    public long nextIno() { return nextIno++; }
    /** How many inodes the in-memory tree has made (statfs's inodes in use: an upper bound, unlinked ones still count). */
    long inodesMade() { return tmpfsInodes; }
    void inodeMade(long dev) { if (dev == TMPFS_DEV) tmpfsInodes++; }
    void addHostMount(long dev, HostHandle root, boolean writable) { hostMounts.put(dev, new HostMount(root, writable)); }
    HostMount hostMount(long dev) { return hostMounts.get(dev); }

    /** Whether the file system of a file with st_dev {@code dev} is mounted read-only (a --mount without rw). */
    public boolean readOnlyMount(long dev) {
        HostMount m = hostMounts.get(dev);
        return m != null && !m.writable();
    }
    public PollWatchers pollWatchers() { return pollWatchers; }
    /** AF_UNIX's abstract names (a leading NUL): bound sockets by name, the machine's one namespace. */
    private final java.util.Map<String, UnixSocket> abstractSockets = new java.util.HashMap<>();
    java.util.Map<String, UnixSocket> abstractSockets() { return abstractSockets; }
    /** Where ppoll and pselect6 sleep. */
    public Object pollChannel() { return pollChannel; }
    long nextHostDev() { return Stat.makedev(0, (int) nextHostDev++); }

    /** Makes every missing directory of an absolute path; returns the last. */
    public Dir mkdirs(String path, int perm) {
        Dir d = root;
        for (String c : path.split("/")) {
            if (c.isEmpty()) continue;
            Inode i = d.lookup(c);
            d = i instanceof Dir sub ? sub : d.createDir(c, perm);
        }
        return d;
    }

    /** Creates (or replaces the contents of) a regular file at an absolute path. */
    public RegularFile writeFile(String path, byte[] data, int perm) {
        int slash = path.lastIndexOf('/');
        Dir d = mkdirs(path.substring(0, slash), 0755);
        String name = path.substring(slash + 1);
        RegularFile f = d.lookup(name) instanceof RegularFile r ? r : d.createFile(name, perm);
        f.truncate(0);
        f.write(0, data, 0, data.length);
        f.setName(path);
        return f;
    }
}
