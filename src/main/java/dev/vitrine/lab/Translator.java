package dev.vitrine.lab;

import dev.vitrine.mm.PageTable;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.FaultCause;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.Pte;
import dev.vitrine.mmu.TlbConfig;
import dev.vitrine.mmu.Walk;
import dev.vitrine.mmu.WalkStep;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an address and, given a table, walks it level by level as the hardware does,
 * then asks the kernel's question: what kind of fault is this? The table is built as real
 * PTE bytes and walked by the machine's own {@link Mmu#explain}, so the explanation is
 * the kernel's hardware, not a second copy of it.
 */
public final class Translator {
    private Translator() {}

    public static Translation translate(Geometry g, long va, int access, PageTableSpec spec) {
        checkFits(g, va);
        long[] idx = new long[g.levels()];
        for (int l = 0; l < g.levels(); l++) idx[l] = g.index(va, l);
        if (spec == null) return new Translation(g, va, access, idx, List.of(), new Translation.NoTable());
        PageTableBuilder.Built built = PageTableBuilder.build(g, spec);
        List<Translation.Step> steps = new ArrayList<>();
        Translation.Outcome outcome = walk(g, va, access, spec, built, steps);
        return new Translation(g, va, access, idx, List.copyOf(steps), outcome);
    }

    /** Too wide for the geometry (or non-canonical for the sign-extended RISC-V layouts) is bad input. */
    static void checkFits(Geometry g, long va) {
        if (g.representable(va)) return;
        if (g.signExtended())
            throw new IllegalArgumentException("address " + Sizes.hex(va) + " is not canonical for " + g.name() + ": bits 63.."
                    + g.vaBits() + " must all equal bit " + (g.vaBits() - 1));
        throw new IllegalArgumentException("address " + Sizes.hex(va) + " is " + (64 - Long.numberOfLeadingZeros(va))
                + " bits wide; the geometry (" + g.name() + ") translates " + g.vaBits() + "-bit addresses");
    }

    /** The machine's own walker explains the walk; this only puts each entry into words. */
    private static Translation.Outcome walk(Geometry g, long va, int access, PageTableSpec spec,
                                            PageTableBuilder.Built built, List<Translation.Step> steps) {
        Mmu mmu = new Mmu(g, built.memory(), new TlbConfig(0, 1, TlbConfig.Policy.LRU, false, false, 0));
        Walk w = mmu.explain(built.rootPa(), va, access);
        String why = null;
        for (WalkStep st : w.steps()) {
            long table = st.ptePa() - st.index() * g.pteBytes();
            boolean lastStep = st == w.steps().get(w.steps().size() - 1);
            String meaning = meaning(g, st, access, lastStep && !w.ok(), built.memory().size());
            steps.add(new Translation.Step(st.level(), table, st.index(), st.ptePa(), st.pte(), meaning));
            if (lastStep && !w.ok()) why = "level " + st.level() + ": " + meaning;
        }
        if (w.ok()) {
            long pte = w.steps().get(w.steps().size() - 1).pte();
            return new Translation.Mapped(pte, w.pa() >>> g.pageBits(), w.pa(), w.pageSize(), w.setBits());
        }
        WalkStep lastStep = w.steps().isEmpty() ? null : w.steps().get(w.steps().size() - 1);
        int level = lastStep == null ? 0 : lastStep.level();
        // Only a last-level entry can be a swap entry; the kernel reads the slot from it.
        Long leaf = lastStep != null && level == g.levels() - 1 ? lastStep.pte() : null;
        return classify(g, va, access, spec, level, w.fault(), why == null ? w.fault().name() : why, leaf);
    }

