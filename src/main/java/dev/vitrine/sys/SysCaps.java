package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.vitrine.sys.Arg.*;

/**
 * capget and capset (kernel/capability.c) over the task's {@link Cred}: the header's version
 * says how many 32-bit words (v1 one, v2 and v3 two); an unknown one is answered with v3 in the
 * header and EINVAL (no error when there is no data to fill). capset changes only the caller,
 * within cap_capset's rules: inheritable within inheritable plus permitted (unless CAP_SETPCAP)
 * and the bounding set, permitted never grows, effective within the new permitted.
 */
final class SysCaps {
    private SysCaps() {}

    static final int V1 = 0x19980330, V2 = 0x20071026, V3 = 0x20080522;

    static void register(SyscallTable t, Services s) {
        t.add(90, "capget", (k, task, hdr, data, a2, a3, a4, a5) -> capget(k, task, hdr, data), PTR, PTR);
        t.add(91, "capset", (k, task, hdr, data, a2, a3, a4, a5) -> capset(task, hdr, data), PTR, PTR);
    }

    /** cap_validate_magic: the words to copy, or -errno (the header then says v3). */
    private static int words(Task t, long hdr) {
        byte[] v = new byte[4];
        if (!t.memory().read(hdr, v, 0, 4)) return -Errno.EFAULT;
        int version = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return switch (version) {
            case V1 -> 1;
            case V2, V3 -> 2;
            default -> t.memory().writeInt(hdr, V3) ? -Errno.EINVAL : -Errno.EFAULT;
        };
    }

    static long capget(Kernel k, Task t, long hdr, long data) {
        int n = words(t, hdr);
        if (data == 0 || n < 0) return data == 0 && n == -Errno.EINVAL ? 0 : n < 0 ? n : 0;
        byte[] p = new byte[4];
        if (!t.memory().read(hdr + 4, p, 0, 4)) return -Errno.EFAULT;
        int pid = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (pid < 0) return -Errno.EINVAL;
        Task target = pid == 0 || pid == t.tid() ? t : k.thread(pid);
        if (target == null) return -Errno.ESRCH;
        Cred c = target.cred();
        ByteBuffer b = ByteBuffer.allocate(12 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++)
            b.putInt(12 * i, (int) (c.capEffective() >>> (32 * i))).putInt(12 * i + 4, (int) (c.capPermitted() >>> (32 * i)))
                    .putInt(12 * i + 8, (int) (c.capInheritable() >>> (32 * i)));
        return t.memory().write(data, b.array()) ? 0 : -Errno.EFAULT;
    }

    static long capset(Task t, long hdr, long data) {
        int n = words(t, hdr);
        if (n < 0) return n;
        byte[] p = new byte[4];
        if (!t.memory().read(hdr + 4, p, 0, 4)) return -Errno.EFAULT;
        int pid = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (pid != 0 && pid != t.tid()) return -Errno.EPERM;
        byte[] raw = new byte[12 * n];
        if (!t.memory().read(data, raw, 0, raw.length)) return -Errno.EFAULT;
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long eff = 0, prm = 0, inh = 0;
        for (int i = 0; i < n; i++) {
            eff |= (b.getInt(12 * i) & 0xffffffffL) << (32 * i);
            prm |= (b.getInt(12 * i + 4) & 0xffffffffL) << (32 * i);
            inh |= (b.getInt(12 * i + 8) & 0xffffffffL) << (32 * i);
        }
        Cred c = t.cred();
        if (!c.capable(Cred.CAP_SETPCAP) && (inh & ~(c.capInheritable() | c.capPermitted())) != 0) return -Errno.EPERM;
        if ((inh & ~(c.capInheritable() | c.capBounding())) != 0) return -Errno.EPERM;
        if ((prm & ~c.capPermitted()) != 0) return -Errno.EPERM;
        if ((eff & ~prm) != 0) return -Errno.EPERM;
        t.setCred(c.withCaps(eff, prm, inh));
        return 0;
    }
}
