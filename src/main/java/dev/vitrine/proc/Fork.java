package dev.vitrine.proc;

import dev.vitrine.abi.Rlimit;
import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;

import static dev.vitrine.abi.Errno.*;

/**
 * clone(2) and clone3: Linux's copy_process. A new thread joins the caller's process; a new
 * process gets a copy-on-write copy of the memory (or shares it with CLONE_VM), a copy of
 * the descriptor table (or shares it with CLONE_FILES), the signal actions and the mask.
 */
public final class Fork {
    private Fork() {}

    public static final long CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800,
            CLONE_PIDFD = 0x1000, CLONE_PTRACE = 0x2000, CLONE_VFORK = 0x4000, CLONE_PARENT = 0x8000,
            CLONE_THREAD = 0x10000, CLONE_NEWNS = 0x20000, CLONE_SYSVSEM = 0x40000, CLONE_SETTLS = 0x80000,
            CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000, CLONE_DETACHED = 0x400000,
            CLONE_UNTRACED = 0x800000, CLONE_CHILD_SETTID = 0x1000000, CLONE_IO = 0x80000000L;
    private static final long NAMESPACES = 0x7e020000L & ~CLONE_DETACHED;

    /** The arguments of clone and clone3 alike. */
    /** {@code pidfd}: where CLONE_PIDFD stores the child's pidfd (clone: the parent_tid slot; clone3: its own field). */
    public record Args(long flags, long stack, long parentTid, long tls, long childTid, int exitSignal, long pidfd) {}

    /** Returns the child's tid to the parent (the child's a0 is 0), or -errno. */
    public static long clone(Kernel k, Task parent, Args a) {
        long f = a.flags();
        if ((f & NAMESPACES) != 0) return -EINVAL;
        if ((f & CLONE_THREAD) != 0 && (f & CLONE_SIGHAND) == 0) return -EINVAL;
        if ((f & CLONE_SIGHAND) != 0 && (f & CLONE_VM) == 0) return -EINVAL;
        if ((f & CLONE_THREAD) != 0 && (f & CLONE_VFORK) != 0) return -EINVAL;
        // CLONE_PIDFD: never with CLONE_DETACHED, nor in the same slot as CLONE_PARENT_SETTID; a
        // thread's pidfd (Linux 6.9's PIDFD_THREAD) is not modelled. The slot must take the fd.
        if ((f & CLONE_PIDFD) != 0) {
            if ((f & (CLONE_DETACHED | CLONE_THREAD)) != 0) return -EINVAL;
            if ((f & CLONE_PARENT_SETTID) != 0 && a.pidfd() == a.parentTid()) return -EINVAL;
            Integer cur = Futexes.readInt(parent, a.pidfd());
            if (cur == null || !parent.memory().writeInt(a.pidfd(), cur)) return -EFAULT;
        }
        Process pp = parent.proc;
        if ((f & CLONE_THREAD) == 0 && k.processCount() >= k.maxProcesses()) {
            if (!pp.forkLimitNoted) {
                k.note("fork: process limit reached (" + k.processCount() + " processes); fork returns EAGAIN (pid "
                        + pp.pid + ", " + pp.comm + ")");
                pp.forkLimitNoted = true;
            }
            return -EAGAIN;
        }
        // RLIMIT_NPROC counts the user's tasks, threads included; root's user and CAP_SYS_RESOURCE/CAP_SYS_ADMIN pass it.
        dev.vitrine.abi.Cred cr = parent.cred;
        boolean exempt = cr.uid() == 0 || cr.capable(dev.vitrine.abi.Cred.CAP_SYS_RESOURCE) || cr.capable(dev.vitrine.abi.Cred.CAP_SYS_ADMIN);
        if (!exempt && !k.users().mayFork(pp.rlimCur[Rlimit.NPROC])) return -EAGAIN;
        k.syncContext(parent);
        Task child;
        if ((f & CLONE_THREAD) != 0) {
            child = k.addThread(pp, k.allocPid());
        } else {
            AddressSpace space = (f & CLONE_VM) != 0 ? pp.space : pp.space.fork();
            if (space == null) return -ENOMEM;
            FdTable fds = (f & CLONE_FILES) != 0 ? pp.fds : pp.fds.copy();
            Process parentOfChild = (f & CLONE_PARENT) != 0 && pp.parent != null ? pp.parent : pp;
            Process cp = new Process(k.allocPid(), parentOfChild, pp.comm, space, fds, k.clock().now());
            cp.exePath = pp.exePath;
            cp.argv = pp.argv;
            cp.bounds = pp.bounds;
            cp.startStack = pp.startStack;
            cp.pgid = pp.pgid;
            cp.sid = pp.sid;
            cp.ttyDropped = pp.ttyDropped;
            cp.nice = pp.nice;
            cp.dumpable = pp.dumpable;
            cp.exitSignal = a.exitSignal();
            System.arraycopy(pp.actions, 0, cp.actions, 0, pp.actions.length);
            System.arraycopy(pp.rlimCur, 0, cp.rlimCur, 0, pp.rlimCur.length);
            System.arraycopy(pp.rlimMax, 0, cp.rlimMax, 0, pp.rlimMax.length);
            child = k.addProcess(cp, cp.pid);
        }
        child.cred = parent.cred;
        k.groupLists.ref(child.cred);
        Context c = parent.context.copy();
        c.x[10] = 0;
        c.pc += 4;
        if (a.stack() != 0) c.x[2] = a.stack();
        if ((f & CLONE_SETTLS) != 0) c.x[4] = a.tls();
        System.arraycopy(c.x, 0, child.context.x, 0, 32);
        System.arraycopy(c.f, 0, child.context.f, 0, 32);
        child.context.pc = c.pc;
        child.context.fcsr = c.fcsr;
        child.blocked = parent.blocked;
        // A thread or CLONE_VM child must not run its handlers on the parent's alternate stack.
        if ((f & CLONE_VM) == 0 || (f & CLONE_VFORK) != 0) {
            child.altSp = parent.altSp;
            child.altSize = parent.altSize;
            child.altFlags = parent.altFlags;
        }
        if ((f & CLONE_PIDFD) != 0) {
            // After the child's copy of the table: the pidfd is the parent's alone, close-on-exec.
            var d = new dev.vitrine.fs.FileDescription(new PidFd(child.proc), dev.vitrine.abi.Fcntl.O_RDWR).withPath("anon_inode:[pidfd]");
            int fd = pp.fds.allocate(d, 0, true);
            if (fd < 0) d.release();
            parent.memory().writeInt(a.pidfd(), fd < 0 ? -1 : fd);
        }
        // Linux ignores faults on these two writes: the child exists by then.
        if ((f & CLONE_PARENT_SETTID) != 0) parent.memory().writeInt(a.parentTid(), child.tid);
        if ((f & CLONE_CHILD_SETTID) != 0) child.memory().writeInt(a.childTid(), child.tid);
        if ((f & CLONE_CHILD_CLEARTID) != 0) child.clearChildTid = a.childTid();
        k.traceProc(parent, (f & CLONE_THREAD) != 0 ? "clone" : (f & CLONE_VFORK) != 0 ? "vfork" : "fork", child.tid, child.proc.comm);
        if ((f & CLONE_VFORK) != 0) {
            child.vforkParent = parent;
            // The parent's clone returns the pid now, but the parent only runs again once the child execs or exits.
            k.sleep(parent, child, "vfork: waiting for child " + child.tid + " to exec or exit");
        }
        return child.tid;
    }
}
