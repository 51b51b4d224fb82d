package dev.vitrine.lab;

/** One entry of a trace: a page number from a reference string, or a memory access. */
public sealed interface TraceRef {
    /** The source line it came from (1-based), for error messages and step listings. */
    int line();

    /** A page number, as in the textbooks' reference strings "1,2,3,4,1,2,5". */
    record Page(long vpn, int line) implements TraceRef {}

    /** An access of {@code size} bytes at {@code va}; kind is R, W, X or M (Lackey's modify). */
    record Access(char kind, long va, int size, int line) implements TraceRef {}

    /** A lookup (kind R, W or X) that missed and whose walk refused it: a page fault; the TLB filled nothing (`vitrine run --trace-mem`'s '!' lines). */
    record Refused(char kind, long va, int line) implements TraceRef {}

    /** The TLB dropped the entry for {@code va}'s page (sfence.vma), or everything when {@code all} (`--trace-mem`'s F lines). */
    record Flush(long va, boolean all, int line) implements TraceRef {}
}
