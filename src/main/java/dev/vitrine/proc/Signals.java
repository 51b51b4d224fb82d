package dev.vitrine.proc;

/** Signal numbers (asm-generic) and what a shell prints when one kills a process. */
public final class Signals {
    private Signals() {}

    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7,
            SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14,
            SIGTERM = 15, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGXCPU = 24, SIGSYS = 31;
    public static final int NSIG = 64;
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRERR = 2, ILL_ILLOPC = 1;

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
        def(SIGCHLD, "SIGCHLD", "Child exited"); def(SIGCONT, "SIGCONT", "Continued");
        def(SIGSTOP, "SIGSTOP", "Stopped (signal)"); def(SIGTSTP, "SIGTSTP", "Stopped");
        def(SIGXCPU, "SIGXCPU", "CPU time limit exceeded"); def(SIGSYS, "SIGSYS", "Bad system call");
    }

    private static void def(int s, String n, String t) { NAMES[s] = n; TEXT[s] = t; }

    public static String name(int s) { return s > 0 && s <= NSIG && NAMES[s] != null ? NAMES[s] : "SIG" + s; }
    public static String text(int s) { return s > 0 && s <= NSIG && TEXT[s] != null ? TEXT[s] : "Signal " + s; }
}
