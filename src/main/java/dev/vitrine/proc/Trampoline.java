package dev.vitrine.proc;

import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.MappedFile;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;

/**
 * The signal return trampoline. Linux riscv returns from handlers through the vDSO's
 * __vdso_rt_sigreturn and glibc on riscv never sets SA_RESTORER, so the kernel must provide
 * the code: one read-only executable page, "[vdso]", just above the mmap area of every
 * process, holding {@code li a7, 139; ecall} (rt_sigreturn). Handlers start with ra there.
 */
public final class Trampoline {
    private Trampoline() {}

    /** li a7, 139 (addi x17, x0, 139); ecall. */
    static final byte[] CODE = {(byte) 0x93, 0x08, (byte) 0xb0, 0x08, 0x73, 0, 0, 0};

    /** The page's file: one per machine, since its page cache holds that machine's frame. */
    static MappedFile file() { return MappedFile.of("[vdso]", CODE); }

    public static long address(AddressSpace space) { return space.layout().mmapBase(); }

    static void map(AddressSpace space, MappedFile page) {
        long at = address(space);
        if (space.find(at) != null) return;
        space.map(new Vma(at, at + space.pageSize(), Prot.READ | Prot.EXEC, Prot.MAP_PRIVATE, page, 0, CODE.length, "[vdso]"));
    }
}
