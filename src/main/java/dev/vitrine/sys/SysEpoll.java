package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.Epoll;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.proc.Continuation;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.RestartPolicy;
import dev.vitrine.proc.SignalCalls;
import dev.vitrine.proc.Task;

import java.util.List;

import static dev.vitrine.abi.Fcntl.O_CLOEXEC;
import static dev.vitrine.abi.Fcntl.O_RDWR;
import static dev.vitrine.sys.Arg.*;

/**
 * epoll_create1, epoll_ctl, epoll_pwait and epoll_pwait2 (fs/eventpoll.c). A wait with nothing
 * ready sleeps on the epoll itself, which an item's wakeup wakes, and looks again. struct epoll_event is 16 bytes on riscv64 (events, 4 bytes of padding, data): only
 * x86-64 packs it. The signal mask is the caller's for the wait (set_user_sigmask), the old one
 * back when it ends, or after the handler of the signal that cut it short.
 */
final class SysEpoll {
    private SysEpoll() {}

    static final int EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3;
    private static final int EVENT_SIZE = 16, EP_MAX_EVENTS = Integer.MAX_VALUE / EVENT_SIZE;

    static void register(SyscallTable t, Services s) {
        t.add(20, "epoll_create1", (k, task, flags, a1, a2, a3, a4, a5) -> create(k, s, task, (int) flags), FLAGS);
        t.add(21, "epoll_ctl", (k, task, ep, op, fd, ev, a4, a5) -> ctl(task, (int) ep, (int) op, (int) fd, ev), FD, INT, FD, PTR);
        t.add(22, "epoll_pwait", Syscall.Result.DEC, Syscall.Status.PARTIAL, RestartPolicy.RESTARTNOHAND,
                (k, task, ep, ev, max, ms, mask, size) -> pwait(k, s, task, (int) ep, ev, (int) max, msDeadline(k, task, (int) ms), mask, size),
                FD, PTR, INT, INT, PTR, SIZE);
        t.add(441, "epoll_pwait2", Syscall.Result.DEC, Syscall.Status.PARTIAL, RestartPolicy.RESTARTNOHAND,
                (k, task, ep, ev, max, ts, mask, size) -> pwait(k, s, task, (int) ep, ev, (int) max, tsDeadline(k, task, ts), mask, size),
                FD, PTR, INT, PTR, PTR, SIZE);
    }

    static long create(Kernel k, Services s, Task t, int flags) {
        if ((flags & ~O_CLOEXEC) != 0) return -Errno.EINVAL;
        FileDescription f = new FileDescription(new Epoll(s.epollWatches(k), s.vfs()), O_RDWR).withPath("anon_inode:[eventpoll]");
        int fd = t.fds().allocate(f, 0, (flags & O_CLOEXEC) != 0);
        if (fd < 0) f.release();
        return fd;
    }

    static long ctl(Task t, int epfd, int op, int fd, long evVa) {
        int events = 0;
        long data = 0;
        if (op != EPOLL_CTL_DEL) {
            Long w0 = t.memory().readLong(evVa), w1 = t.memory().readLong(evVa + 8);
            if (w0 == null || w1 == null) return -Errno.EFAULT;
            events = (int) (long) w0;
            data = w1;
        }
        FileDescription ep = t.fds().get(epfd), target = t.fds().get(fd);
        if (ep == null || target == null || ep.file() instanceof dev.vitrine.fs.PathFile
                || target.file() instanceof dev.vitrine.fs.PathFile) return -Errno.EBADF;   // fdget skips O_PATH
        if (!target.file().pollable()) return -Errno.EPERM;
        if ((events & Epoll.EPOLLWAKEUP) != 0) events &= ~Epoll.EPOLLWAKEUP;   // no CAP_BLOCK_SUSPEND: dropped silently
        if ((events & Epoll.EPOLLEXCLUSIVE) != 0) {
            // ep_op_has_event: only with ADD, only with these bits, never on an epoll
            int allowed = Epoll.EPOLLEXCLUSIVE | Epoll.EPOLLIN | Epoll.EPOLLOUT | Epoll.EPOLLERR | Epoll.EPOLLHUP | 0x40 | 0x100 | 0x80 | 0x200 | Epoll.EPOLLET;
            if (op == EPOLL_CTL_MOD || (op == EPOLL_CTL_ADD && ((events & ~allowed) != 0 || target.file() instanceof Epoll))) return -Errno.EINVAL;
        }
        if (!(ep.file() instanceof Epoll e) || ep == target) return -Errno.EINVAL;
        return switch (op) {
            case EPOLL_CTL_ADD -> e.add(target, fd, events, data);
            case EPOLL_CTL_MOD -> e.modify(target, fd, events, data);
            case EPOLL_CTL_DEL -> e.delete(target, fd);
            default -> -Errno.EINVAL;
        };
    }

