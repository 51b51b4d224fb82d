package dev.vitrine.sys;

import dev.vitrine.proc.RestartPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Every syscall Vitrine implements, by number; each group of calls registers itself from its own
 * class. A group registers when a call is first looked up, groups in order until one has it:
 * making the handlers (an invokedynamic each) was a tenth of a short run's start-up, and most
 * programs call a few groups only, the first ones below. A number no group has registers them all.
 */
public final class SyscallTable {
    private final Syscall[] byNumber = new Syscall[512];
    private final Services services;
    /** How many groups, in {@link #registerNext}'s order, have registered. */
    private int registered;

    public SyscallTable(Services services) {
        this.services = services;
    }

    /** Registers the next group; false when every group has. */
    private boolean registerNext() {
        int g = registered++;
        switch (g) {
            case 0 -> SysProc.register(this, services);
            case 1 -> SysMem.register(this, services);
            case 2 -> SysFile.register(this, services);
            case 3 -> SysFsStat.register(this, services);
            case 4 -> SysPath.register(this, services);
            case 5 -> SysFsOpen.register(this, services);
            case 6 -> SysMmap.register(this, services);
            case 7 -> SysIoctl.register(this, services);
            case 8 -> SysTime.register(this, services);
            case 9 -> SysSignal.register(this, services);
            case 10 -> SysFcntl.register(this, services);
            case 11 -> SysFutex.register(this, services);
            case 12 -> SysFsOwner.register(this, services);
            case 13 -> SysPipe.register(this, services);
            case 14 -> SysPoll.register(this, services);
            case 15 -> SysFsCopy.register(this, services);
            case 16 -> SysPrctl.register(this, services);
            case 17 -> SysCred.register(this, services);
            case 18 -> SysClone.register(this, services);
            case 19 -> SysWait.register(this, services);
            case 20 -> SysSched.register(this, services);
            case 21 -> SysExec.register(this, services);
            case 22 -> SysEpoll.register(this, services);
            case 23 -> SysEventFd.register(this, services);
            case 24 -> SysSocket.register(this, services);
            case 25 -> SysMemfd.register(this, services);
            case 26 -> SysTimerFd.register(this, services);
            case 27 -> SysFadvise.register(this, services);
            case 28 -> SysShm.register(this, services);
            case 29 -> SysSem.register(this, services);
            case 30 -> SysMsg.register(this, services);
            case 31 -> SysTimer.register(this, services);
            case 32 -> SysSignalFd.register(this, services);
            case 33 -> SysPidFd.register(this, services);
            case 34 -> SysFallocate.register(this, services);
            case 35 -> SysCaps.register(this, services);
            case 36 -> SysXattr.register(this, services);
            case 37 -> SysMount.register(this, services);
            default -> {
                registered = g;
                return false;
            }
        }
        return true;
    }

    private void registerAll() {
        while (registerNext()) { }
    }

    void add(int nr, String name, Syscall.Result result, Syscall.Status status, RestartPolicy restart, Syscall.Handler h, Arg... args) {
        if (byNumber[nr] != null) throw new IllegalStateException("syscall " + nr + " registered twice");
        if (!SyscallNames.of(nr).equals(name)) throw new IllegalStateException("syscall " + nr + " is " + SyscallNames.of(nr) + ", not " + name);
        byNumber[nr] = new Syscall(nr, name, args, result, status, restart, h);
    }

    void add(int nr, String name, Syscall.Result result, Syscall.Status status, Syscall.Handler h, Arg... args) {
        add(nr, name, result, status, RestartPolicy.RESTARTSYS, h, args);
    }

    void add(int nr, String name, RestartPolicy restart, Syscall.Handler h, Arg... args) {
        add(nr, name, Syscall.Result.DEC, Syscall.Status.IMPLEMENTED, restart, h, args);
    }

    void add(int nr, String name, Syscall.Handler h, Arg... args) {
        add(nr, name, Syscall.Result.DEC, Syscall.Status.IMPLEMENTED, RestartPolicy.RESTARTSYS, h, args);
    }

    /** Tests only: row {@code nr} keeps its name and kinds but runs {@code h} (a handler that throws on purpose). */
    public void replace(int nr, Syscall.Handler h) {
        Syscall s = get(nr);
        if (s == null) throw new IllegalArgumentException("syscall " + nr + " is not in the table");
        byNumber[nr] = new Syscall(s.nr(), s.name(), s.args(), s.result(), s.status(), s.restart(), h);
    }

    /** Row {@code nr}, or null for a call Vitrine lacks (ENOSYS). */
    public Syscall get(long nr) {
        if (nr < 0 || nr >= byNumber.length) return null;
        Syscall s = byNumber[(int) nr];
        while (s == null && registerNext()) s = byNumber[(int) nr];
        return s;
    }

    public List<Syscall> all() {
        registerAll();
        List<Syscall> out = new ArrayList<>();
        for (Syscall s : byNumber) if (s != null) out.add(s);
        return out;
    }

    /** Name of any syscall number, implemented or not. */
    public static String name(long nr) { return SyscallNames.of(nr); }

    /** Every number the riscv64 ABI defines, for docs/linux-compat.md. */
    public static List<Integer> abiNumbers() {
        List<Integer> out = new ArrayList<>();
        for (int nr = 0; nr < 512; nr++) if (!SyscallNames.of(nr).startsWith("syscall_")) out.add(nr);
        return out;
    }
}
