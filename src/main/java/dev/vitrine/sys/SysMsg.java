package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Continuation;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.RestartPolicy;
import dev.vitrine.proc.Task;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.vitrine.sys.Arg.*;

/**
 * System V message queues (ipc/msg.c): msgget, msgsnd (sleeping while the queue is full
 * unless IPC_NOWAIT), msgrcv by type (any, equal, not equal with MSG_EXCEPT, the lowest up to
 * -type, the Nth with MSG_COPY; E2BIG unless MSG_NOERROR cuts it), msgctl. Linux's limits
 * (`IpcLimits`, /proc/sys/kernel/msg*): 8192 bytes a message, 16384 bytes a queue, 32000 queues; every queued
 * message is kernel memory charged to the machine.
 */
final class SysMsg {
    private SysMsg() {}

    /** msginfo's compile-time figures: MSGPOOL, MSGMAP and MSGTQL from the default MSGMNI and MSGMNB. */
    static final int MSGPOOL = 32000 * 16384 / 1024, MSGMAP = 16384, MSGTQL = 16384;
    static final int MSG_NOERROR = 010000, MSG_EXCEPT = 020000, MSG_COPY = 040000;
    static final int IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3, MSG_STAT = 11, MSG_INFO = 12, MSG_STAT_ANY = 13;

    static void register(SyscallTable t, Services s) {
        t.add(186, "msgget", (k, task, key, flg, a2, a3, a4, a5) -> msgget(k, s, task, (int) key, (int) flg), IPC_KEY, IPC_FLAGS);
        t.add(189, "msgsnd", RestartPolicy.RESTARTNOHAND,
                (k, task, id, p, sz, flg, a4, a5) -> msgsnd(k, s, task, (int) id, p, sz, (int) flg), INT, PTR, ULEN, FLAGS);
        t.add(188, "msgrcv", RestartPolicy.RESTARTNOHAND,
                (k, task, id, p, sz, typ, flg, a5) -> msgrcv(k, s, task, (int) id, p, sz, typ, (int) flg), INT, PTR, ULEN, LONG, FLAGS);
        t.add(187, "msgctl", (k, task, id, cmd, buf, a3, a4, a5) -> msgctl(k, s, task, (int) id, (int) cmd, buf), INT, IPC_CMD, PTR);
    }

    static long msgget(Kernel k, Services s, Task t, int key, int flg) {
        return s.msg().get(t.cred(), key, flg, q -> true, () -> new MsgQueue(key, flg, t.cred(), SysSem.now(k), s.ipcLimits.msgmnb));
    }

    private static long leave(Continuation.IpcWait w, long r) {
        if (w != null) w.leave().run();
        return r;
    }

    /** The queue a call works on: the one it slept on (gone: EIDRM), else the id's. */
    private static MsgQueue queue(Services s, Continuation.IpcWait w, int id) {
        return w != null ? (MsgQueue) w.object() : s.msg().get(id);
    }

    private static long sleep(Kernel k, Task t, MsgQueue q, Continuation.IpcWait w, String why) {
        if (w == null) t.setContinuation(new Continuation.IpcWait(q, -1, () -> {}));
        k.sleep(t, q, why);
        return Syscall.RESTART;
    }

    static long msgsnd(Kernel k, Services s, Task t, int id, long p, long size, int flg) {
        Continuation.IpcWait w = t.continuation() instanceof Continuation.IpcWait x ? x : null;
        Long type = t.memory().readLong(p);
        if (type == null) return leave(w, -Errno.EFAULT);
        if (Long.compareUnsigned(size, s.ipcLimits.msgmax) > 0 || id < 0) return leave(w, -Errno.EINVAL);
        if (type < 1) return leave(w, -Errno.EINVAL);
        byte[] text = new byte[(int) size];
        if (!t.memory().read(p + 8, text, 0, text.length)) return leave(w, -Errno.EFAULT);
        MsgQueue q = queue(s, w, id);
        if (q == null) return -Errno.EINVAL;
        if (!q.permits(t.cred(), 0222)) return leave(w, -Errno.EACCES);
        if (q.deleted) return leave(w, -Errno.EIDRM);
        if (!q.fits(size)) {
            if ((flg & IpcIds.IPC_NOWAIT) != 0) return leave(w, -Errno.EAGAIN);
            return sleep(k, t, q, w, "msgsnd to a full System V message queue");
        }
        MsgQueue.Msg m = new MsgQueue.Msg(type, text);
        if (!s.ipcMemory(k).take(MsgQueue.bytes(m))) return leave(w, -Errno.ENOMEM);
        q.messages.add(m);
        q.bytes += size;
        q.lspid = t.pid();
        q.stime = SysSem.now(k);
        k.wakeup(q);
        return leave(w, 0);
    }