    /** One entry in words, as the hardware reads it (refusal reasons follow PageWalker's checks). */
    private static String meaning(Geometry g, WalkStep st, int access, boolean refused, long memSize) {
        long pte = st.pte();
        boolean last = st.level() == g.levels() - 1;
        if (!Pte.valid(pte)) {
            if (refused && last && PageTable.isSwap(pte))
                return "V=0: not present; the kernel's SWAPPED bit is set and the PPN field holds swap slot " + Pte.ppn(pte);
            return "V=0: not present; the walk stops here";
        }
        if ((pte & (Pte.R | Pte.W)) == Pte.W) return "W=1 with R=0 is a reserved encoding: the walk stops here";
        if (!Pte.leaf(pte)) {
            long next = Pte.ppn(pte) << g.pageBits();
            if (last) return "V=1 but R=W=X=0 at the last level: malformed, the walk stops here";
            if (refused) return "next table at " + Sizes.hex(next) + " lies outside physical memory";
            return "V=1, R=W=X=0: next table at " + Sizes.hex(next);
        }
        String what = last ? "leaf: frame " + Sizes.hex(Pte.ppn(pte))
                : "leaf at level " + st.level() + ": a " + Sizes.bytes(1L << g.shift(st.level())) + " superpage from frame " + Sizes.hex(Pte.ppn(pte));
        if (!refused) return what;
        String missing = missing(pte, access);
        if (missing != null) return what + ", but " + missing;
        if (!last && (Pte.ppn(pte) & ((1L << (g.shift(st.level()) - g.pageBits())) - 1)) != 0) return what + ", but its frame is not aligned to the superpage";
        return what + ", but the frame lies outside the " + Sizes.bytes(memSize) + " of physical memory";
    }

    /** Why a user-mode {@code access} is refused by a leaf, or null if it is allowed. */
    static String missing(long pte, int access) {
        if ((pte & Pte.U) == 0) return "U=0: a user-mode access to a kernel page";
        return switch (access) {
            case Access.FETCH -> (pte & Pte.X) == 0 ? "X=0: the page is not executable" : null;
            case Access.STORE -> (pte & Pte.W) == 0 ? "W=0: a store to a read-only page" : null;
            default -> (pte & Pte.R) == 0 ? "R=0: a load from an unreadable page" : null;
        };
    }

    /** The kernel's verdict: the hardware only says "not present" or "protection". */
    static Translation.Faulted classify(Geometry g, long va, int access, PageTableSpec spec, int level, FaultCause cause, String why, Long leafPte) {
        long vpn = g.vpn(va);
        String what = Access.name(access);
        if (cause == FaultCause.NOT_PRESENT && leafPte != null && PageTable.isSwap(leafPte))
            return new Translation.Faulted(level, cause, FaultKind.MAJOR, why, "the page is in swap slot " + Pte.ppn(leafPte)
                    + ": the kernel reads it into a free frame (evicting one if none is free), maps it and retries the " + what);
        PageTableSpec.VmRegion r = region(spec, va);
        // As AddressSpace.fault decides: PROT_WRITE implies reading (W without R is reserved on RISC-V).
        long need = switch (access) { case Access.FETCH -> Pte.X; case Access.STORE -> Pte.W; default -> Pte.R | Pte.W; };
        if (r != null && (r.flags() & need) != 0 && (r.flags() & Pte.U) != 0) {
            String kernel = cause == FaultCause.NOT_PRESENT
                    ? "the address is inside region " + r.range() + " (" + PageTableSpec.letters(r.flags()) + ") but has no frame yet: the kernel allocates one (zero-filled or from the page cache), maps it and retries the " + what
                    : access == Access.STORE
                    ? "region " + r.range() + " allows stores but the page is mapped read-only: copy-on-write; the kernel copies it to a new frame, maps that writable and retries"
                    : "region " + r.range() + " allows the " + what + ": the kernel fixes the entry's permissions and retries";
            return new Translation.Faulted(level, cause, FaultKind.MINOR, why, kernel);
        }
        if (r == null && spec.maps().stream().noneMatch(m -> m.vpn() == vpn))
            return new Translation.Faulted(level, cause, FaultKind.INVALID, why, "no region contains the address: SIGSEGV (segmentation fault)");
        String allowed = r != null ? "region " + r.range() + " (" + PageTableSpec.letters(r.flags()) + ") does not allow a " + what
                : "the mapping does not allow a " + what;
        return new Translation.Faulted(level, cause, FaultKind.INVALID, why, allowed + ": SIGSEGV (segmentation fault)");
    }

    private static PageTableSpec.VmRegion region(PageTableSpec spec, long va) {
        for (PageTableSpec.VmRegion r : spec.regions())
            if (Long.compareUnsigned(va, r.range().first()) >= 0 && Long.compareUnsigned(va, r.range().last()) <= 0) return r;
        return null;
    }
}
