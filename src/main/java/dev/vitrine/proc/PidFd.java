package dev.vitrine.proc;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.AnonInode;
import dev.vitrine.fs.File;
import dev.vitrine.fs.Poll;
import dev.vitrine.fs.Stat;

/**
 * A pidfd (kernel/pid.c, fs/pidfs.c): a descriptor naming one process for good, whatever
 * pid numbers are reused later. It polls readable once the process has exited (and hung up
 * once it was reaped); it cannot be read or written. pidfd_send_signal and pidfd_getfd act
 * on its process, waitid(P_PIDFD) waits for it.
 */
public final class PidFd implements File {
    private final Process target;

    public PidFd(Process target) { this.target = target; }

    public Process process() { return target; }

    @Override public long read(byte[] dst, int off, int len, long offset) { return -Errno.EINVAL; }
    @Override public long write(byte[] src, int off, int len, long offset) { return -Errno.EINVAL; }
    @Override public boolean pollable() { return true; }
    @Override public int poll() {
        return switch (target.state) {
            case ALIVE -> 0;
            case ZOMBIE -> Poll.POLLIN | Poll.POLLRDNORM;
            case REAPED -> Poll.POLLIN | Poll.POLLRDNORM | Poll.POLLHUP;
        };
    }
    /** Woken when the process exits and when it is reaped. */
    @Override public Object channel() { return target.pidfdChannel; }
    @Override public Stat stat() { return AnonInode.stat(); }
    @Override public String describe() { return "a pidfd"; }

    /** pidfd_open: the process {@code pid} leads, or -ESRCH (no such pid) / -ENOENT (a thread that leads none). */
    public static Object open(Kernel k, int pid) {
        Process p = k.process(pid);
        if (p != null) return new PidFd(p);
        return k.thread(pid) != null ? (Object) (long) -Errno.ENOENT : (Object) (long) -Errno.ESRCH;
    }

    /**
     * pidfd_send_signal: the signal to the pidfd's process ({@code info} null: SI_USER from the
     * sender). Only a process signalling itself may give a siginfo whose si_code says the
     * kernel or tkill sent it (EPERM). A reaped process is ESRCH; a zombie takes it and nothing happens.
     */
    public long send(Kernel k, Task sender, int sig, SigInfo info) {
        if (info != null && target != sender.proc && (info.code() >= 0 || info.code() == SigInfo.SI_TKILL)) return -Errno.EPERM;
        if (target.state == Process.State.REAPED) return -Errno.ESRCH;
        if (sig < 0 || sig > Signals.NSIG) return -Errno.EINVAL;
        if (!SignalCalls.mayKill(sender, target, sig)) return -Errno.EPERM;
        if (sig == 0 || target.state != Process.State.ALIVE) return 0;
        if (target == k.init()) return 0;   // SIGNAL_UNKILLABLE
        return SignalDelivery.sendProcess(k, target, info != null ? info : SigInfo.kill(sig, SigInfo.SI_USER, sender.pid(), sender.cred.uid()));
    }

    /**
     * pidfd_getfd: the description behind the process's descriptor {@code fd}, or -errno:
     * ESRCH once it is reaped, EPERM without ptrace access (another user, no CAP_SYS_PTRACE),
     * EBADF when it has no such descriptor (a zombie has none).
     */
    public Object fileOf(Task caller, int fd) {
        if (target.state == Process.State.REAPED) return (long) -Errno.ESRCH;
        dev.vitrine.abi.Cred c = caller.cred, tc = target.cred();
        boolean same = c.uid() == tc.euid() && c.uid() == tc.suid() && c.uid() == tc.uid()
                && c.gid() == tc.egid() && c.gid() == tc.sgid() && c.gid() == tc.gid();
        if (target != caller.proc && !same && !c.capable(dev.vitrine.abi.Cred.CAP_SYS_PTRACE)) return (long) -Errno.EPERM;
        if (target.state != Process.State.ALIVE || target.fds == null) return (long) -Errno.EBADF;
        var d = target.fds.get(fd);
        return d == null ? (Object) (long) -Errno.EBADF : d;
    }
}
