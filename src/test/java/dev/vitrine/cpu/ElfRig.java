package dev.vitrine.cpu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Runs a freestanding static riscv64 ELF (only write and exit_group) on a {@link Rig}:
 * segments copied to their (identity-mapped) addresses, argv on a stack below 0x3ff000.
 * Just enough kernel for the hart tests and the benchmark.
 */
final class ElfRig {
    final Rig rig = new Rig();
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int exitCode = -1;
    long traps;

    ElfRig(String resource, List<String> argv) throws IOException {
        byte[] elf;
        try (InputStream in = ElfRig.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no resource " + resource);
            elf = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long entry = b.getLong(24), phoff = b.getLong(32);
        int phentsize = b.getShort(54), phnum = b.getShort(56);
        for (int i = 0; i < phnum; i++) {
            int ph = (int) phoff + i * phentsize;
            if (b.getInt(ph) != 1) continue; // PT_LOAD
            long off = b.getLong(ph + 8), vaddr = b.getLong(ph + 16), filesz = b.getLong(ph + 32), memsz = b.getLong(ph + 40);
            rig.mem.fill(vaddr, memsz, (byte) 0);
            rig.mem.write(vaddr, elf, (int) off, (int) filesz);
            rig.hart.invalidatePhysical(vaddr, memsz);
        }
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
        sp = strings - 8L * (argv.size() + 5) & ~15L;
        rig.mem.write64(sp, argv.size());
        for (int i = 0; i < ptrs.length; i++) rig.mem.write64(sp + 8 + 8L * i, ptrs[i]);
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
            } else {
                h.x[10] = -38; // ENOSYS
            }
            h.pc += 4;
        }
    }

    String out() { return stdout.toString(); }
}
