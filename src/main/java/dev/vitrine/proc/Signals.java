package dev.vitrine.proc;

/** Signal numbers (asm-generic), their default actions, and what a shell prints when one kills a process. */
public final class Signals {
    private Signals() {}

    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7,
            SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14,
            SIGTERM = 15, SIGSTKFLT = 16, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21,
            SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28,
            SIGIO = 29, SIGPWR = 30, SIGSYS = 31, SIGRTMIN = 32;
    public static final int NSIG = 64;
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRERR = 2, ILL_ILLOPC = 1;

    /** What SIG_DFL does with a signal. */
    public enum Default { TERMINATE, CORE, IGNORE, STOP, CONTINUE }

    public static Default defaultAction(int sig) {
        return switch (sig) {
            case SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGXCPU, SIGXFSZ, SIGSYS -> Default.CORE;
            case SIGCHLD, SIGURG, SIGWINCH -> Default.IGNORE;
            case SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU -> Default.STOP;
            case SIGCONT -> Default.CONTINUE;
            default -> Default.TERMINATE;
        };
    }

    public static long bit(int sig) { return 1L << (sig - 1); }

    /** SIGKILL and SIGSTOP can be neither caught, blocked nor ignored. */
    public static final long UNBLOCKABLE = bit(SIGKILL) | bit(SIGSTOP);
    static final long STOP_SET = bit(SIGSTOP) | bit(SIGTSTP) | bit(SIGTTIN) | bit(SIGTTOU);
    /** Signals a fault raises: delivered before any other pending one (Linux's SYNCHRONOUS_MASK). */
    static final long SYNCHRONOUS = bit(SIGSEGV) | bit(SIGBUS) | bit(SIGILL) | bit(SIGTRAP) | bit(SIGFPE) | bit(SIGSYS);

    private static final String[] NAMES = new String[NSIG + 1];
    private static final String[] TEXT = new String[NSIG + 1];

    static {
        def(SIGHUP, "SIGHUP", "Hangup"); def(SIGINT, "SIGINT", "Interrupt"); def(SIGQUIT, "SIGQUIT", "Quit");
        def(SIGILL, "SIGILL", "Illegal instruction"); def(SIGTRAP, "SIGTRAP", "Trace/breakpoint trap");
        def(SIGABRT, "SIGABRT", "Aborted"); def(SIGBUS, "SIGBUS", "Bus error");
        def(SIGFPE, "SIGFPE", "Floating point exception"); def(SIGKILL, "SIGKILL", "Killed");
        def(SIGUSR1, "SIGUSR1", "User defined signal 1"); def(SIGSEGV, "SIGSEGV", "Segmentation fault");
        def(SIGUSR2, "SIGUSR2", "User defined signal 2"); def(SIGPIPE, "SIGPIPE", "Broken pipe");
        def(SIGALRM, "SIGALRM", "Alarm clock"); def(SIGTERM, "SIGTERM", "Terminated");
        def(SIGSTKFLT, "SIGSTKFLT", "Stack fault");
        def(SIGCHLD, "SIGCHLD", "Child exited"); def(SIGCONT, "SIGCONT", "Continued");
        def(SIGSTOP, "SIGSTOP", "Stopped (signal)"); def(SIGTSTP, "SIGTSTP", "Stopped");
        def(SIGTTIN, "SIGTTIN", "Stopped (tty input)"); def(SIGTTOU, "SIGTTOU", "Stopped (tty output)");
        def(SIGURG, "SIGURG", "Urgent I/O condition");
        def(SIGXCPU, "SIGXCPU", "CPU time limit exceeded"); def(SIGXFSZ, "SIGXFSZ", "File size limit exceeded");
        def(SIGVTALRM, "SIGVTALRM", "Virtual timer expired"); def(SIGPROF, "SIGPROF", "Profiling timer expired");
        def(SIGWINCH, "SIGWINCH", "Window changed"); def(SIGIO, "SIGIO", "I/O possible");
        def(SIGPWR, "SIGPWR", "Power failure"); def(SIGSYS, "SIGSYS", "Bad system call");
    }

    private static void def(int s, String n, String t) { NAMES[s] = n; TEXT[s] = t; }

    public static String name(int s) {
        if (s >= SIGRTMIN && s <= NSIG) return "SIGRT" + (s - SIGRTMIN);
        return s > 0 && s <= NSIG && NAMES[s] != null ? NAMES[s] : "SIG" + s;
    }

    public static String text(int s) {
        if (s >= SIGRTMIN && s <= NSIG) return "Real-time signal " + (s - SIGRTMIN);
        return s > 0 && s <= NSIG && TEXT[s] != null ? TEXT[s] : "Signal " + s;
    }
}
