package dev.vitrine.fs;

import dev.vitrine.abi.Cred;

import static dev.vitrine.abi.Cred.*;

/**
 * Linux's permission checks on an inode for a task's credentials: generic_permission (owner,
 * group or other bits, then the capabilities that override them), the sticky-directory rule
 * and inode_owner_or_capable.
 */
public final class Permission {
    private Permission() {}

    public static final int MAY_EXEC = 1, MAY_WRITE = 2, MAY_READ = 4;
    public static final int S_ISUID = 04000, S_ISGID = 02000, S_ISVTX = 01000, S_IXGRP = 010, S_IXUGO = 0111;

    /**
     * generic_permission: the owner's bits for the file-system uid, the group's for a member,
     * else the others'. Then CAP_DAC_READ_SEARCH passes reading anything and searching a
     * directory, CAP_DAC_OVERRIDE anything on a directory and reading or writing a file, but
     * executing a file only if some execute bit is set.
     */
    public static boolean permits(Cred c, Inode i, int mask) {
        mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
        int mode = i.perm();
        int bits = c.fsuid() == i.uid() ? mode >> 6 : c.inGroup(i.gid()) ? mode >> 3 : mode;
        if ((bits & mask) == mask) return true;
        if (i instanceof Dir) {
            if ((mask & MAY_WRITE) == 0 && c.capable(CAP_DAC_READ_SEARCH)) return true;
            return c.capable(CAP_DAC_OVERRIDE);
        }
        if (mask == MAY_READ && c.capable(CAP_DAC_READ_SEARCH)) return true;
        return ((mask & MAY_EXEC) == 0 || (mode & S_IXUGO) != 0) && c.capable(CAP_DAC_OVERRIDE);
    }

    /** A lookup in {@code d}: search (execute) permission on it. */
    public static void search(Cred c, Dir d) {
        if (!permits(c, d, MAY_EXEC)) throw new FsException(dev.vitrine.abi.Errno.EACCES);
    }

    /** check_sticky: in a sticky directory only the file's owner, the directory's owner or CAP_FOWNER removes or renames a name. */
    public static boolean stickyDenies(Cred c, Dir d, Inode i) {
        if ((d.perm() & S_ISVTX) == 0) return false;
        if (i.uid() == c.fsuid() || d.uid() == c.fsuid()) return false;
        return !c.capable(CAP_FOWNER);
    }

    /** inode_owner_or_capable: chmod, utimes with explicit times and the like. */
    public static boolean ownerOrCapable(Cred c, Inode i) { return c.fsuid() == i.uid() || c.capable(CAP_FOWNER); }

    /** in_group_or_capable: whether a set-gid bit may stay (chmod, creation in a set-gid directory). */
    public static boolean inGroupOrCapable(Cred c, int gid) { return c.inGroup(gid) || c.capable(CAP_FSETID); }

    /**
     * should_remove_suid at a write or truncation: a regular file loses set-uid, and set-gid when
     * group-executable or not of the writer's groups, unless the writer has CAP_FSETID.
     */
    public static int killOnWrite(Cred c, Inode i) {
        int mode = i.perm(), kill = 0;
        if ((mode & S_ISUID) != 0) kill |= S_ISUID;
        if ((mode & S_ISGID) != 0 && ((mode & S_IXGRP) != 0 || !inGroupOrCapable(c, i.gid()))) kill |= S_ISGID;
        return kill != 0 && i.type() == Stat.S_IFREG && !c.capable(CAP_FSETID) ? kill : 0;
    }

    /**
     * inode_init_owner and mode_strip_sgid: a new inode belongs to the file-system uid and gid,
     * or to a set-gid directory's group (a new directory keeps the set-gid bit too); a
     * group-executable set-gid file made there by a non-member without CAP_FSETID loses it.
     */
    public static void initOwner(Cred c, Dir parent, Inode i) {
        if (parent instanceof HostDir) return;        // a host mount's files all show as the guest's user (docs/linux-compat.md)
        int mode = i.perm();
        if ((parent.perm() & S_ISGID) != 0) {
            i.setOwner(c.fsuid(), parent.gid());
            if (i instanceof Dir) mode |= S_ISGID;
            else if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) && !inGroupOrCapable(c, parent.gid())) mode &= ~S_ISGID;
        } else i.setOwner(c.fsuid(), c.fsgid());
        if (mode != i.perm()) i.chmod(mode, i.mtime());
    }
}
