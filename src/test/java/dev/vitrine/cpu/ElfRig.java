package dev.vitrine.cpu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Runs a static riscv64 ELF on a {@link Rig}: segments copied to their (identity-mapped)
 * addresses, argv and a minimal auxv on a stack below 0x3ff000, and just enough of the
 * syscalls a static glibc program makes at start-up (brk, prlimit64, getrandom, write,
 * exit_group...) for the hart tests and the benchmark. Not the kernel.
 */
final class ElfRig {
    final Rig rig;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int exitCode = -1;
    private long brk;
    static final long BRK_LIMIT = 0x300000;
    long traps;

    ElfRig(String resource, List<String> argv) throws IOException { this(new Rig(), resource, argv); }

    ElfRig(Rig rig, String resource, List<String> argv) throws IOException {
        this.rig = rig;
        byte[] elf;
        try (InputStream in = ElfRig.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no resource " + resource);
            elf = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long entry = b.getLong(24), phoff = b.getLong(32), end = 0, phdr = 0;
        int phentsize = b.getShort(54), phnum = b.getShort(56);
        for (int i = 0; i < phnum; i++) {
            int ph = (int) phoff + i * phentsize;
            if (b.getInt(ph) != 1) continue; // PT_LOAD
            long off = b.getLong(ph + 8), vaddr = b.getLong(ph + 16), filesz = b.getLong(ph + 32), memsz = b.getLong(ph + 40);
            rig.mem.fill(vaddr, memsz, (byte) 0);
            rig.mem.write(vaddr, elf, (int) off, (int) filesz);
            rig.hart.invalidatePhysical(vaddr, memsz);
            if (off == 0) phdr = vaddr + phoff;
            end = Math.max(end, vaddr + memsz);
        }
        brk = (end + 0xfff) & ~0xfffL;
        // stack: strings at the top, then argc, argv[], NULL, envp NULL, auxv AT_NULL
        long sp = 0x3ff000, strings = sp - 0x800;
        long[] ptrs = new long[argv.size()];
        long at = strings;
        for (int i = 0; i < argv.size(); i++) {
            byte[] s = argv.get(i).getBytes();
            rig.mem.write(at, s, 0, s.length);
            rig.mem.write8(at + s.length, 0);
            ptrs[i] = at;
            at += s.length + 1;
        }
        long random = at + 16 & ~15L; // 16 "random" bytes for AT_RANDOM (zeros will do)
        long[] auxv = { 3, phdr, 4, 56, 5, phnum, 6, 4096, 9, entry, 11, 0, 12, 0, 13, 0, 14, 0, 16, 0x112d, 17, 100,
                        23, 0, 25, random, 0, 0 };
        sp = strings - 8L * (argv.size() + 3 + auxv.length) & ~15L;
        rig.mem.write64(sp, argv.size());
        for (int i = 0; i < ptrs.length; i++) rig.mem.write64(sp + 8 + 8L * i, ptrs[i]);
        long aux = sp + 8 + 8L * argv.size() + 16; // after argv's NULL and an empty envp
        for (int i = 0; i < auxv.length; i++) rig.mem.write64(aux + 8L * i, auxv[i]);
        rig.hart.x[2] = sp;
        rig.hart.pc = entry;
    }

    /** Runs to exit_group; returns the exit code. */
    int run(long budget) {
        Hart h = rig.hart;
        while (true) {
            int t = h.run(budget);
            traps++;
            if (t == Trap.LIMIT) continue;
            if (t != Trap.ECALL)
                throw new AssertionError(Trap.name(t) + " at 0x" + Long.toHexString(h.pc) + " tval 0x" + Long.toHexString(h.trapValue));
            long nr = h.x[17];
            if (nr == 64) {
                long buf = h.x[11], len = h.x[12];
                for (long i = 0; i < len; i++) stdout.write(rig.mem.read8(buf + i));
                h.x[10] = len;
            } else if (nr == 93 || nr == 94) {
                return exitCode = (int) h.x[10];
            } else if (nr == 214) { // brk
                long want = h.x[10];
                if (want >= brk && want < BRK_LIMIT) {
                    rig.mem.fill(brk, want - brk, (byte) 0);
                    brk = want;
                }
                h.x[10] = brk;
            } else if (nr == 261) { // prlimit64: report an 8 MiB stack limit
                if (h.x[13] != 0) { rig.mem.write64(h.x[13], 8 << 20); rig.mem.write64(h.x[13] + 8, -1); }
                h.x[10] = 0;
            } else if (nr == 278) { // getrandom: deterministic bytes
                for (long i = 0; i < h.x[11]; i++) rig.mem.write8(h.x[10] + i, (int) i * 37);
                h.x[10] = h.x[11];
            } else if (nr == 96 || nr == 226) { // set_tid_address, mprotect
                h.x[10] = nr == 96 ? 1 : 0;
            } else {
                h.x[10] = -38; // ENOSYS
            }
            h.pc += 4;
        }
    }

    String out() { return stdout.toString(); }
}
