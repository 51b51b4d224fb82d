package dev.vitrine.mmu;

/** One level of an explained walk: which entry the hardware read and what it held. */
public record WalkStep(int level, long index, long ptePa, long pte) {
    public boolean valid() { return Pte.valid(pte); }
    public boolean leaf() { return Pte.valid(pte) && Pte.leaf(pte); }

    @Override public String toString() {
        return String.format("L%d index %d: PTE @0x%x = 0x%x [%s] ppn 0x%x", level, index, ptePa, pte,
                Pte.flags(pte), Pte.ppn(pte));
    }
}
