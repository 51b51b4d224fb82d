package dev.vitrine.sys;

import java.util.SplittableRandom;

/** What syscalls need from the machine beyond the kernel and the task: the seeded randomness and the terminal's size. */
public final class Services {
    private final SplittableRandom random;

    private dev.vitrine.fs.Vfs vfs;

    public Services(long seed) { this.random = new SplittableRandom(seed ^ 0x5eed_0f_a11L); }

    /** The machine's file tree (Boot builds it). */
    public dev.vitrine.fs.Vfs vfs() { return vfs; }
    public void setVfs(dev.vitrine.fs.Vfs v) { vfs = v; }

    /** getrandom and AT_RANDOM: seeded, so runs repeat. */
    public void randomBytes(byte[] b) {
        for (int i = 0; i < b.length; i++) b[i] = (byte) random.nextInt(256);
    }
}
