package dev.vitrine.mm;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Pte;

/**
 * The page-fault handler (Linux's handle_mm_fault and its cases): a first touch of an
 * anonymous page (do_anonymous_page), of a file page (filemap_fault: minor when the page
 * cache has it, major when it is read in), a store to a page shared copy-on-write
 * (do_wp_page), and a page that is on swap (do_swap_page, always major).
 */
final class PageFault {
    private PageFault() {}

    static Fault handle(AddressSpace as, long va, int access) {
        Pager pager = as.pager();
        pager.sampleForLru();
        Vma v = as.find(va);
        if (v == null) v = as.growStack(va);
        if (v == null) return Fault.MAPERR;
        if (!permits(v.prot(), access)) return Fault.ACCERR;
        long page = as.pageDown(va);
        PageTable table = as.pageTable();
        long ptePa = table.walk(page, true);
        if (ptePa == PageTable.NO_MEMORY) return Fault.OOM;
        long pte = table.read(ptePa);
        if ((pte & PageTable.PROT_NONE) != 0) return Fault.ACCERR;
        if (PageTable.isSwap(pte)) return swapIn(as, v, page, ptePa, pte);
        if (Pte.valid(pte)) {
            if (access == Access.STORE && (pte & Pte.W) == 0) return writeProtected(as, v, page, ptePa, pte);
            // Another path already mapped it (or the TLB held a stale entry): just retry.
            as.shootdown().page(page);
            return Fault.HANDLED;
        }
        if (!v.anonymous()) return fileFault(as, v, page, ptePa, access);
        long f = as.frames().alloc();
        if (f == FrameAllocator.NONE) return Fault.OOM;
        as.install(ptePa, page, f, AddressSpace.pteBits(v.prot()));
        pager.anonymous(f);
        as.stats().minorFaults++;
        pager.faulted(false);
        return Fault.HANDLED;
    }

    private static Fault fileFault(AddressSpace as, Vma v, long page, long ptePa, int access) {
        Pager pager = as.pager();
        long ps = as.pageSize();
        long off = v.fileOffset(page);
        // A page wholly beyond end of file has nothing to show: SIGBUS (BUS_ADRERR).
        if (off >= as.pageUp(v.file().size()) && off < v.fileLimit()) return Fault.BUS;
        boolean[] major = {false};
        long cf = v.file().pages().get(pager, off / ps, major);
        if (cf == FrameAllocator.NONE) return Fault.OOM;
        if (major[0]) as.stats().majorFaults++;
        else { as.stats().minorFaults++; pager.referenced(cf); }
        pager.faulted(major[0]);
        long bits = AddressSpace.pteBits(v.prot());
        // An ELF segment that ends inside this page: the rest of the page is bss, so the page is private from the start.
        boolean partial = off + ps > v.fileLimit();
        if (v.shared() || (!partial && access != Access.STORE)) {
            as.frames().incRef(cf);
            as.install(ptePa, page, cf, v.shared() ? bits : bits & ~Pte.W);
            return Fault.HANDLED;
        }
        pager.pin(cf);
        long f = as.frames().alloc();
        pager.unpin(cf);
        if (f == FrameAllocator.NONE) return Fault.OOM;
        long n = partial ? Math.max(0, Math.min(ps, v.fileLimit() - off)) : ps;
        if (n > 0) pager.memory().copy(pager.pa(cf), pager.pa(f), n);
        if (!partial) {
            as.stats().cowCopies++;
            cow(as, page, cf, f);
        }
        as.install(ptePa, page, f, bits);
        pager.anonymous(f);
        return Fault.HANDLED;
    }

    /** A store to a present page without W: copy on write, or just W back (sole owner, shared mapping). */
    private static Fault writeProtected(AddressSpace as, Vma v, long page, long ptePa, long pte) {
        Pager pager = as.pager();
        long old = Pte.ppn(pte);
        long bits = AddressSpace.pteBits(v.prot());
        if (v.shared() || (as.frames().refCount(old) == 1 && pager.cacheOwner(old) == null)) {
            as.pageTable().set(ptePa, Pte.make(old, bits | (pte & (Pte.A | Pte.D))));
        } else {
            pager.pin(old);
            long f = as.frames().alloc();
            pager.unpin(old);
            if (f == FrameAllocator.NONE) return Fault.OOM;
            pager.memory().copy(pager.pa(old), pager.pa(f), as.pageSize());
            as.uninstall(page, old);
            as.install(ptePa, page, f, bits);
            pager.anonymous(f);
            as.stats().cowCopies++;
            cow(as, page, old, f);
        }
        as.shootdown().page(page);
        return Fault.HANDLED;
    }

    private static Fault swapIn(AddressSpace as, Vma v, long page, long ptePa, long pte) {
        Pager pager = as.pager();
        int slot = (int) Pte.ppn(pte);
        long f = as.frames().alloc();
        if (f == FrameAllocator.NONE) return Fault.OOM;
        // Reclaim may have run inside alloc, but it never touches a swap PTE: ours still names the slot.
        pager.swap().load(slot, pager.memory(), pager.pa(f));
        pager.swap().put(slot);
        as.swappedChange(-1);
        as.install(ptePa, page, f, AddressSpace.pteBits(v.prot()));
        pager.anonymous(f);
        as.stats().majorFaults++;
        pager.faulted(true);
        as.stats().swapIns++;
        pager.swapIns++;
        var tr = pager.tracer();
        if (tr.on(dev.vitrine.trace.Category.SWAP)) tr.emit(new dev.vitrine.trace.Event.Swap(tr.ns(), tr.pid(), tr.tid(), "in", slot, f));
        return Fault.HANDLED;
    }

    private static void cow(AddressSpace as, long page, long from, long to) {
        var tr = as.pager().tracer();
        if (tr.on(dev.vitrine.trace.Category.COW)) tr.emit(new dev.vitrine.trace.Event.Cow(tr.ns(), tr.pid(), tr.tid(), page, from, to));
    }

    static boolean permits(int prot, int access) {
        return switch (access) {
            case Access.FETCH -> (prot & Prot.EXEC) != 0;
            case Access.STORE -> (prot & Prot.WRITE) != 0;
            default -> (prot & (Prot.READ | Prot.WRITE)) != 0;
        };
    }
}
