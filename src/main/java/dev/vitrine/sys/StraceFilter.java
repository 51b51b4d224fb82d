package dev.vitrine.sys;

import java.util.BitSet;
import java.util.Set;

/**
 * strace's -e trace=SET: which syscalls get a line. SET is a comma-separated list of names
 * and classes, the whole set negated by a leading '!': %file (takes a file name), %desc
 * (takes a descriptor), %process, %signal, %memory, %clock, %ipc, %network, %creds,
 * all and none. Signals and exits are printed whatever the set, as strace does.
 */
public final class StraceFilter {
    private final BitSet traced = new BitSet(512);

    private StraceFilter() {}

    /** Everything: what --strace alone prints. */
    public static StraceFilter all() {
        StraceFilter f = new StraceFilter();
        f.traced.set(0, 512);
        return f;
    }

    /** Parses SET; an unknown name or class is an IllegalArgumentException naming it. */
    public static StraceFilter parse(String spec) {
        StraceFilter f = new StraceFilter();
        String s = spec.startsWith("trace=") ? spec.substring(6) : spec;
        boolean negate = s.startsWith("!");
        if (negate) s = s.substring(1);
        for (String item : s.split(",")) {
            String name = item.trim();
            if (name.isEmpty()) throw new IllegalArgumentException("empty syscall name");
            switch (name) {
                case "all" -> f.traced.set(0, 512);
                case "none" -> { }
                default -> {
                    if (name.startsWith("%")) f.addClass(name);
                    else f.traced.set(number(name));
                }
            }
        }
        if (negate) f.traced.flip(0, 512);
        return f;
    }

    public boolean traces(long nr) { return nr >= 0 && nr < 512 && traced.get((int) nr); }

    private static int number(String name) {
        for (int nr = 0; nr < 512; nr++) if (SyscallNames.of(nr).equals(name)) return nr;
        throw new IllegalArgumentException("invalid system call '" + name + "'");
    }

    private static final Set<String> PROCESS = Set.of("clone", "clone3", "execve", "execveat", "exit", "exit_group",
            "wait4", "waitid", "kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo", "pidfd_open",
            "pidfd_send_signal", "unshare", "setns");
    private static final Set<String> SIGNAL = Set.of("rt_sigaction", "rt_sigprocmask", "rt_sigpending", "rt_sigsuspend",
            "rt_sigreturn", "rt_sigtimedwait", "rt_sigqueueinfo", "rt_tgsigqueueinfo", "sigaltstack", "kill", "tkill",
            "tgkill", "signalfd4", "pidfd_send_signal");
    private static final Set<String> MEMORY = Set.of("brk", "mmap", "munmap", "mremap", "mprotect", "msync", "mincore",
            "madvise", "mlock", "mlock2", "munlock", "mlockall", "munlockall", "remap_file_pages", "mbind",
            "set_mempolicy", "get_mempolicy", "migrate_pages", "move_pages", "process_madvise", "pkey_mprotect");
    private static final Set<String> CLOCK = Set.of("clock_gettime", "clock_settime", "clock_getres", "clock_adjtime",
            "gettimeofday", "settimeofday", "adjtimex", "times");
    private static final Set<String> IPC = Set.of("msgget", "msgsnd", "msgrcv", "msgctl", "semget", "semop",
            "semtimedop", "semctl", "shmget", "shmat", "shmdt", "shmctl");
    private static final Set<String> NETWORK = Set.of("socket", "socketpair", "bind", "listen", "accept", "accept4",
            "connect", "getsockname", "getpeername", "sendto", "recvfrom", "setsockopt", "getsockopt", "shutdown",
            "sendmsg", "recvmsg", "sendmmsg", "recvmmsg");
    private static final Set<String> CREDS = Set.of("getuid", "geteuid", "getgid", "getegid", "setuid", "setgid",
            "setreuid", "setregid", "setresuid", "setresgid", "getresuid", "getresgid", "setfsuid", "setfsgid",
            "getgroups", "setgroups", "capget", "capset", "prctl");
    /** Calls that take a descriptor but are no %desc call in strace (they name the fd of a path or a mapping). */
    private static final Set<String> FILE_ONLY = Set.of("execveat");

    private void addClass(String cls) {
        SyscallTable table = new SyscallTable(new Services(0));
        for (int nr = 0; nr < 512; nr++) {
            String name = SyscallNames.of(nr);
            Syscall row = table.get(nr);
            boolean in = switch (cls) {
                case "%file" -> row != null && has(row, Arg.STR);
                case "%desc" -> row != null && (has(row, Arg.FD) || has(row, Arg.FD_PAIR)) && !FILE_ONLY.contains(name);
                case "%process" -> PROCESS.contains(name);
                case "%signal" -> SIGNAL.contains(name);
                case "%memory" -> MEMORY.contains(name);
                case "%clock" -> CLOCK.contains(name);
                case "%ipc" -> IPC.contains(name);
                case "%network", "%net" -> NETWORK.contains(name);
                case "%creds" -> CREDS.contains(name);
                default -> throw new IllegalArgumentException("invalid system call class '" + cls + "'");
            };
            if (in) traced.set(nr);
        }
    }

    private static boolean has(Syscall s, Arg k) {
        for (Arg a : s.args()) if (a == k) return true;
        return false;
    }
}
