package dev.vitrine.sys;

/**
 * The C type of one syscall argument, as the kernel's SYSCALL_DEFINE declares it: how the
 * dispatcher decodes the 64-bit register before the handler sees it, and how strace shows it.
 * riscv64's syscall wrappers convert each register to the declared type, so an {@code int}
 * is the register's low 32 bits (fd 0x100000001 is fd 1), a {@code umode_t} its low 16.
 * A handler therefore never sees a size_t as a negative long: {@link #SIZE} saturates at
 * Long.MAX_VALUE, which no address range can reach either, so every check Linux makes with the
 * full value (access_ok, "len > TASK_SIZE") answers the same.
 */
public enum Arg {
    /** int, pid_t, clockid_t: the low 32 bits, signed. */ INT(Decode.I32),
    /** unsigned int used as a number (getdents64's count, a resource index). */ UINT(Decode.U32),
    /** unsigned int or int used as bits, shown in hex. */ FLAGS(Decode.U32),
    /** A signed long (a time, a nice value). */ LONG(Decode.I64),
    /** unsigned long shown in hex (mmap's offset, clone's flags). */ HEX(Decode.I64),
    /** size_t: unsigned; values past Long.MAX_VALUE arrive as Long.MAX_VALUE. */ SIZE(Decode.SIZE),
    /**
     * A length the handler must take raw and unsigned because Linux rounds it with
     * PAGE_ALIGN first, which wraps SIZE_MAX to 0 (mremap's old_len 0, msync's 0, madvise's EINVAL).
     */
    ULEN(Decode.I64),
    /** off_t that may be negative (lseek's offset: the whence decides). */ OFF(Decode.I64),
    /** loff_t position or length that Linux refuses with EINVAL when negative before anything else (pread64, truncate). */
    POS(Decode.POS),
    /** A user pointer (NULL or 0x...). */ PTR(Decode.I64),
    /** A descriptor (int or unsigned int: the low 32 bits); -100 shows as AT_FDCWD. */ FD(Decode.I32),
    /** A pid_t. */ PID(Decode.I32),
    /** A signal number (int). */ SIG(Decode.I32),
    /** A NUL-terminated string read before the call. */ STR(Decode.I64),
    /** A buffer the call reads; its length is the next argument. */ BUF_IN(Decode.I64),
    /** A buffer the call fills; its length is the result. */ BUF_OUT(Decode.I64),
    /** An iovec array the call reads; the count is the next argument. */ IOV_IN(Decode.I64),
    /** An iovec array the call fills. */ IOV_OUT(Decode.I64),
    /** open flags (int). */ OPEN_FLAGS(Decode.I32),
    /** mmap/mprotect protection (unsigned long). */ PROT(Decode.I64),
    /** mmap flags (unsigned long). */ MAP_FLAGS(Decode.I64),
    /** A file mode (umode_t: the low 16 bits), shown in octal. */ MODE(Decode.U16),
    // Kinds that say what an int or a pointer means, so strace can name or decode it as strace(1) does.
    /** int[2] the call fills with two descriptors (pipe2, socketpair): shown [3, 4]. */ FD_PAIR(Decode.I64),
    /** O_CLOEXEC/O_NONBLOCK-style flags of pipe2, dup3 (0 when none). */ FD_FLAGS(Decode.U32),
    /** *at() flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_REMOVEDIR... */ AT_FLAGS(Decode.U32),
    /** access(2) mode: F_OK or R_OK|W_OK|X_OK. */ ACCESS_MODE(Decode.I32),
    /** lseek's whence: SEEK_SET... */ WHENCE(Decode.U32),
    /** A clockid_t: CLOCK_REALTIME... */ CLOCK(Decode.I32),
    /** clock_nanosleep's flags: TIMER_ABSTIME. */ TIMER_FLAGS(Decode.U32),
    /** A struct timespec the call reads. */ TIMESPEC_IN(Decode.I64),
    /** A struct timespec the call fills. */ TIMESPEC_OUT(Decode.I64),
    /** A struct stat the call fills. */ STAT_OUT(Decode.I64),
    /** A struct utsname the call fills. */ UTSNAME_OUT(Decode.I64),
    /** rt_sigprocmask's how: SIG_BLOCK... */ SIG_HOW(Decode.I32),
    /** A sigset_t the call reads: [INT CHLD]. */ SIGSET_IN(Decode.I64),
    /** A sigset_t the call fills. */ SIGSET_OUT(Decode.I64),
    /** A struct sigaction the call reads. */ SIGACTION_IN(Decode.I64),
    /** A struct sigaction the call fills. */ SIGACTION_OUT(Decode.I64),
    /** An int wait status the call fills: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]. */ WSTATUS_OUT(Decode.I64),
    /** wait4/waitid options: WNOHANG|WUNTRACED... */ WAIT_OPTIONS(Decode.U32),
    /** execve's argv: ["ls", "-l"]. */ ARGV(Decode.I64),
    /** execve's envp: its address and how many variables. */ ENVP(Decode.I64),
    /** clone's flags (unsigned long): CLONE_VM|...|SIGCHLD; the call is shown with strace's names. */ CLONE_FLAGS(Decode.I64),
    /** clone3's struct clone_args: {flags=..., stack=...}, and the parent_tid it stored. */ CLONE_ARGS(Decode.I64),
    /** fcntl's cmd: F_GETFL...; the third argument is shown as the command reads it. */ FCNTL_CMD(Decode.I32),
    /** A resource of getrlimit/prlimit64: RLIMIT_STACK... */ RLIMIT_RES(Decode.U32),
    /** A struct rlimit64 the call reads. */ RLIMIT_IN(Decode.I64),
    /** A struct rlimit64 the call fills. */ RLIMIT_OUT(Decode.I64),
    /** futex's op: FUTEX_WAIT_PRIVATE... */ FUTEX_OP(Decode.U32),
    /** An ioctl request: TCGETS... */ IOCTL_REQ(Decode.U32),
    /** getrandom's buffer: shown in hex as strace does. */ RANDOM_OUT(Decode.I64),
    /** getrandom's flags: GRND_NONBLOCK... */ GRND_FLAGS(Decode.U32),
    /** madvise's advice: MADV_DONTNEED... */ MADVICE(Decode.I32),
    /** A NUL-terminated path the call fills (getcwd). */ PATH_OUT(Decode.I64),
    /** getdents64's buffer: its address and how many entries the call put there. */ DIRENTS_OUT(Decode.I64),
    /** A socket's domain: AF_UNIX... */ SOCK_DOMAIN(Decode.I32),
    /** A socket's type and flags: SOCK_STREAM|SOCK_CLOEXEC... */ SOCK_TYPE(Decode.I32),
    /** A System V key_t: IPC_PRIVATE or a number. */ IPC_KEY(Decode.I32),
    /** shmget/semget/msgget's flags: IPC_CREAT|IPC_EXCL|0600. */ IPC_FLAGS(Decode.I32),
    /** shmctl/semctl/msgctl's command: IPC_STAT, SETVAL... */ IPC_CMD(Decode.I32);

    /** How a register becomes the argument's value. */
    enum Decode { I32, U32, U16, I64, SIZE, POS }

    final Decode decode;

    Arg(Decode decode) { this.decode = decode; }

    /** The handler's view of register value {@code v}. */
    long decode(long v) {
        return switch (decode) {
            case I32 -> (int) v;
            case U32 -> v & 0xffff_ffffL;
            case U16 -> v & 0xffffL;
            case I64, POS -> v;
            case SIZE -> v < 0 ? Long.MAX_VALUE : v;
        };
    }

    /** Linux's answer before the handler runs, or 0: a negative loff_t position is EINVAL. */
    long refuse(long v) {
        return decode == Decode.POS && v < 0 ? -dev.vitrine.abi.Errno.EINVAL : 0;
    }
}
