package dev.vitrine.proc;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.AnonInode;
import dev.vitrine.fs.File;
import dev.vitrine.fs.Poll;
import dev.vitrine.fs.Stat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * signalfd (fs/signalfd.c): a descriptor that reads the reader's own pending signals of its
 * mask as 128-byte signalfd_siginfo records (the thread's own first, then the process's), as
 * many as fit and are pending, waiting while there are none. Like Linux's, it reads whoever
 * reads it: after fork the child's signals. Sends of any signal wake its readers and pollers
 * through the process's signalfd channel.
 */
public final class SignalFd implements File {
    private final Kernel k;
    private final Process owner;
    private volatile long mask;

    public SignalFd(Kernel k, Task creator, long mask) {
        this.k = k;
        this.owner = creator.proc;
        this.mask = mask;
    }

    /** signalfd4 on an existing signalfd: a new mask (SIGKILL and SIGSTOP never). */
    public void setMask(long m) {
        mask = m & ~Signals.UNBLOCKABLE;
        Process p = reader().proc;
        k.signalfdWakeup(p);
    }

    public long mask() { return mask; }

    private Task reader() {
        Task t = k.current();
        return t != null ? t : owner.threads.isEmpty() ? null : owner.threads.get(0);
    }

    private static long pending(Task t) { return t == null ? 0 : t.pending.set() | t.proc.shared.set(); }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (len < 128) return -Errno.EINVAL;
        Task t = reader();
        int n = 0;
        while (n + 128 <= len) {
            long own = t.pending.set() & mask, shared = t.proc.shared.set() & mask;
            if ((own | shared) == 0) break;
            SigPending from = own != 0 ? t.pending : t.proc.shared;
            int sig = Long.numberOfTrailingZeros(own != 0 ? own : shared) + 1;
            SigInfo info = from.take(sig, k.users());
            if (info.kind() == SigInfo.Kind.TIMER) info = PosixTimers.delivered(k, t.proc, info);
            if (info == null) continue;   // a stale timer signal
            encode(info, dst, off + n);
            n += 128;
        }
        return n == 0 ? -Errno.EAGAIN : n;
    }

    /** signalfd_copyinfo: the fields the siginfo's layout has. */
    private static void encode(SigInfo i, byte[] dst, int off) {
        ByteBuffer b = ByteBuffer.wrap(dst, off, 128).slice().order(ByteOrder.LITTLE_ENDIAN);
        for (int x = 0; x < 128; x += 8) b.putLong(x, 0);
        b.putInt(0, i.signo()).putInt(4, 0).putInt(8, i.code());
        switch (i.kind()) {
            case KILL -> b.putInt(12, i.pid()).putInt(16, i.uid());
            case QUEUE -> b.putInt(12, i.pid()).putInt(16, i.uid()).putInt(44, (int) i.value()).putLong(48, i.value());
            case TIMER -> b.putInt(24, i.pid()).putInt(32, i.uid()).putInt(44, (int) i.value()).putLong(48, i.value());
            case CHILD -> b.putInt(12, i.pid()).putInt(16, i.uid()).putInt(40, i.status());
            case FAULT -> b.putLong(72, i.addr());
            case POLL -> b.putInt(28, (int) i.addr()).putInt(20, i.status());
        }
    }

    @Override public long write(byte[] src, int off, int len, long offset) { return -Errno.EINVAL; }
    @Override public boolean messages() { return true; }
    @Override public boolean pollable() { return true; }
    @Override public int poll() { return (pending(reader()) & mask) != 0 ? Poll.POLLIN | Poll.POLLRDNORM : 0; }
    /** The reading process's signalfd wait queue (sighand->signalfd_wqh). */
    @Override public Object channel() {
        Task t = reader();
        return (t != null ? t.proc : owner).signalfdChannel;
    }
    @Override public Stat stat() { return AnonInode.stat(); }
    @Override public String describe() { return "a signalfd"; }
}
