package dev.vitrine.lab.chapter;

import dev.vitrine.lab.GeometryReport;
import dev.vitrine.lab.GeometrySpec;
import dev.vitrine.lab.PageTableSpec;
import dev.vitrine.lab.TranslationReport;
import dev.vitrine.lab.Translator;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;

import java.util.List;

/**
 * The chapter's 17 questions ("Questions", at the end of the virtual memory and IPC chapter),
 * numbered 1-17 as it numbers them, each answered briefly; where a run shows the answer,
 * the userland example that runs on the machine, or the lab computation that works it out.
 */
public final class Chapter {
    private Chapter() {}

    public static final List<Question> QUESTIONS = List.of(
            q(1, "What is virtual memory?",
                    "Each process gets its own address space: the addresses a program uses are virtual, and the MMU translates each one, "
                            + "page by page, to a physical frame the kernel chose. Processes cannot see each other's memory, a program need not "
                            + "care where it sits in RAM, and the kernel can share, move or page out memory behind its back. After fork, parent "
                            + "and child use the same virtual address for a variable, yet once the child writes it the two see different values.",
                    "vm_same_address"),
            q(2, "What are the following and what is their purpose? 1. Translation Lookaside Buffer 2. Physical Address 3. Memory Management "
                            + "Unit. Multilevel page table. Frame number. Page number and page offset. 4. The dirty bit 5. The NX Bit",
                    "The TLB is a small cache of recent translations (page number to frame) in the MMU, so most accesses need no page-table walk. "
                            + "A physical address names a byte of RAM itself. The MMU is the hardware that translates every virtual address, walking "
                            + "the page table (a multilevel one is a tree of small tables indexed by successive bits of the page number) on a TLB miss. "
                            + "An address splits into a page number (which page) and an offset (where in it); the frame number is the physical page "
                            + "the page number maps to. The dirty bit, set by the hardware on a store, tells the kernel a page must be written back "
                            + "before its frame is reused. The NX bit (RISC-V: a PTE without X) forbids fetching instructions from a page: a jump into "
                            + "data faults, which stops code injected into the stack or heap from running.",
                    "nx_bit"),
            q(3, "What is a page table? How about a physical frame? Does a page always need to point to a physical frame?",
                    "A page table is the kernel's map, read by the MMU, from a process's virtual pages to physical frames, with permission bits "
                            + "per page. A frame is a page-sized block of physical memory. No: a page may have no frame at all (never touched, or "
                            + "paged out to swap); its entry is not valid, and the first access faults so the kernel can give it one.",
                    "page_resident"),
            q(4, "What is a page fault? What are the types? When does it result in a SEGFAULT?",
                    "A page fault is the MMU's trap when a translation is missing or forbids the access. Minor: the page is valid but has no "
                            + "frame mapped yet (first touch, copy-on-write, page cache) and the kernel maps one without I/O. Major: the data must "
                            + "be read from disk or swap first. Invalid: no region covers the address, or the region forbids the access (a store "
                            + "to read-only memory, a jump into data); then the kernel sends SIGSEGV, the segmentation fault.",
                    "fault_kinds"),
            calc(5, "What are the advantages to a single-level page table? Disadvantages? How about a multi-level table?",
                    "A single-level table is one array: one memory access per walk and trivial to index, but it needs an entry for every "
                            + "virtual page whether used or not (4 MiB per process for 32-bit addresses and 4 KiB pages; 2^55 bytes for 64-bit). "
                            + "A multi-level table only has the lower-level tables for the parts of the address space in use, so a small process "
                            + "needs a few KiB; the cost is one memory access per level on a TLB miss.",
                    "vitrine geometry --paging x86-32",
                    () -> GeometryReport.of(Geometry.X86_32, null, null, 64).text()),
            calc(6, "What does a multi-leveled table look like in memory?",
                    "A tree of page-sized tables: the top-level table (its frame in a register: satp on RISC-V, CR3 on x86) holds entries "
                            + "pointing to second-level tables, and so on; the last level holds the frame numbers. Absent subtrees cost nothing. "
                            + "Each walk step takes the next bits of the page number as an index into the current table.",
                    "vitrine translate 0xf0f0f0aa --paging x86-32 --table TABLE (map 0xf0f0f000 to frame 0x1234)",
                    () -> TranslationReport.text(Translator.translate(Geometry.X86_32, 0xf0f0f0aaL, Access.LOAD,
                            PageTableSpec.parse(List.of("map 0xf0f0f000 0x1234 rwu"), "the chapter's example", Geometry.X86_32)))),
            calc(7, "How do you determine how many bits are used in the page offset?",
                    "The offset addresses every byte of a page, so it takes log2(page size) bits: 12 bits for 4 KiB pages, 8 for 256 bytes.",
                    "vitrine translate 0b11110000111100001111000010101010 --va-bits 32 --page-size 256",
                    () -> TranslationReport.text(Translator.translate(GeometrySpec.build(null, 32, "256", null, null, null), 0xf0f0f0aaL, Access.LOAD, null))),
            calc(8, "Given a 64-bit address space, 4kb pages and frames, and a 3 level page table, how many bits are the Virtual page number 1, "
                            + "VPN2, VPN3 and the offset?",
                    "The offset is log2(4096) = 12 bits; the remaining 52 bits of page number split over three levels as 18 + 17 + 17 "
                            + "(the top level takes the extra bit).",
                    "vitrine geometry --va-bits 64 --page-size 4K --depth 3",
                    () -> GeometryReport.of(GeometrySpec.build(null, 64, "4K", null, 3, null), null, null, 64).text()),
            q(9, "What is a pipe? How do we create pipes?",
                    "A pipe is a one-way byte stream inside the kernel with a read end and a write end. pipe(fds) creates one: fds[0] to "
                            + "read, fds[1] to write. Made before fork, both processes inherit both ends; each closes the end it does not use.",
                    "pipe_basic"),
            q(10, "When is SIGPIPE delivered to a process?",
                    "When it writes to a pipe (or socket) whose read ends are all closed. By default the signal kills the writer; if it is "
                            + "caught or ignored, write returns -1 with errno EPIPE instead.",
                    "sigpipe_caught"),
            q(11, "Under what conditions will calling read() on a pipe block? Under what conditions will read() immediately return 0",
                    "read blocks while the pipe is empty and some process still holds a write end open (unless the end is O_NONBLOCK: then "
                            + "-1/EAGAIN). It returns 0 at once when the pipe is empty and no write end is open anywhere: end of file. A process "
                            + "that forgets to close its own copy of the write end therefore waits forever.",
                    "pipe_eof"),
            q(12, "What is the difference between a named pipe and an unnamed pipe?",
                    "An unnamed pipe (pipe(2)) exists only as two file descriptors, so only the creator and the processes that inherit them "
                            + "can use it. A named pipe (mkfifo) has a name in the file system: any process allowed to open the path can read or "
                            + "write it, and open blocks until the other side is open too. The data never goes to disk in either case.",
                    "fifo_named"),
            q(13, "Is a pipe thread-safe?",
                    "The kernel serializes the operations on a pipe, so concurrent reads and writes do not corrupt it, and a write of at most "
                            + "PIPE_BUF bytes (4096 on Linux) is atomic: its bytes arrive together. A larger write may be split when the pipe "
                            + "fills, and another writer's bytes may come in between; with several readers, who gets which bytes is not defined. "
                            + "(Linux wakes the writers waiting on a full pipe one at a time, in the order they began to wait, so the two big "
                            + "writes below take turns and interleave; this machine keeps that order. POSIX would allow them whole too.)",
                    "pipe_writers"),
            q(14, "Write a function that uses fseek and ftell to replace the middle character of a file with an 'X'",
                    "Open the file \"r+\", fseek(f, 0, SEEK_END) and ftell for the length, fseek(f, len / 2, SEEK_SET), fputc('X', f), fclose.",
                    "fseek_middle"),
            q(15, "Write a function that creates a pipe and uses write to send 5 bytes, \"HELLO\" to the pipe. Return the read file "
                            + "descriptor of the pipe.",
                    "pipe(fd); write(fd[1], \"HELLO\", 5); return fd[0]. The bytes wait in the kernel's pipe buffer until read; whether to "
                            + "close fd[1] first decides whether a reader later sees end of file or blocks.",
                    "pipe_hello"),
            q(16, "What happens when you mmap a file?",
                    "The kernel creates a region of the address space backed by the file, without reading it. The first access to each page "
                            + "faults, and the kernel maps the page-cache page holding that part of the file. With MAP_SHARED a store changes the "
                            + "file itself (read(2) sees it at once; it reaches the disk on writeback or msync); with MAP_PRIVATE a store copies "
                            + "the page first.",
                    "mmap_write"),
            q(17, "Why is getting the file size with ftell not recommended? How should you do it instead?",
                    "It needs an open stream that can seek, moves its position, and returns a long (a 32-bit long cannot hold a size past "
                            + "2 GiB); on a pipe or terminal it fails. stat(2) (or fstat) gives st_size, an off_t, from the file system, with no "
                            + "stream at all.",
                    "ftell_vs_stat"));

    private static Question q(int n, String text, String answer, String program) {
        return new Question(n, text, answer, program, null, null);
    }

    private static Question calc(int n, String text, String answer, String command, java.util.function.Supplier<String> calculation) {
        return new Question(n, text, answer, null, command, calculation);
    }

    public static Question question(int n) {
        if (n < 1 || n > QUESTIONS.size()) throw new IllegalArgumentException("the chapter has questions 1 to " + QUESTIONS.size() + ", not " + n);
        return QUESTIONS.get(n - 1);
    }
}
