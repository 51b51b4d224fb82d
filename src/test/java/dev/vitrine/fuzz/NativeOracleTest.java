package dev.vitrine.fuzz;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fixes of fuzz findings where qemu-user strays from Linux, checked against the same C program
 * built for this host with gcc and run on its Linux kernel (the house rule's second oracle).
 */
class NativeOracleTest {
    @Test void aRunningProgramsFileTakesNoWriter() throws Exception {
        assertSameAsNative("txtbsy");
    }

    /** futex_waitv, which qemu-user 7.2 answers ENOSYS: value mismatch, both clocks' timeouts, the woken index, its errnos. */
    @Test void futexWaitvAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("futex_waitv_native");
    }

    /** clone and clone3 with CLONE_PIDFD (qemu-user 7.2 refuses the flag): the parent's pidfd, its poll and waitid, the errnos. */
    @Test void clonePidfdAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("clone_pidfd_native");
    }

    /** The syscall table's argument kinds: getcwd's size_t past the user range, readlinkat's int and getdents64's unsigned int. */
    @Test void argumentsDecodeAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("arg_kinds_native");
    }

    /** Fuzz findings in sys: a CPU-time clock of a process or thread reads its CPU time; sched_getaffinity's len * 8 wraps. */
    @Test void cpuClocksAndAffinityLengthsAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("cpu_clocks_native");
    }

    /**
     * clock_nanosleep's order of errors and nanosleep_copyout's EFAULT for an unwritable rem:
     * qemu-user converts the timespecs itself (EFAULT before EINVAL, rem never faults).
     */
    @Test void nanosleepErrorsAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("nanosleep_native");
    }

    /**
     * A regular file is read whole (no 1 MiB chunk), and a hole in the caller's buffer ends the
     * read after the bytes copied before it: qemu-user checks the whole buffer first (EFAULT).
     */
    @Test void largeAndPartialReadsAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("read_partial_native");
    }

    /**
     * epoll_pwait's mask holds for the wait only: a signal it blocked is handled as soon as the
     * call returns (qemu-user delivers it later).
     */
    @Test void epollPwaitMaskAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("epoll_pwait_mask_native");
    }

    /** MADV_REMOVE on a tmpfs file's shared mapping punches a hole (qemu-user answers madvise 0 and does nothing). */
    @Test void madvRemoveAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("madv_remove_native");
    }

    /** TIOCGPKT, which qemu-user lacks: the master's packet mode, ENOTTY on the slave. */
    @Test void packetModeQueryAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("tty_gpkt_native");
    }

    /** sigaltstack's size and address are unsigned, as on_sig_stack compares them. */
    @Test void altStackSizesAsOnTheHostsLinux() throws Exception {
        assertSameAsNative("altstack_native");
    }

    /**
     * chown, getresuid and the groups calls as an unprivileged user: the guest is uid and gid 1000
     * without supplementary groups, so the oracle is the native build run as such a user
     * (setpriv when the tests run as root; qemu-riscv64 would answer as root).
     */
    @Test void chownAndIdsAsTheUnprivilegedUser1000() throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid == 0) assertSameAsNative("chown_uid1000", "setpriv", "--reuid=1000", "--regid=1000", "--clear-groups");
        else if (uid == 1000 && Files.readString(Path.of("/proc/self/status")).contains("Groups:\t\n"))
            assertSameAsNative("chown_uid1000");
        else Assumptions.abort("needs root (for setpriv) or uid 1000 without supplementary groups");
    }

    /**
     * Set-uid and set-gid programs (bprm_fill_uid, AT_SECURE, the capabilities a set-uid root
     * program brings): qemu-user's binfmt_misc entry has no C flag, so under it a set-id
     * riscv64 program runs with the interpreter's ids; the oracle is the native build, as root,
     * and Vitrine runs with --root.
     */
    @Test void setIdProgramsAsOnTheHostsLinux() throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid != 0) Assumptions.abort("set-id programs need the tests to run as root (as chownAndIds needs setpriv)");
        assertSameAsNative("setuid_exec_native", true);
    }

    /** pagemap's frame numbers for CAP_SYS_ADMIN only (qemu-user's pagemap is its own process's). */
    @Test void pagemapFramesOnlyForCapSysAdmin() throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid != 0) Assumptions.abort("pagemap's frame numbers need the tests to run as root");
        assertSameAsNative("pagemap_cap_native", true);
    }

    private static void assertSameAsNative(String name, String... runAs) throws Exception {
        assertSameAsNative(name, false, runAs);
    }

    private static void assertSameAsNative(String name, boolean asRoot, String... runAs) throws Exception {
        Path gcc = hostCompiler();
        Path root = FuzzGuest.projectRoot();
        Path dir = Files.createDirectories(root.resolve("target/fuzz/native"));
        Path nativeBin = dir.resolve(name);
        Process cc = new ProcessBuilder(gcc.toString(), "-O2", "-Wall", "-o", nativeBin.toString(),
                root.resolve("userland/fuzz/" + name + ".c").toString()).redirectErrorStream(true).start();
        String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), "gcc " + name + ".c: " + log);
        List<String> cmd = new java.util.ArrayList<>(List.of(runAs));
        cmd.add(nativeBin.toString());
        Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/null")).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assertions.assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the native " + name + " ended");

        InProcess.Run run = InProcess.run(FuzzGuest.build(name, "-static"), List.of(name), 60, b -> b.maxInstructions(500_000_000L).root(asRoot));
        assertEquals(null, run.failure());
        assertEquals(expected, run.stdout(), name + " on Vitrine vs the native build");
        assertEquals(p.exitValue(), run.result().exitStatus());
    }

    private static Path hostCompiler() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, "gcc");
            if (!d.isEmpty() && Files.isExecutable(p)) return p;
        }
        String msg = "the host's gcc is not on PATH (apt-get install gcc)";
        if (Toolchain.ci()) Assertions.fail("CI=true and " + msg);
        Assumptions.abort(msg);
        throw new AssertionError("unreachable");
    }
}
