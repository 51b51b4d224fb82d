package dev.vitrine.sys;

import dev.vitrine.abi.Cred;

/**
 * What every System V IPC object has (Linux's kern_ipc_perm): its key, owner and creator,
 * mode bits and the id it was given; {@link #permits} is ipcperms and {@link #ownedBy}
 * the IPC_SET/IPC_RMID owner check.
 */
abstract class IpcObject {
    static final int IPC_PRIVATE = 0;
    int key, id, seq;
    int uid, gid, cuid, cgid;
    /** The low nine bits are the permissions; higher ones are the kind's own flags (SHM_DEST, SHM_LOCKED). */
    int mode;
    /** Removed (IPC_RMID) and gone from the table: sleepers wake to EIDRM. */
    boolean deleted;

    IpcObject(int key, int mode, Cred c) {
        this.key = key;
        this.mode = mode & 0777;
        uid = cuid = c.euid();
        gid = cgid = c.egid();
    }

    /** ipcperms: every bit asked for ({@code flag}'s rwx in any of its three triples) is granted by the owner, group or other triple, or CAP_IPC_OWNER. */
    boolean permits(Cred c, int flag) {
        int requested = ((flag >> 6) | (flag >> 3) | flag) & 7;
        int granted = mode;
        if (c.euid() == cuid || c.euid() == uid) granted >>= 6;
        else if (c.inGroup(cgid) || c.inGroup(gid)) granted >>= 3;
        return (requested & ~granted & 7) == 0 || c.capable(Cred.CAP_IPC_OWNER);
    }

    /** ipcctl_obtain_check: the creator or owner (or CAP_SYS_ADMIN) may change or remove it. */
    boolean ownedBy(Cred c) { return c.euid() == cuid || c.euid() == uid || c.capable(Cred.CAP_SYS_ADMIN); }

    /** struct ipc64_perm, 48 bytes, as IPC_STAT fills it: key, uid, gid, cuid, cgid, mode, seq. */
    void writePerm(java.nio.ByteBuffer b) {
        b.putInt(0, key).putInt(4, uid).putInt(8, gid).putInt(12, cuid).putInt(16, cgid).putInt(20, mode).putShort(24, (short) seq);
    }

    /** IPC_SET: uid, gid and the permission bits from a caller's struct ipc64_perm. */
    void setPerm(java.nio.ByteBuffer b) {
        uid = b.getInt(4);
        gid = b.getInt(8);
        mode = (mode & ~0777) | (b.getInt(20) & 0777);
    }
}
