package dev.vitrine.fs;

import com.sun.jna.NativeLibrary;

/**
 * The host's C library for JNA: the running process's own (JNA maps "c" to dlopen(NULL) on
 * Linux), loaded only by the classes that call it, when they first do.
 */
public final class HostLibc {
    private HostLibc() {}

    /**
     * JNA's NativeLibrary, on first use, asks `ldconfig -p` (a child process) for the host's
     * library directories unless jna.platform.library.path is set. Vitrine loads no library by
     * name, only the process's libc, so it sets the path empty where nobody set it.
     */
    public static NativeLibrary get() {
        if (System.getProperty("jna.platform.library.path") == null) System.setProperty("jna.platform.library.path", "");
        return NativeLibrary.getInstance("c");
    }
}
