package dev.vitrine.proc;

import dev.vitrine.mm.KernelMemory;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The supplementary group lists the machine's threads hold (Linux's group_info), charged to
 * the machine's kernel memory: setgroups may make a list of 65536 ids, and a root guest could
 * give each of thousands of threads its own. A list is shared, never copied, by the creds that
 * come from it (fork, clone, set*id), so it is counted by reference and its pages go back when
 * the last thread holding it ends or changes groups. Empty lists cost nothing.
 */
final class GroupLists {
    private final java.util.function.Supplier<KernelMemory> memory;
    /** Per list: the threads holding it and the pages charged for it. */
    private final Map<Object, long[]> held = new IdentityHashMap<>();

    /** {@code memory} is asked only when a list is charged (the pager is made on first use). */
    GroupLists(java.util.function.Supplier<KernelMemory> memory) { this.memory = memory; }

    private static long pages(dev.vitrine.abi.Cred c) { return (c.groupCount() * 4L + 4095) / 4096; }

    /** Charges a list setgroups just made; false when memory and swap are full (ENOMEM). */
    boolean charge(dev.vitrine.abi.Cred c) {
        Object g = c.groupsKey();
        long n = pages(c);
        if (n == 0 || held.containsKey(g)) return true;
        KernelMemory km = memory.get();
        for (long i = 0; i < n; i++)
            if (!km.charge()) {
                km.uncharge(i);
                return false;
            }
        held.put(g, new long[] {0, n});
        return true;
    }

    /** One more thread holds {@code c}'s list. */
    void ref(dev.vitrine.abi.Cred c) {
        long[] e = held.get(c.groupsKey());
        if (e != null) e[0]++;
    }

    /** One thread fewer holds {@code c}'s list: the last gives its pages back. */
    void unref(dev.vitrine.abi.Cred c) {
        Object g = c.groupsKey();
        long[] e = held.get(g);
        if (e == null || --e[0] > 0) return;
        held.remove(g);
        memory.get().uncharge(e[1]);
    }
}
