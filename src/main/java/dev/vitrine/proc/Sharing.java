package dev.vitrine.proc;

import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Who shares what among processes (Linux's mm_users and files_struct count): how many live
 * processes use an address space (vfork and CLONE_VM children) or a descriptor table
 * (CLONE_FILES), so the last one out frees it, and the ASID each address space runs under
 * (its first process's pid).
 */
final class Sharing {
    private final Map<AddressSpace, Integer> spaceUsers = new IdentityHashMap<>();
    private final Map<FdTable, Integer> fdUsers = new IdentityHashMap<>();
    private final Map<AddressSpace, Integer> asids = new IdentityHashMap<>();

    void useSpace(AddressSpace s) { spaceUsers.merge(s, 1, Integer::sum); }

    int spaceUsers(AddressSpace s) { return spaceUsers.getOrDefault(s, 0); }

    /** Whether a live process runs the program in {@code file} (the inode its image was mapped from). */
    boolean runsProgram(Object file) {
        for (AddressSpace s : spaceUsers.keySet()) if (s.exeFile() == file) return true;
        return false;
    }

    /** Drops one user; true when that was the last, and the space has no ASID any more. */
    boolean dropSpace(AddressSpace s) {
        if (spaceUsers.merge(s, -1, Integer::sum) > 0) return false;
        spaceUsers.remove(s);
        asids.remove(s);
        return true;
    }

    /** The space runs under {@code pid}'s ASID unless it has one already (a CLONE_VM child shares its parent's). */
    void nameSpace(AddressSpace s, int pid) { if (s != null) asids.putIfAbsent(s, pid); }

    /** The ASID an address space runs under, or -1 if it has none. */
    int asidOf(AddressSpace s) { return asids.getOrDefault(s, -1); }

    void useFds(FdTable f) { fdUsers.merge(f, 1, Integer::sum); }

    int fdUsers(FdTable f) { return fdUsers.getOrDefault(f, 0); }

    /** Drops one user; true when that was the last. */
    boolean dropFds(FdTable f) {
        if (fdUsers.merge(f, -1, Integer::sum) > 0) return false;
        fdUsers.remove(f);
        return true;
    }
}
