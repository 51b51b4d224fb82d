package dev.vitrine.lab;

/** The chapter's three kinds of page fault, as the kernel would classify one. */
public enum FaultKind {
    /** A valid address with no frame yet (first touch, copy-on-write): the kernel makes the page and retries. */
    MINOR,
    /** The page is on disk: the kernel reads it back in (perhaps evicting another) and retries. */
    MAJOR,
    /** No mapping allows this access: the kernel sends SIGSEGV. */
    INVALID;

    public String label() { return name().toLowerCase(); }
}
