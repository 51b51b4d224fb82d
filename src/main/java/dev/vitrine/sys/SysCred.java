package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Cred.CAP_SETGID;
import static dev.vitrine.abi.Cred.CAP_SETUID;
import static dev.vitrine.sys.Arg.*;

/**
 * Who a task is: the get and set calls of user and group ids and supplementary groups, with
 * kernel/sys.c's rules. Without CAP_SETUID a task may only move among the ids it already has;
 * the capability sets follow as cap_emulate_setxuid says (abi.Cred). Each call changes only the
 * calling thread, as in Linux; glibc makes a process's threads agree (its SIGSETXID broadcast).
 */
final class SysCred {
    private SysCred() {}

    /** (uid_t) -1: "leave it" in setre*id/setres*id, and no valid id for setuid/setgid (EINVAL). */
    private static final int KEEP = -1;

    static void register(SyscallTable t, Services s) {
        t.add(174, "getuid", (k, task, a0, a1, a2, a3, a4, a5) -> id(task.cred().uid()));
        t.add(175, "geteuid", (k, task, a0, a1, a2, a3, a4, a5) -> id(task.cred().euid()));
        t.add(176, "getgid", (k, task, a0, a1, a2, a3, a4, a5) -> id(task.cred().gid()));
        t.add(177, "getegid", (k, task, a0, a1, a2, a3, a4, a5) -> id(task.cred().egid()));
        t.add(148, "getresuid", (k, task, r, e, sv, a3, a4, a5) -> {
            Cred c = task.cred();
            return putIds(task, r, c.uid(), e, c.euid(), sv, c.suid());
        }, PTR, PTR, PTR);
        t.add(150, "getresgid", (k, task, r, e, sv, a3, a4, a5) -> {
            Cred c = task.cred();
            return putIds(task, r, c.gid(), e, c.egid(), sv, c.sgid());
        }, PTR, PTR, PTR);
        t.add(146, "setuid", (k, task, u, a1, a2, a3, a4, a5) -> setuid(k, task, (int) u), INT);
        t.add(144, "setgid", (k, task, g, a1, a2, a3, a4, a5) -> setgid(k, task, (int) g), INT);
        t.add(145, "setreuid", (k, task, r, e, a2, a3, a4, a5) -> setreuid(k, task, (int) r, (int) e), INT, INT);
        t.add(143, "setregid", (k, task, r, e, a2, a3, a4, a5) -> setregid(k, task, (int) r, (int) e), INT, INT);
        t.add(147, "setresuid", (k, task, r, e, sv, a3, a4, a5) -> setresuid(k, task, (int) r, (int) e, (int) sv), INT, INT, INT);
        t.add(149, "setresgid", (k, task, r, e, sv, a3, a4, a5) -> setresgid(k, task, (int) r, (int) e, (int) sv), INT, INT, INT);
        t.add(151, "setfsuid", (k, task, u, a1, a2, a3, a4, a5) -> setfsuid(k, task, (int) u), INT);
        t.add(152, "setfsgid", (k, task, g, a1, a2, a3, a4, a5) -> setfsgid(k, task, (int) g), INT);
        t.add(158, "getgroups", (k, task, n, list, a2, a3, a4, a5) -> getgroups(task, (int) n, list), INT, PTR);
        t.add(159, "setgroups", (k, task, n, list, a2, a3, a4, a5) -> setgroups(k, task, (int) n, list), INT, PTR);
    }

    /** An id is an unsigned 32-bit number. */
    private static long id(int v) { return v & 0xffff_ffffL; }

    private static long putIds(Task t, long ra, int r, long ea, int e, long sa, int s) {
        if (!t.memory().writeInt(ra, r) || !t.memory().writeInt(ea, e) || !t.memory().writeInt(sa, s)) return -Errno.EFAULT;
        return 0;
    }

    static long setuid(Kernel k, Task t, int uid) {
        if (uid == KEEP) return -Errno.EINVAL;
        Cred c = t.cred();
        if (c.capable(CAP_SETUID)) k.commitCred(t, c.withUids(uid, uid, uid, uid));
        else if (uid == c.uid() || uid == c.suid()) k.commitCred(t, c.withUids(c.uid(), uid, c.suid(), uid));
        else return -Errno.EPERM;
        return 0;
    }

    static long setgid(Kernel k, Task t, int gid) {
        if (gid == KEEP) return -Errno.EINVAL;
        Cred c = t.cred();
        if (c.capable(CAP_SETGID)) k.commitCred(t, c.withGids(gid, gid, gid, gid));
        else if (gid == c.gid() || gid == c.sgid()) k.commitCred(t, c.withGids(c.gid(), gid, c.sgid(), gid));
        else return -Errno.EPERM;
        return 0;
    }

    /** A new real id must be the real or effective one; a new effective id any of the three; the saved id follows the effective one when the real id is set or the effective one leaves it. */
    static long setreuid(Kernel k, Task t, int ruid, int euid) {
        Cred c = t.cred();
        boolean cap = c.capable(CAP_SETUID);
        int r = c.uid(), e = c.euid(), s = c.suid();
        if (ruid != KEEP) {
            if (ruid != c.uid() && ruid != c.euid() && !cap) return -Errno.EPERM;
            r = ruid;
        }
        if (euid != KEEP) {
            if (euid != c.uid() && euid != c.euid() && euid != c.suid() && !cap) return -Errno.EPERM;
            e = euid;
        }
        if (ruid != KEEP || euid != KEEP && euid != c.uid()) s = e;
        k.commitCred(t, c.withUids(r, e, s, e));
        return 0;
    }

