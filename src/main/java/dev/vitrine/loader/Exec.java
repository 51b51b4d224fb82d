package dev.vitrine.loader;

import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.MappedFile;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.UserMemory;
import dev.vitrine.mm.Vma;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a new process image as Linux's load_elf_binary does: the PT_LOAD segments as
 * file-backed private VMAs with bss after them, the break just past the end, a growing
 * stack at the top holding argc, argv, envp and the auxiliary vector.
 */
public final class Exec {
    private Exec() {}

    public static final long AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
            AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14, AT_HWCAP = 16,
            AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_EXECFN = 31;
    /** IMAFDC: bit per extension letter. */
    public static final long HWCAP_RV64GC = 0x112d;
    /** Linux's initial stack VMA is 128 KiB plus what the arguments take; it grows on faults. */
    private static final long INITIAL_STACK = 128 << 10;

    /** Where the new image starts: pc and sp for the hart. */
    public record Image(long entry, long sp, long loadBias, long brk, Bounds bounds) {}

    /** What Linux's mm_struct remembers of the image for /proc/PID/stat: start_code..end_code, start_data..end_data, arg_*, env_*. */
    public record Bounds(long startCode, long endCode, long startData, long endData,
                         long argStart, long argEnd, long envStart, long envEnd) {
        public static final Bounds NONE = new Bounds(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Credentials the auxiliary vector reports; secure is AT_SECURE (a set-id program). */
    public record Creds(int uid, int euid, int gid, int egid, boolean secure) {
        public static Creds of(dev.vitrine.abi.Cred c) { return new Creds(c.uid(), c.euid(), c.gid(), c.egid(), c.secureExec()); }
    }

    /** How the loader finds the program interpreter (PT_INTERP) in the machine's file system; null if absent. */
    @FunctionalInterface
    public interface Lookup { MappedFile open(String path); }

    /** A static program read from the host: its image is its own file. */
    public static Image load(AddressSpace as, ElfFile elf, String execPath, List<String> argv, List<String> envp,
                             byte[] random16, Creds creds) {
        return load(as, elf, MappedFile.of(execPath, elf.image()), execPath, argv, envp, random16, creds, null);
    }

    /**
     * Linux's load_elf_binary: the program's PT_LOADs from {@code exe} (mapped through its page
     * cache, so processes running one file share its clean pages), and for a dynamic program
     * the interpreter named by PT_INTERP, found with {@code lookup} and mapped like an mmap
     * without a hint (top-down); it starts there, with AT_BASE telling it where it is.
     */
    public static Image load(AddressSpace as, ElfFile elf, MappedFile exe, String execPath, List<String> argv,
                             List<String> envp, byte[] random16, Creds creds, Lookup lookup) {
        ElfFile interp = null;
        MappedFile interpFile = null;
        if (elf.interpreter() != null) {
            interpFile = lookup == null ? null : lookup.open(elf.interpreter());
            if (interpFile == null) throw new BadElfException("dynamically linked, and its interpreter " + ElfFile.printable(elf.interpreter()) + " is not on this machine");
            interp = ElfFile.read(interpFile.size(), interpFile::read);
        }
        long bias = 0;
        if (elf.type() == ElfFile.ET_DYN) bias = as.pageDown(as.layout().stackTop() / 3 * 2);
        as.setExeFile(exe);
        long top = mapSegments(as, elf, exe, execPath, bias);
        long phdrVa = 0;
        for (ElfFile.Segment s : elf.loads())
            if (s.offset() <= elf.phoff() && elf.phoff() < s.offset() + s.filesz()) phdrVa = bias + s.vaddr() + (elf.phoff() - s.offset());
        for (ElfFile.Segment s : elf.segments()) if (s.type() == ElfFile.PT_PHDR) phdrVa = bias + s.vaddr();
        as.setBrk(top);
        long interpBase = 0, entry = bias + elf.entry();
        if (interp != null) {
            long lo = Long.MAX_VALUE, hi = 0;
            for (ElfFile.Segment s : interp.loads()) {
                lo = Math.min(lo, as.pageDown(s.vaddr()));
                hi = Math.max(hi, as.pageUp(s.vaddr() + s.memsz()));
            }
            long at = as.findFree(hi - lo);
            if (at < 0) throw new BadElfException("no room for the interpreter " + elf.interpreter());
            interpBase = at - lo;
            mapSegments(as, interp, interpFile, elf.interpreter(), interpBase);
            entry = interpBase + interp.entry();
        }
        return finish(as, elf, execPath, argv, envp, random16, creds, bias, phdrVa, interpBase, entry, top);
    }

    /** Maps the PT_LOAD segments at {@code bias}: file pages privately, bss anonymous; returns the end of the last. */
    private static long mapSegments(AddressSpace as, ElfFile elf, MappedFile file, String name, long bias) {
        long page = as.pageSize();
        long top = 0;
        for (ElfFile.Segment s : elf.loads()) {
            long va = bias + s.vaddr();
            if (((s.vaddr() - s.offset()) & (page - 1)) != 0) throw new BadElfException("segment is not page-aligned with its file offset");
            long start = as.pageDown(va);
            long fileEnd = as.pageUp(va + s.filesz());
            long memEnd = as.pageUp(va + s.memsz());
            if (!as.geometry().representable(start) || memEnd > as.layout().stackTop() || memEnd < start)
                throw new BadElfException(String.format("segment at 0x%x does not fit the %s address space", va, as.geometry().name()));
            int prot = prot(s.flags());
            if (fileEnd > start)
                as.map(new Vma(start, fileEnd, prot, Prot.MAP_PRIVATE, file, as.pageDown(s.offset()), s.offset() + s.filesz(), name));
            if (memEnd > fileEnd)
                as.map(Vma.anonymous(fileEnd, memEnd, prot, Prot.MAP_PRIVATE, ""));
            top = Math.max(top, memEnd);
        }
        return top;
    }

    private static Image finish(AddressSpace as, ElfFile elf, String execPath, List<String> argv, List<String> envp,
                                byte[] random16, Creds creds, long bias, long phdrVa, long interpBase, long entry, long top) {
        long page = as.pageSize();
        long stackTop = as.layout().stackTop();
        int stackProt = Prot.READ | Prot.WRITE | (elf.executableStack() ? Prot.EXEC : 0);
        as.map(Vma.anonymous(stackTop - INITIAL_STACK, stackTop, stackProt, Prot.MAP_PRIVATE | Prot.MAP_GROWSDOWN, "[stack]"));

        StackWriter w = new StackWriter(new UserMemory(as), stackTop - 8);
        long execfn = w.string(execPath);
        List<Long> envPtrs = new ArrayList<>(), argPtrs = new ArrayList<>();
        for (int i = envp.size() - 1; i >= 0; i--) envPtrs.add(0, w.string(envp.get(i)));
        for (int i = argv.size() - 1; i >= 0; i--) argPtrs.add(0, w.string(argv.get(i)));
        long random = w.bytes(random16);
        long[] aux = {
                AT_PHDR, phdrVa, AT_PHENT, elf.phentsize(), AT_PHNUM, elf.phnum(), AT_PAGESZ, page, AT_BASE, interpBase,
                AT_FLAGS, 0, AT_ENTRY, bias + elf.entry(), AT_UID, creds.uid() & 0xffff_ffffL, AT_EUID, creds.euid() & 0xffff_ffffL,
                AT_GID, creds.gid() & 0xffff_ffffL, AT_EGID, creds.egid() & 0xffff_ffffL, AT_HWCAP, HWCAP_RV64GC, AT_CLKTCK, 100,
                AT_SECURE, creds.secure() ? 1 : 0, AT_RANDOM, random, AT_EXECFN, execfn, AT_NULL, 0};
        int words = 1 + argPtrs.size() + 1 + envPtrs.size() + 1 + aux.length;
        long sp = (w.position() - 8L * words) & ~15L;
        if (stackTop - sp > INITIAL_STACK) throw new BadElfException("arguments and environment too large");
        long[] frame = new long[words];
        int k = 0;
        frame[k++] = argPtrs.size();
        for (long p : argPtrs) frame[k++] = p;
        frame[k++] = 0;
        for (long p : envPtrs) frame[k++] = p;
        frame[k++] = 0;
        for (long a : aux) frame[k++] = a;
        w.words(sp, frame);
        // load_elf_binary's reckoning: code from the executable segments, data up to the last segment's file end.
        long startCode = -1, endCode = 0, startData = 0, endData = 0;
        for (ElfFile.Segment s : elf.loads()) {
            boolean x = (s.flags() & ElfFile.PF_X) != 0;
            if (x && Long.compareUnsigned(s.vaddr(), startCode) < 0) startCode = s.vaddr();
            startData = Math.max(startData, s.vaddr());
            if (x) endCode = Math.max(endCode, s.vaddr() + s.filesz());
            endData = Math.max(endData, s.vaddr() + s.filesz());
        }
        long argStart = argPtrs.isEmpty() ? envStart(envPtrs, execfn) : argPtrs.get(0);
        long envStart = envStart(envPtrs, execfn);
        Bounds b = new Bounds(startCode + bias, endCode + bias, startData + bias, endData + bias,
                argStart, envStart, envStart, execfn);
        return new Image(entry, sp, bias, top, b);
    }

    /** The strings lie argv below envp below execfn, each NUL-ended, so one area ends where the next begins. */
    private static long envStart(List<Long> envPtrs, long execfn) {
        return envPtrs.isEmpty() ? execfn : envPtrs.get(0);
    }

    static int prot(int pflags) {
        return ((pflags & ElfFile.PF_R) != 0 ? Prot.READ : 0) | ((pflags & ElfFile.PF_W) != 0 ? Prot.WRITE : 0)
                | ((pflags & ElfFile.PF_X) != 0 ? Prot.EXEC : 0);
    }

    /** Pushes strings and words down from the top of the new stack. */
    private static final class StackWriter {
        private final UserMemory mem;
        private long pos;

        StackWriter(UserMemory mem, long top) { this.mem = mem; this.pos = top; }

        long position() { return pos; }

        long string(String s) {
            byte[] b = dev.vitrine.fs.Names.bytes(s + "\0");
            return bytes(b);
        }

        long bytes(byte[] b) {
            pos -= b.length;
            if (!mem.write(pos, b)) throw new NoMemoryException("no memory left for the initial stack");
            return pos;
        }

        void words(long at, long[] ws) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (long v : ws) for (int i = 0; i < 8; i++) out.write((int) (v >>> (8 * i)));
            if (!mem.write(at, out.toByteArray())) throw new NoMemoryException("no memory left for the initial stack");
        }
    }
}
