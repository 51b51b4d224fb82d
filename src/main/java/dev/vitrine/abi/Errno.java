package dev.vitrine.abi;

/** Linux errno values (asm-generic) with their names and strerror texts. */
public final class Errno {
    private Errno() {}

    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, ENOEXEC = 8,
            EBADF = 9, ECHILD = 10, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17,
            EXDEV = 18, ENODEV = 19, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOTTY = 25,
            ETXTBSY = 26, EFBIG = 27, ENOSPC = 28, ESPIPE = 29, EROFS = 30, EMLINK = 31, EPIPE = 32, EDOM = 33, ERANGE = 34,
            EDEADLK = 35, ENAMETOOLONG = 36, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40, ENODATA = 61,
            EOVERFLOW = 75, ENOTSUP = 95, ETIMEDOUT = 110;
    /** System V IPC's. */
    public static final int ENOMSG = 42, EIDRM = 43;
    /** The socket layer's. EOPNOTSUPP is ENOTSUP's other name, as in Linux. */
    public static final int ENOTSOCK = 88, EDESTADDRREQ = 89, EMSGSIZE = 90, EPROTOTYPE = 91, ENOPROTOOPT = 92,
            EPROTONOSUPPORT = 93, ESOCKTNOSUPPORT = 94, EOPNOTSUPP = ENOTSUP, EAFNOSUPPORT = 97, EADDRINUSE = 98,
            ENOBUFS = 105, EISCONN = 106, ENOTCONN = 107, ETOOMANYREFS = 109, ECONNREFUSED = 111;

    private static final String[][] TABLE = new String[134][];

    static {
        def(EPERM, "EPERM", "Operation not permitted"); def(ENOENT, "ENOENT", "No such file or directory");
        def(ESRCH, "ESRCH", "No such process"); def(EINTR, "EINTR", "Interrupted system call");
        def(EIO, "EIO", "Input/output error"); def(ENXIO, "ENXIO", "No such device or address");
        def(E2BIG, "E2BIG", "Argument list too long"); def(ENOEXEC, "ENOEXEC", "Exec format error");
        def(EBADF, "EBADF", "Bad file descriptor"); def(ECHILD, "ECHILD", "No child processes");
        def(EAGAIN, "EAGAIN", "Resource temporarily unavailable"); def(ENOMEM, "ENOMEM", "Cannot allocate memory");
        def(EACCES, "EACCES", "Permission denied"); def(EFAULT, "EFAULT", "Bad address");
        def(EBUSY, "EBUSY", "Device or resource busy"); def(EEXIST, "EEXIST", "File exists");
        def(EXDEV, "EXDEV", "Invalid cross-device link"); def(ENODEV, "ENODEV", "No such device");
        def(ENOTDIR, "ENOTDIR", "Not a directory"); def(EISDIR, "EISDIR", "Is a directory");
        def(EINVAL, "EINVAL", "Invalid argument"); def(ENFILE, "ENFILE", "Too many open files in system");
        def(EMFILE, "EMFILE", "Too many open files"); def(ENOTTY, "ENOTTY", "Inappropriate ioctl for device");
        def(ETXTBSY, "ETXTBSY", "Text file busy"); def(EFBIG, "EFBIG", "File too large"); def(ENOSPC, "ENOSPC", "No space left on device");
        def(ESPIPE, "ESPIPE", "Illegal seek"); def(EROFS, "EROFS", "Read-only file system");
        def(EMLINK, "EMLINK", "Too many links"); def(EPIPE, "EPIPE", "Broken pipe");
        def(EDOM, "EDOM", "Numerical argument out of domain"); def(ERANGE, "ERANGE", "Numerical result out of range");
        def(EDEADLK, "EDEADLK", "Resource deadlock avoided"); def(ENAMETOOLONG, "ENAMETOOLONG", "File name too long");
        def(ENOSYS, "ENOSYS", "Function not implemented"); def(ENOTEMPTY, "ENOTEMPTY", "Directory not empty");
        def(ELOOP, "ELOOP", "Too many levels of symbolic links"); def(ENODATA, "ENODATA", "No data available");
        def(ENOMSG, "ENOMSG", "No message of desired type"); def(EIDRM, "EIDRM", "Identifier removed");
        def(EOVERFLOW, "EOVERFLOW", "Value too large for defined data type");
        def(ENOTSUP, "EOPNOTSUPP", "Operation not supported");
        def(ENOTSOCK, "ENOTSOCK", "Socket operation on non-socket"); def(EDESTADDRREQ, "EDESTADDRREQ", "Destination address required");
        def(EMSGSIZE, "EMSGSIZE", "Message too long"); def(EPROTOTYPE, "EPROTOTYPE", "Protocol wrong type for socket");
        def(ENOPROTOOPT, "ENOPROTOOPT", "Protocol not available"); def(EPROTONOSUPPORT, "EPROTONOSUPPORT", "Protocol not supported");
        def(ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT", "Socket type not supported");
        def(EAFNOSUPPORT, "EAFNOSUPPORT", "Address family not supported by protocol"); def(EADDRINUSE, "EADDRINUSE", "Address already in use");
        def(ENOBUFS, "ENOBUFS", "No buffer space available"); def(EISCONN, "EISCONN", "Transport endpoint is already connected");
        def(ENOTCONN, "ENOTCONN", "Transport endpoint is not connected"); def(ETOOMANYREFS, "ETOOMANYREFS", "Too many references: cannot splice");
        def(ECONNREFUSED, "ECONNREFUSED", "Connection refused"); def(ETIMEDOUT, "ETIMEDOUT", "Connection timed out");
    }

    private static void def(int e, String name, String text) { TABLE[e] = new String[] {name, text}; }

    public static String name(int e) { return e > 0 && e < TABLE.length && TABLE[e] != null ? TABLE[e][0] : "E" + e; }
    public static String text(int e) { return e > 0 && e < TABLE.length && TABLE[e] != null ? TABLE[e][1] : "Unknown error " + e; }
}
