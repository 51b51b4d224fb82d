/**
 * The memory-management hardware of one hart, modeled exactly.
 *
 * <ul>
 * <li>{@link dev.vitrine.mmu.Geometry}, {@link dev.vitrine.mmu.Pte}: the shape of page tables and of one entry.</li>
 * <li>{@link dev.vitrine.mmu.PhysicalMemory}: RAM; page tables live in it as bytes.</li>
 * <li>{@link dev.vitrine.mmu.Tlb}: one set-associative TLB array (LRU, FIFO or seeded random).</li>
 * <li>{@code PageWalker}: the hardware walk, with A/D updates and superpages.</li>
 * <li>{@link dev.vitrine.mmu.Mmu}: TLB lookup, walk on a miss, the counters ({@link dev.vitrine.mmu.MmuStats})
 *     and the per-side fast paths (current page in fields, previous page in a {@code LastPage}, fetch hits
 *     counted in bulk by the hart on split TLBs); its javadoc states the counting rules.</li>
 * <li>{@link dev.vitrine.mmu.Walk}, {@link dev.vitrine.mmu.WalkStep}: a walk explained for people, without side effects.</li>
 * </ul>
 */
package dev.vitrine.mmu;
