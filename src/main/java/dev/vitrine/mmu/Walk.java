package dev.vitrine.mmu;

import java.util.List;

/**
 * What the hardware walk does for one address, for people to read: every PTE it reads
 * (top level first) and the outcome. Produced without side effects by {@link Mmu#explain}.
 *
 * @param fault    why the translation fails, or null when it succeeds
 * @param pa       the physical address, or {@link Mmu#FAULT}
 * @param leafLevel the level whose entry mapped the page, or -1
 * @param pageSize bytes the leaf maps (a superpage when larger than the base page), or 0
 * @param setBits  the A/D bits the hardware would write into the leaf (0 when already set)
 */
public record Walk(long va, int access, List<WalkStep> steps, FaultCause fault, long pa, int leafLevel,
                   long pageSize, long setBits) {
    public Walk { steps = List.copyOf(steps); }

    public boolean ok() { return fault == null; }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(String.format("%s of 0x%x%n", Access.name(access), va));
        for (WalkStep s : steps) sb.append("  ").append(s).append(System.lineSeparator());
        if (fault != null) return sb.append("  -> fault: ").append(fault).toString();
        sb.append(String.format("  -> pa 0x%x (%d-byte page)", pa, pageSize));
        if (setBits != 0) sb.append(", sets ").append((setBits & Pte.A) != 0 ? "A" : "").append((setBits & Pte.D) != 0 ? "D" : "");
        return sb.toString();
    }
}
