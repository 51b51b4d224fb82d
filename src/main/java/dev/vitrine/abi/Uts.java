package dev.vitrine.abi;

/**
 * The kernel Vitrine plays, as uname(2), /proc/version and /proc/sys/kernel name it (Linux's
 * init_uts_ns and linux_banner). The machine has no sethostname: the names are fixed.
 */
public final class Uts {
    private Uts() {}

    public static final String SYSNAME = "Linux", NODENAME = "vitrine", RELEASE = "6.1.0-vitrine",
            VERSION = "#1 SMP PREEMPT_DYNAMIC Vitrine", MACHINE = "riscv64", DOMAINNAME = "(none)";

    /** linux_banner: "Linux version RELEASE (BUILDER@HOST) (COMPILER) VERSION". */
    public static final String BANNER = "Linux version " + RELEASE + " (vitrine@vitrine) (Java 17) " + VERSION + "\n";
}
