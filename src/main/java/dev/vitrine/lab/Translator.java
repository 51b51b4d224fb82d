package dev.vitrine.lab;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.FaultCause;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.Pte;
import dev.vitrine.mmu.TlbConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an address and, given a table, walks it level by level as the hardware does,
 * then asks the kernel's question: what kind of fault is this? The table is built as real
 * PTE bytes and the result is checked against the machine's own {@link Mmu}, so the
 * explanation can never drift from what the kernel runs.
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
        crossCheck(g, va, access, built, outcome);
        return new Translation(g, va, access, idx, List.copyOf(steps), outcome);
    }

    /** Too wide for the geometry (or non-canonical for the sign-extended RISC-V layouts) is bad input. */
    static void checkFits(Geometry g, long va) {
        if (g.representable(va)) return;
        if (g.signExtended())
            throw new IllegalArgumentException("address " + Sizes.hex(va) + " is not canonical for " + g.name() + ": bits 63.."
                    + g.vaBits() + " must all equal bit " + (g.vaBits() - 1));
        throw new IllegalArgumentException("address " + Sizes.hex(va) + " is " + (64 - Long.numberOfLeadingZeros(va))
                + " bits wide; " + g.name() + " translates " + g.vaBits() + "-bit addresses");
    }

    private static Translation.Outcome walk(Geometry g, long va, int access, PageTableSpec spec,
                                            PageTableBuilder.Built built, List<Translation.Step> steps) {
        long table = built.rootPa();
        for (int l = 0; l < g.levels(); l++) {
            long index = g.index(va, l);
            long ptePa = table + index * g.pteBytes();
            long pte = built.memory().readPte(ptePa, g.pteBytes());
            boolean last = l == g.levels() - 1;
            if (!Pte.valid(pte)) {
                steps.add(new Translation.Step(l, table, index, ptePa, pte, "V=0: not present; the walk stops here"));
                return classify(g, va, access, spec, l, FaultCause.NOT_PRESENT, "level " + l + " entry not present (V=0)");
            }
            if (!Pte.leaf(pte)) {
                long next = Pte.ppn(pte) << g.pageBits();
                if (last) {
                    steps.add(new Translation.Step(l, table, index, ptePa, pte, "V=1 but R=W=X=0 at the last level: malformed"));
                    return classify(g, va, access, spec, l, FaultCause.NOT_PRESENT, "pointer entry at the last level");
                }
                steps.add(new Translation.Step(l, table, index, ptePa, pte, "V=1, R=W=X=0: next table at " + Sizes.hex(next)));
                table = next;
                continue;
            }
            if (!last) {
                steps.add(new Translation.Step(l, table, index, ptePa, pte, "leaf above the last level (a superpage): not supported"));
                return classify(g, va, access, spec, l, FaultCause.PROTECTION, "superpage leaf at level " + l);
            }
            String missing = missing(pte, access);
            if (missing != null) {
                steps.add(new Translation.Step(l, table, index, ptePa, pte, "leaf, but " + missing));
                return classify(g, va, access, spec, l, FaultCause.PROTECTION, missing);
            }
            steps.add(new Translation.Step(l, table, index, ptePa, pte, "leaf: frame " + Sizes.hex(Pte.ppn(pte))));
            long frame = Pte.ppn(pte);
            return new Translation.Mapped(pte, frame, (frame << g.pageBits()) | g.offset(va));
        }
        throw new AssertionError("a walk ends at the last level");
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
    static Translation.Faulted classify(Geometry g, long va, int access, PageTableSpec spec, int level, FaultCause cause, String why) {
        long vpn = g.vpn(va);
        String what = Access.name(access);
        if (cause == FaultCause.NOT_PRESENT) {
            for (PageTableSpec.Swapped s : spec.swapped())
                if (s.vpn() == vpn) return new Translation.Faulted(level, cause, FaultKind.MAJOR, why,
                        "the page is in swap slot " + s.slot() + ": the kernel reads it into a free frame (evicting one if none is free), maps it and retries the " + what);
        }
        PageTableSpec.VmRegion r = region(spec, va);
        long need = switch (access) { case Access.FETCH -> Pte.X; case Access.STORE -> Pte.W; default -> Pte.R; };
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

    /** The machine's own walker must agree with the explanation. */
    private static void crossCheck(Geometry g, long va, int access, PageTableBuilder.Built built, Translation.Outcome outcome) {
        Mmu mmu = new Mmu(g, built.memory(), new TlbConfig(0, 1, TlbConfig.Policy.LRU, false, false, 0));
        mmu.setRoot(built.rootPa(), 0);
        long pa = mmu.translate(va, access);
        boolean agree = outcome instanceof Translation.Mapped m ? pa == m.physical()
                : outcome instanceof Translation.Faulted f && pa == Mmu.FAULT && mmu.faultCause() == f.cause();
        if (!agree) throw new IllegalStateException("the explained walk disagrees with the mmu for " + Sizes.hex(va)
                + ": mmu says " + (pa == Mmu.FAULT ? mmu.faultCause() : Sizes.hex(pa)));
    }
}
