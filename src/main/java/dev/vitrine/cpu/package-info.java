/**
 * The RV64GC hart: an interpreter for user-mode RISC-V (RV64IMAFDC + Zicsr + Zifencei).
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link dev.vitrine.cpu.Hart}: registers, the run loop, the kernel-facing API.</li>
 * <li>{@code Decoder}, {@code FpDecoder}, {@code Rvc}: instruction bits to an {@code Op} word
 *     (one long: op, registers, rounding mode, immediate). Unknown or reserved encodings
 *     become ILLEGAL carrying the raw bits.</li>
 * <li>{@code CodeCache}: decoded words per physical 4 KiB block, lazily filled, shared by
 *     every hart over the same {@link dev.vitrine.mmu.PhysicalMemory}. A hart store, AMO or
 *     SC into a block drops it; fence.i drops all; the kernel calls
 *     {@link dev.vitrine.cpu.Hart#invalidateFrame} for frames it writes or reuses.</li>
 * <li>{@code Lsu}: loads and stores through {@link dev.vitrine.mmu.Mmu#load} and
 *     {@link dev.vitrine.mmu.Mmu#store} (the inlinable fast paths of translate), misaligned
 *     and page-crossing accesses, the LR reservation.</li>
 * <li>{@code Alu} (division corner cases), {@code Amo}, {@code Csr}, {@code FpExec}
 *     (F/D register work; the arithmetic is {@link dev.vitrine.cpu.Fpu}).</li>
 * </ul>
 *
 * <h2>Contract with the kernel</h2>
 * {@code run(budget)} returns a {@link dev.vitrine.cpu.Trap}: LIMIT, ECALL (pc at the ecall),
 * BREAKPOINT, PAGE_FAULT (pc at the instruction, {@code trapValue} = the MMU's fault
 * address), ILLEGAL ({@code trapValue} = the bits), MISALIGNED (an LR/SC/AMO address not
 * naturally aligned; Linux sends SIGBUS). A trapping instruction does not retire and writes
 * nothing. Between runs, {@code Hart.fcsr} holds the whole fcsr (frm and fflags).
 *
 * <h2>Speed</h2>
 * The loop keeps the current code block in a local, advances pc by constants chosen by
 * the switch (compressed instructions have their own op ids) so that the next fetch does
 * not wait for the decoded word, and never re-zeroes x0 (the decoder routes writes to x0
 * away from the main switch). Still, every fetch and data access is one translate call.
 */
package dev.vitrine.cpu;