    /** A timeout in milliseconds as a deadline on the monotonic clock (-1: none), kept across restarts. */
    private static long msDeadline(Kernel k, Task t, int ms) {
        if (ms < 0) return -1;
        if (t.continuation() instanceof Continuation.Deadline d) return d.at();
        long at = k.clock().now() + ms * 1_000_000L;
        t.setContinuation(new Continuation.Deadline(at));
        return at;
    }

    /** epoll_pwait2's timespec: -1 none, Long.MIN_VALUE EFAULT, Long.MIN_VALUE + 1 EINVAL. */
    private static long tsDeadline(Kernel k, Task t, long va) {
        if (va == 0) return -1;
        if (t.continuation() instanceof Continuation.Deadline d) return d.at();
        Long sec = t.memory().readLong(va), nsec = t.memory().readLong(va + 8);
        if (sec == null || nsec == null) return Long.MIN_VALUE;
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) return Long.MIN_VALUE + 1;
        long at = k.clock().now() + Math.min(sec, Long.MAX_VALUE / 2_000_000_000L) * 1_000_000_000L + nsec;
        t.setContinuation(new Continuation.Deadline(at));
        return at;
    }

    static long pwait(Kernel k, Services s, Task t, int epfd, long evVa, int max, long deadline, long maskVa, long size) {
        if (deadline == Long.MIN_VALUE) return -Errno.EFAULT;
        if (deadline == Long.MIN_VALUE + 1) return -Errno.EINVAL;
        Long mask = null;
        if (maskVa != 0) {
            if (size != 8) return -Errno.EINVAL;
            mask = t.memory().readLong(maskVa);
            if (mask == null) return -Errno.EFAULT;
        }
        if (max <= 0 || max > EP_MAX_EVENTS) return -Errno.EINVAL;
        if (!Access.ok(t, evVa, (long) max * EVENT_SIZE)) return -Errno.EFAULT;
        FileDescription ep = t.fds().get(epfd);
        if (ep == null) return -Errno.EBADF;
        if (!(ep.file() instanceof Epoll e)) return -Errno.EINVAL;
        if (mask != null) SignalCalls.setUserSigmask(t, mask);
        long r = wait(k, s, t, epfd, e, evVa, max, deadline);
        if (mask != null && r != Syscall.RESTART) SignalCalls.restoreSigmask(t, r);
        return r;
    }

    private static long wait(Kernel k, Services s, Task t, int epfd, Epoll e, long evVa, int max, long deadline) {
        List<Epoll.Event> ready = e.harvest(max);
        if (ready.isEmpty()) {
            if (deadline >= 0 && k.clock().now() >= deadline) return 0;
            if (SignalCalls.signalPending(t)) return -Errno.EINTR;   // ep_poll: a signal first
            k.sleepTimed(t, e, deadline, "epoll_wait(" + epfd + ") on items none of which is ready");
            return Syscall.RESTART;
        }
        for (int i = 0; i < ready.size(); i++) {
            byte[] b = Abi.buffer(EVENT_SIZE).putInt(ready.get(i).events()).putInt(0).putLong(ready.get(i).data()).array();
            if (!t.memory().write(evVa + (long) i * EVENT_SIZE, b)) return i > 0 ? i : -Errno.EFAULT;
        }
        return ready.size();
    }
}
