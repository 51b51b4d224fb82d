package dev.vitrine.sys;

import dev.vitrine.proc.RestartPolicy;

import java.util.ArrayList;
import java.util.List;

/** Every syscall Vitrine implements, by number; each group of calls registers itself from its own class. */
public final class SyscallTable {
    private final Syscall[] byNumber = new Syscall[512];

    public SyscallTable(Services services) {
        SysFile.register(this, services);
        SysFsOpen.register(this, services);
        SysFsStat.register(this, services);
        SysFsOwner.register(this, services);
        SysPath.register(this, services);
        SysMount.register(this, services);
        SysFcntl.register(this, services);
        SysIoctl.register(this, services);
        SysPipe.register(this, services);
        SysPoll.register(this, services);
        SysFsCopy.register(this, services);
        SysMem.register(this, services);
        SysMmap.register(this, services);
        SysProc.register(this, services);
        SysPrctl.register(this, services);
        SysCred.register(this, services);
        SysTime.register(this, services);
        SysClone.register(this, services);
        SysWait.register(this, services);
        SysSignal.register(this, services);
        SysSched.register(this, services);
        SysFutex.register(this, services);
        SysExec.register(this, services);
        SysEpoll.register(this, services);
        SysEventFd.register(this, services);
        SysSocket.register(this, services);
        SysMemfd.register(this, services);
        SysTimerFd.register(this, services);
        SysFadvise.register(this, services);
        SysShm.register(this, services);
        SysSem.register(this, services);
        SysMsg.register(this, services);
        SysTimer.register(this, services);
        SysSignalFd.register(this, services);
        SysPidFd.register(this, services);
        SysFallocate.register(this, services);
        SysCaps.register(this, services);
        SysXattr.register(this, services);
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
        Syscall s = byNumber[nr];
        if (s == null) throw new IllegalArgumentException("syscall " + nr + " is not in the table");
        byNumber[nr] = new Syscall(s.nr(), s.name(), s.args(), s.result(), s.status(), s.restart(), h);
    }

    public Syscall get(long nr) { return nr >= 0 && nr < byNumber.length ? byNumber[(int) nr] : null; }

    public List<Syscall> all() {
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
