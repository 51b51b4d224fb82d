package dev.vitrine.sys;

import dev.vitrine.proc.Task;

/** Linux's access_ok and the length limits the read/write family shares. */
final class Access {
    private Access() {}

    /** MAX_RW_COUNT: INT_MAX rounded down to a page; longer transfers are cut to it (rw_verify_area, import_ubuf). */
    static final long MAX_RW_COUNT = 0x7fff_f000L;

    /** access_ok(addr, len): the range lies below the user top (TASK_SIZE); it says nothing about what is mapped. */
    static boolean ok(Task t, long addr, long len) {
        long top = t.space().layout().stackTop();
        return len >= 0 && Long.compareUnsigned(len, top) <= 0 && Long.compareUnsigned(addr, top - len) <= 0;
    }
}
