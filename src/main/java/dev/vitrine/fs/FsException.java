package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/** A failed file-system operation carrying the errno the syscall returns; no stack trace, it is control flow. */
public final class FsException extends RuntimeException {
    private final int errno;

    public FsException(int errno) {
        super(Errno.name(errno), null, false, false);
        this.errno = errno;
    }

    public int errno() { return errno; }
}
