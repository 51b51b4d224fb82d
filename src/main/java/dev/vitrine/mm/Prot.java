package dev.vitrine.mm;

/** mmap's PROT_* and MAP_* bits, as Linux numbers them. */
public final class Prot {
    private Prot() {}
    public static final int NONE = 0, READ = 1, WRITE = 2, EXEC = 4;

    public static final int MAP_SHARED = 0x01, MAP_PRIVATE = 0x02, MAP_SHARED_VALIDATE = 0x03, MAP_TYPE = 0x0f,
            MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_GROWSDOWN = 0x100, MAP_DENYWRITE = 0x800,
            MAP_EXECUTABLE = 0x1000, MAP_LOCKED = 0x2000, MAP_NORESERVE = 0x4000, MAP_POPULATE = 0x8000,
            MAP_NONBLOCK = 0x10000, MAP_STACK = 0x20000, MAP_HUGETLB = 0x40000, MAP_FIXED_NOREPLACE = 0x100000;

    public static String string(int prot) {
        return "" + ((prot & READ) != 0 ? 'r' : '-') + ((prot & WRITE) != 0 ? 'w' : '-') + ((prot & EXEC) != 0 ? 'x' : '-');
    }
}
