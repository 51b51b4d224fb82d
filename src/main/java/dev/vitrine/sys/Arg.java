package dev.vitrine.sys;

/** How strace shows one syscall argument. */
public enum Arg {
    /** Signed int. */ INT,
    /** Signed long. */ LONG,
    /** Unsigned, shown in hex. */ HEX,
    /** A user pointer (NULL or 0x...). */ PTR,
    /** A descriptor; -100 shows as AT_FDCWD. */ FD,
    /** A NUL-terminated string read before the call. */ STR,
    /** A buffer the call reads; its length is the next argument. */ BUF_IN,
    /** A buffer the call fills; its length is the result. */ BUF_OUT,
    /** An iovec array the call reads; the count is the next argument. */ IOV_IN,
    /** An iovec array the call fills. */ IOV_OUT,
    /** open flags. */ OPEN_FLAGS,
    /** mmap/mprotect protection. */ PROT,
    /** mmap flags. */ MAP_FLAGS,
    /** A file mode in octal. */ MODE
}
