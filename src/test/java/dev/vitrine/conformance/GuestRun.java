package dev.vitrine.conformance;

import java.nio.charset.StandardCharsets;

/**
 * What one run of a guest program produced, on either side. {@code signal} is the number of the
 * signal that killed it (0 if it exited); {@code exitStatus} is meaningful only when signal is 0.
 * {@code diagnostics} is what Vitrine said about the run on its own channel (unimplemented
 * syscalls and the like); empty for qemu.
 */
public record GuestRun(byte[] stdout, byte[] stderr, int exitStatus, int signal, String note, String diagnostics) {
    public GuestRun(byte[] stdout, byte[] stderr, int exitStatus, int signal, String note) {
        this(stdout, stderr, exitStatus, signal, note, "");
    }

    public String stdoutText() { return new String(stdout, StandardCharsets.UTF_8); }
    public String stderrText() { return new String(stderr, StandardCharsets.UTF_8); }

    public String status() {
        return signal != 0 ? "killed by signal " + signal : "exit status " + exitStatus;
    }
}
