package dev.vitrine.lab;

import dev.vitrine.mmu.FaultCause;
import dev.vitrine.mmu.Geometry;

import java.util.List;

/** Everything `vitrine translate` found out about one address. */
public record Translation(Geometry geometry, long va, int access, long[] indices, List<Step> walk, Outcome outcome) {

    /** One level of the walk: the table it read, the entry's index, address and value, and what that meant. */
    public record Step(int level, long tablePa, long index, long ptePa, long pte, String meaning) {}

    /** How the walk ended: a physical address, or a fault and the kernel's verdict on it. */
    public sealed interface Outcome permits Mapped, Faulted, NoTable {}

    /** {@code pageSize} exceeds the base page for a superpage; {@code setBits} are the A/D bits the hardware sets. */
    public record Mapped(long pte, long frame, long physical, long pageSize, long setBits) implements Outcome {}

    public record Faulted(int level, FaultCause cause, FaultKind kind, String why, String kernel) implements Outcome {}

    /** No page table given: only the split was asked for. */
    public record NoTable() implements Outcome {}

    public long vpn() { return geometry.vpn(va); }
    public long offset() { return geometry.offset(va); }
}
