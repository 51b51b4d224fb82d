package dev.vitrine.trace;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.FaultCause;
import dev.vitrine.mmu.MmuListener;

import java.util.Arrays;
import java.util.Locale;

/** The MMU's slow path as trace events (tlb_miss, walk), and every lookup to a memory-access trace when one is written. */
public final class MmuEvents implements MmuListener {
    private final Tracer tracer;
    private final boolean misses, walks;
    private final LackeyTrace lackey;

    public MmuEvents(Tracer tracer, LackeyTrace lackey) {
        this.tracer = tracer;
        this.misses = tracer.on(Category.TLB);
        this.walks = tracer.on(Category.WALK);
        this.lackey = lackey;
    }

    /** Whether the MMU needs telling at all. */
    public boolean needed() { return misses || walks || lackey != null; }

    @Override public void tlbMiss(long va, int access) {
        if (lackey != null) lackey.missed();
        if (misses) tracer.emit(new Event.TlbMiss(tracer.ns(), tracer.pid(), tracer.tid(), va, Access.name(access)));
    }

    @Override public void walked(long va, int access, long[] ptePas, long[] ptes, int n, FaultCause cause) {
        if (lackey != null && cause != null) lackey.refused();
        if (!walks) return;
        tracer.emit(new Event.Walk(tracer.ns(), tracer.pid(), tracer.tid(), va, Access.name(access), Arrays.copyOf(ptePas, n),
                Arrays.copyOf(ptes, n), cause == null ? "ok" : cause.name().toLowerCase(Locale.ROOT)));
    }

    @Override public void lookup(long va, int access) { if (lackey != null) lackey.lookup(va, access); }
    @Override public void invalidatedPage(long va, int asid) { if (lackey != null) lackey.flushPage(va); }
    @Override public void invalidatedAll(int asid) { if (lackey != null) lackey.flushAll(); }
}
