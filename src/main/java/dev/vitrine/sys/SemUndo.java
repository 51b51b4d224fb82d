package dev.vitrine.sys;

import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Process;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SEM_UNDO (Linux's sem_undo lists): per process, per set, the adjustment that undoes what
 * its SEM_UNDO operations did; applied, clamped to 0..SEMVMX, when the process ends. The
 * threads of a process share one list (glibc's threads are CLONE_SYSVSEM); a fork's child
 * starts with none. Each entry is kernel memory, charged to the machine.
 */
final class SemUndo {
    private final Map<Process, Map<SemSet, short[]>> lists = new HashMap<>();
    private final dev.vitrine.mm.KernelBytes memory;
    private boolean hooked;

    SemUndo(dev.vitrine.mm.KernelBytes memory) { this.memory = memory; }

    /** find_alloc_undo: the process's adjustments for {@code set}, made on first use; null when no memory is left (ENOMEM). */
    short[] of(Kernel k, Process p, SemSet set) {
        if (!hooked) {
            k.onProcessExit(p2 -> exit(k, p2));
            hooked = true;
        }
        Map<SemSet, short[]> list = lists.computeIfAbsent(p, x -> new LinkedHashMap<>());
        short[] adj = list.get(set);
        if (adj != null) return adj;
        if (!memory.take(bytes(set))) {
            if (list.isEmpty()) lists.remove(p);
            return null;
        }
        adj = new short[set.nsems()];
        list.put(set, adj);
        return adj;
    }

    /** struct sem_undo and its adjustments. */
    private static long bytes(SemSet set) { return 64 + 2L * set.nsems(); }

    /** SETVAL and SETALL clear every process's adjustment of what they set ({@code num} -1: all). */
    void clear(SemSet set, int num) {
        for (Map<SemSet, short[]> list : lists.values()) {
            short[] adj = list.get(set);
            if (adj == null) continue;
            if (num < 0) java.util.Arrays.fill(adj, (short) 0);
            else adj[num] = 0;
        }
    }

    /** IPC_RMID: entries for the set go. */
    void removed(SemSet set) {
        for (Map<SemSet, short[]> list : lists.values())
            if (list.remove(set) != null) memory.give(bytes(set));
        lists.values().removeIf(Map::isEmpty);
    }

    /** exit_sem: each adjustment is applied, the value clamped to 0..SEMVMX, and the set's sleepers woken. */
    private void exit(Kernel k, Process p) {
        Map<SemSet, short[]> list = lists.remove(p);
        if (list == null) return;
        for (Map.Entry<SemSet, short[]> e : list.entrySet()) {
            SemSet set = e.getKey();
            short[] adj = e.getValue();
            memory.give(bytes(set));
            if (set.deleted) continue;
            boolean changed = false;
            for (int i = 0; i < adj.length; i++) {
                if (adj[i] == 0) continue;
                set.values[i] = (short) Math.max(0, Math.min(SemSet.SEMVMX, set.values[i] + adj[i]));
                set.pids[i] = p.pid();
                changed = true;
            }
            if (changed) k.wakeup(set);
        }
    }
}