    static long msgrcv(Kernel k, Services s, Task t, int id, long p, long size, long type, int flg) {
        Continuation.IpcWait w = t.continuation() instanceof Continuation.IpcWait x ? x : null;
        if (id < 0 || size < 0) return leave(w, -Errno.EINVAL);
        if ((flg & MSG_COPY) != 0 && ((flg & MSG_EXCEPT) != 0 || (flg & IpcIds.IPC_NOWAIT) == 0)) return leave(w, -Errno.EINVAL);
        int mode;
        if ((flg & MSG_COPY) != 0) mode = MsgQueue.SEARCH_NUMBER;
        else if (type == 0) mode = MsgQueue.SEARCH_ANY;
        else if (type < 0) {
            type = type == Long.MIN_VALUE ? Long.MAX_VALUE : -type;
            mode = MsgQueue.SEARCH_LESSEQUAL;
        } else mode = (flg & MSG_EXCEPT) != 0 ? MsgQueue.SEARCH_NOTEQUAL : MsgQueue.SEARCH_EQUAL;
        MsgQueue q = queue(s, w, id);
        if (q == null) return -Errno.EINVAL;
        if (!q.permits(t.cred(), 0444)) return leave(w, -Errno.EACCES);
        if (q.deleted) return leave(w, -Errno.EIDRM);
        int i = q.find(type, mode);
        if (i < 0) {
            if ((flg & IpcIds.IPC_NOWAIT) != 0) return leave(w, -Errno.ENOMSG);
            return sleep(k, t, q, w, "msgrcv from a System V message queue");
        }
        MsgQueue.Msg m = q.messages.get(i);
        if (size < m.text().length && (flg & MSG_NOERROR) == 0) return leave(w, -Errno.E2BIG);
        if ((flg & MSG_COPY) == 0) {
            q.messages.remove(i);
            q.bytes -= m.text().length;
            q.rtime = SysSem.now(k);
            q.lrpid = t.pid();
            s.ipcMemory(k).give(MsgQueue.bytes(m));
            k.wakeup(q);
        }
        leave(w, 0);
        int n = (int) Math.min(size, m.text().length);
        if (!t.memory().writeLong(p, m.type()) || !t.memory().write(p + 8, m.text(), 0, n)) return -Errno.EFAULT;
        return n;
    }

    static long msgctl(Kernel k, Services s, Task t, int id, int cmd, long buf) {
        if (cmd < 0 || id < 0) return -Errno.EINVAL;
        IpcIds<MsgQueue> ids = s.msg();
        var mem = t.memory();
        ByteBuffer b = ByteBuffer.allocate(120).order(ByteOrder.LITTLE_ENDIAN);
        switch (cmd) {
            case IPC_INFO, MSG_INFO -> {
                long msgs = 0, bytes = 0;
                for (MsgQueue q : ids.all()) { msgs += q.messages.size(); bytes += q.bytes; }
                boolean info = cmd == MSG_INFO;
                IpcLimits lim = s.ipcLimits;
                b.putInt(0, info ? ids.count() : MSGPOOL).putInt(4, info ? (int) msgs : MSGMAP)
                        .putInt(8, lim.msgmax).putInt(12, lim.msgmnb).putInt(16, lim.msgmni).putInt(20, 16)
                        .putInt(24, info ? (int) bytes : MSGTQL).putShort(28, (short) 0xffff);
                return mem.write(buf, b.array(), 0, 32) ? Math.max(0, ids.maxIndex()) : -Errno.EFAULT;
            }
            case IPC_STAT, MSG_STAT, MSG_STAT_ANY -> {
                MsgQueue q = cmd == IPC_STAT ? ids.get(id) : ids.atIndex(id);
                if (q == null) return -Errno.EINVAL;
                if (cmd != MSG_STAT_ANY && !q.permits(t.cred(), 0444)) return -Errno.EACCES;
                q.writePerm(b);
                b.putLong(48, q.stime).putLong(56, q.rtime).putLong(64, q.ctime).putLong(72, q.bytes)
                        .putLong(80, q.messages.size()).putLong(88, q.qbytes).putInt(96, q.lspid).putInt(100, q.lrpid);
                if (!mem.write(buf, b.array(), 0, 120)) return -Errno.EFAULT;
                return cmd == IPC_STAT ? 0 : q.id;
            }
            case IPC_SET, IPC_RMID -> {
                if (cmd == IPC_SET && !mem.read(buf, b.array(), 0, 120)) return -Errno.EFAULT;
                MsgQueue q = ids.get(id);
                if (q == null) return -Errno.EINVAL;
                if (!q.ownedBy(t.cred())) return -Errno.EPERM;
                if (cmd == IPC_SET) {
                    long qbytes = b.getLong(88);
                    if (Long.compareUnsigned(qbytes, s.ipcLimits.msgmnb) > 0 && !t.cred().capable(dev.vitrine.abi.Cred.CAP_SYS_RESOURCE)) return -Errno.EPERM;
                    q.qbytes = qbytes;
                    q.setPerm(b);
                    q.ctime = SysSem.now(k);
                    k.wakeup(q);
                    return 0;
                }
                ids.remove(q);
                for (MsgQueue.Msg m : q.messages) s.ipcMemory(k).give(MsgQueue.bytes(m));
                q.messages.clear();
                q.bytes = 0;
                k.wakeup(q);   // its sleepers wake to EIDRM
                return 0;
            }
            default -> { return -Errno.EINVAL; }
        }
    }
}