    static long setregid(Kernel k, Task t, int rgid, int egid) {
        Cred c = t.cred();
        boolean cap = c.capable(CAP_SETGID);
        int r = c.gid(), e = c.egid(), s = c.sgid();
        if (rgid != KEEP) {
            if (rgid != c.gid() && rgid != c.egid() && !cap) return -Errno.EPERM;
            r = rgid;
        }
        if (egid != KEEP) {
            if (egid != c.gid() && egid != c.egid() && egid != c.sgid() && !cap) return -Errno.EPERM;
            e = egid;
        }
        if (rgid != KEEP || egid != KEEP && egid != c.gid()) s = e;
        k.commitCred(t, c.withGids(r, e, s, e));
        return 0;
    }

    /** Without CAP_SETUID each new id must be one of the current real, effective and saved ids; nothing to change (the file-system id too) is 0 at once. */
    static long setresuid(Kernel k, Task t, int ruid, int euid, int suid) {
        Cred c = t.cred();
        if ((ruid == KEEP || ruid == c.uid()) && (euid == KEEP || euid == c.euid() && euid == c.fsuid()) && (suid == KEEP || suid == c.suid())) return 0;
        if ((isNew(ruid, c.uid(), c.euid(), c.suid()) || isNew(euid, c.uid(), c.euid(), c.suid())
                || isNew(suid, c.uid(), c.euid(), c.suid())) && !c.capable(CAP_SETUID)) return -Errno.EPERM;
        int e = euid == KEEP ? c.euid() : euid;
        k.commitCred(t, c.withUids(ruid == KEEP ? c.uid() : ruid, e, suid == KEEP ? c.suid() : suid, e));
        return 0;
    }

    static long setresgid(Kernel k, Task t, int rgid, int egid, int sgid) {
        Cred c = t.cred();
        if ((rgid == KEEP || rgid == c.gid()) && (egid == KEEP || egid == c.egid() && egid == c.fsgid()) && (sgid == KEEP || sgid == c.sgid())) return 0;
        if ((isNew(rgid, c.gid(), c.egid(), c.sgid()) || isNew(egid, c.gid(), c.egid(), c.sgid())
                || isNew(sgid, c.gid(), c.egid(), c.sgid())) && !c.capable(CAP_SETGID)) return -Errno.EPERM;
        int e = egid == KEEP ? c.egid() : egid;
        k.commitCred(t, c.withGids(rgid == KEEP ? c.gid() : rgid, e, sgid == KEEP ? c.sgid() : sgid, e));
        return 0;
    }

    private static boolean isNew(int v, int a, int b, int c) { return v != KEEP && v != a && v != b && v != c; }

    /** setfsuid answers the old file-system uid whether or not it changed anything. */
    static long setfsuid(Kernel k, Task t, int uid) {
        Cred c = t.cred();
        int old = c.fsuid();
        if (uid != KEEP && (uid == c.uid() || uid == c.euid() || uid == c.suid() || uid == c.fsuid() || c.capable(CAP_SETUID))
                && uid != old) k.commitCred(t, c.withFsuid(uid));
        return id(old);
    }

    static long setfsgid(Kernel k, Task t, int gid) {
        Cred c = t.cred();
        int old = c.fsgid();
        if (gid != KEEP && (gid == c.gid() || gid == c.egid() || gid == c.sgid() || gid == c.fsgid() || c.capable(CAP_SETGID))
                && gid != old) k.commitCred(t, c.withGids(c.gid(), c.egid(), c.sgid(), gid));
        return id(old);
    }

    /** getgroups(0, _) counts; a smaller list is EINVAL; the groups go out sorted. */
    static long getgroups(Task t, int size, long list) {
        if (size < 0) return -Errno.EINVAL;
        int[] g = t.cred().groups();
        if (size == 0) return g.length;
        if (g.length > size) return -Errno.EINVAL;
        if (g.length > 0 && !t.memory().write(list, ints(g))) return -Errno.EFAULT;
        return g.length;
    }

    static long setgroups(Kernel k, Task t, int size, long list) {
        Cred c = t.cred();
        if (!c.capable(CAP_SETGID)) return -Errno.EPERM;
        if (Integer.compareUnsigned(size, Cred.NGROUPS_MAX) > 0) return -Errno.EINVAL;
        int[] g = new int[size];
        if (size > 0) {
            byte[] raw = new byte[size * 4];
            if (!t.memory().read(list, raw, 0, raw.length)) return -Errno.EFAULT;
            java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(g);
        }
        // groups_alloc: the list is kernel memory (up to 256 KiB)
        return k.setGroups(t, c.withGroups(g)) ? 0 : -Errno.ENOMEM;
    }

    private static byte[] ints(int[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int x : v) b.putInt(x);
        return b.array();
    }
}
