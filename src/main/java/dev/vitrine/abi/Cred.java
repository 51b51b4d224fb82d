package dev.vitrine.abi;

import java.util.Arrays;

/**
 * Linux's struct cred: who a task is. Real, effective, saved and file-system user and group
 * ids, the supplementary groups (sorted, as groups_sort leaves them) and the capability sets.
 * Immutable like the kernel's (prepare_creds/commit_creds): a change makes a new one, and fork
 * shares the parent's. The machine's user is uid and gid 1000 without capabilities; root (uid
 * 0) holds every capability, as in a kernel without user namespaces.
 */
public record Cred(int uid, int euid, int suid, int fsuid, int gid, int egid, int sgid, int fsgid,
                   int[] groups, long capEffective, long capPermitted, long capInheritable, long capBounding) {

    /** The machine's user, /etc/passwd's "user". */
    public static final int UID = 1000, GID = 1000;
    /** setgroups' NGROUPS_MAX. */
    public static final int NGROUPS_MAX = 65536;

    public static final int CAP_CHOWN = 0, CAP_DAC_OVERRIDE = 1, CAP_DAC_READ_SEARCH = 2, CAP_FOWNER = 3,
            CAP_FSETID = 4, CAP_KILL = 5, CAP_SETGID = 6, CAP_SETUID = 7, CAP_SETPCAP = 8, CAP_LINUX_IMMUTABLE = 9,
            CAP_IPC_LOCK = 14, CAP_IPC_OWNER = 15, CAP_SYS_CHROOT = 18, CAP_SYS_PTRACE = 19, CAP_SYS_ADMIN = 21,
            CAP_SYS_NICE = 23, CAP_SYS_RESOURCE = 24, CAP_SYS_TIME = 25, CAP_MKNOD = 27, CAP_LEASE = 28,
            CAP_MAC_OVERRIDE = 32, CAP_LAST_CAP = 40;
    /** Every capability this kernel knows (CAP_LAST_CAP 40, as 6.1): the bounding set. */
    public static final long CAP_FULL = (1L << (CAP_LAST_CAP + 1)) - 1;
    /** CAP_FS_SET: what a file-system uid of 0 brings and takes away (cap_raise_fs_set/cap_drop_fs_set). */
    public static final long CAP_FS_SET = bit(CAP_CHOWN) | bit(CAP_MKNOD) | bit(CAP_DAC_OVERRIDE) | bit(CAP_DAC_READ_SEARCH)
            | bit(CAP_FOWNER) | bit(CAP_FSETID) | bit(CAP_MAC_OVERRIDE) | bit(CAP_LINUX_IMMUTABLE);

    private static final int[] NONE = {};

    /** {@code groups} is taken as it is, sorted and never changed after: creds made from one share it (see withGroups). */
    public Cred {}

    /** A login as {@code uid}/{@code gid} with no supplementary groups: all of root's capabilities for uid 0, none otherwise. */
    public static Cred login(int uid, int gid) {
        long caps = uid == 0 ? CAP_FULL : 0;
        return new Cred(uid, uid, uid, uid, gid, gid, gid, gid, NONE, caps, caps, 0, CAP_FULL);
    }

    public static Cred user() { return login(UID, GID); }

    public static Cred root() { return login(0, 0); }

    public static long bit(int cap) { return 1L << cap; }

    /** capable(): the effective set holds {@code cap}. */
    public boolean capable(int cap) { return (capEffective & bit(cap)) != 0; }

    /** in_group_p: the file-system gid or a supplementary group. */
    public boolean inGroup(int g) { return fsgid == g || Arrays.binarySearch(groups, g) >= 0; }

    public int[] groups() { return groups.clone(); }

    /** The shared list itself, as an identity for the kernel's accounting of it (never to be changed). */
    public Object groupsKey() { return groups; }

    public int groupCount() { return groups.length; }

    /** A new list (setgroups): a sorted copy, which the new cred and those made from it share. */
    public Cred withGroups(int[] g) {
        int[] sorted = g.clone();
        Arrays.sort(sorted);
        return new Cred(uid, euid, suid, fsuid, gid, egid, sgid, fsgid, sorted, capEffective, capPermitted, capInheritable, capBounding);
    }

    public Cred withGids(int r, int e, int s, int fs) {
        return new Cred(uid, euid, suid, fsuid, r, e, s, fs, groups, capEffective, capPermitted, capInheritable, capBounding);
    }

    public Cred withCaps(long eff, long prm, long inh) {
        return new Cred(uid, euid, suid, fsuid, gid, egid, sgid, fsgid, groups, eff, prm, inh, capBounding);
    }

    /** PR_CAPBSET_DROP: {@code cap} leaves the bounding set, so no exec brings it back. */
    public Cred withoutBounding(int cap) {
        return new Cred(uid, euid, suid, fsuid, gid, egid, sgid, fsgid, groups, capEffective, capPermitted, capInheritable, capBounding & ~bit(cap));
    }

    /**
     * New user ids from setuid/setreuid/setresuid, with cap_emulate_setxuid: losing uid 0 from
     * all of real, effective and saved drops the permitted and effective sets; an effective uid
     * leaving 0 drops the effective set and one becoming 0 raises it to the permitted.
     */
    public Cred withUids(int r, int e, int s, int fs) {
        long eff = capEffective, prm = capPermitted;
        boolean hadRoot = uid == 0 || euid == 0 || suid == 0, hasRoot = r == 0 || e == 0 || s == 0;
        if (hadRoot && !hasRoot) eff = prm = 0;
        if (euid == 0 && e != 0) eff = 0;
        if (euid != 0 && e == 0) eff = prm;
        return new Cred(r, e, s, fs, gid, egid, sgid, fsgid, groups, eff, prm, capInheritable, capBounding);
    }

    /** setfsuid's fix-up: a file-system uid leaving 0 drops CAP_FS_SET, one becoming 0 raises it from the permitted set. */
    public Cred withFsuid(int fs) {
        long eff = capEffective;
        if (fsuid == 0 && fs != 0) eff &= ~CAP_FS_SET;
        if (fsuid != 0 && fs == 0) eff |= CAP_FS_SET & capPermitted;
        return new Cred(uid, euid, suid, fs, gid, egid, sgid, fsgid, groups, eff, capPermitted, capInheritable, capBounding);
    }

    /**
     * What execve makes of this cred (bprm_fill_uid, cap_bprm_creds_from_file for a file
     * without file capabilities): a set-uid file's owner becomes the effective uid, a
     * set-gid, group-executable file's group the effective gid; the saved and file-system ids
     * follow the effective ones. Root (real or effective uid 0) gets the bounding set and its
     * inheritable set as its permitted set (handle_privileged_root), effective only with
     * effective uid 0; anyone else keeps no capabilities.
     */
    public Cred exec(int fileUid, int fileGid, int mode) {
        int e = (mode & 04000) != 0 ? fileUid : euid;
        int eg = (mode & 02010) == 02010 ? fileGid : egid;
        long prm = e == 0 || uid == 0 ? capBounding | capInheritable : 0, eff = e == 0 ? prm : 0;
        return new Cred(uid, e, e, e, gid, eg, eg, eg, groups, eff, prm, capInheritable, capBounding);
    }

    /** access(2) without AT_EACCESS: the real ids as the file-system ids; capabilities only for a real uid 0. */
    public Cred forAccess() {
        long eff = uid == 0 ? capPermitted : 0;
        return new Cred(uid, euid, suid, uid, gid, egid, sgid, gid, groups, eff, capPermitted, capInheritable, capBounding);
    }

    /** AT_SECURE after exec: the program runs with an effective id that is not its real one (a set-id program). */
    public boolean secureExec() { return euid != uid || egid != gid; }

    @Override public boolean equals(Object o) {
        return o instanceof Cred c && uid == c.uid && euid == c.euid && suid == c.suid && fsuid == c.fsuid && gid == c.gid
                && egid == c.egid && sgid == c.sgid && fsgid == c.fsgid && Arrays.equals(groups, c.groups)
                && capEffective == c.capEffective && capPermitted == c.capPermitted && capInheritable == c.capInheritable
                && capBounding == c.capBounding;
    }

    @Override public int hashCode() { return java.util.Objects.hash(uid, euid, gid, egid, Arrays.hashCode(groups), capEffective); }

    @Override public String toString() {
        return "Cred[uid=" + uid + "," + euid + "," + suid + "," + fsuid + " gid=" + gid + "," + egid + "," + sgid + "," + fsgid
                + " groups=" + Arrays.toString(groups) + " caps=" + Long.toHexString(capEffective) + "]";
    }
}
