package dev.vitrine.mm;

/** What the kernel made of a page fault. */
public enum Fault {
    /** Handled: the page is there now (minor or major fault, or a copy-on-write copy). */
    HANDLED,
    /** No mapping at that address: SIGSEGV with SEGV_MAPERR. */
    MAPERR,
    /** A mapping that forbids this access: SIGSEGV with SEGV_ACCERR. */
    ACCERR,
    /** A file mapping's page wholly beyond the end of the file: SIGBUS. */
    BUS,
    /** No frame left for the page. */
    OOM
}
