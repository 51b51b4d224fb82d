package dev.vitrine.mmu;

/** The kinds of memory access, as ints so the hart's hot path needs no objects. */
public final class Access {
    private Access() {}
    public static final int FETCH = 0, LOAD = 1, STORE = 2;

    public static String name(int access) {
        return switch (access) { case FETCH -> "fetch"; case LOAD -> "load"; case STORE -> "store"; default -> "?"; };
    }
}
