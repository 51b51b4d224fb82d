/* mmap_print: the chapter's "annotated mmap walkthrough" (after the mmap(2) man page):
 * print LENGTH bytes of FILE starting at OFFSET by mapping the file instead of reading it.
 *
 *   usage: mmap_print FILE OFFSET LENGTH
 *
 * What it shows: mmap's offset must be a multiple of the page size, so the program rounds
 * OFFSET down to page_offset and maps from there; the bytes it wants start at
 * addr + offset - page_offset. No read(2) is made: the first touch of each mapped page is a
 * (minor) page fault that the kernel fills from the file.
 *
 * What to look at: `vitrine run --stats` shows the file-backed faults, one per page touched
 * (`mmap_print /etc/passwd 5000 10` touches one page, at file offset 4096).
 * Fixed to compile: the walkthrough's fragments joined into a main(); pa_offset (a typo in
 * the text) is page_offset; the argument checks the text assumes are added.
 * Outcome, on Linux and on Vitrine: the bytes, exactly as `dd` or `tail -c` would give them.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s FILE OFFSET LENGTH\n", argv[0]);
        return 2;
    }
    off_t offset = atoll(argv[2]);
    size_t length = atoll(argv[3]);

    struct stat sb;
    int fd = open(argv[1], O_RDONLY);
    if (fd == -1) { perror("open"); return 1; }
    fstat(fd, &sb);
    if (offset >= sb.st_size) { fprintf(stderr, "offset is past end of file\n"); return 1; }
    if (offset + length > (size_t)sb.st_size) length = sb.st_size - offset;

    off_t page_offset = offset & ~(sysconf(_SC_PAGE_SIZE) - 1);
    char *addr = mmap(NULL, length + offset - page_offset, PROT_READ, MAP_PRIVATE, fd, page_offset);
    if (addr == MAP_FAILED) { perror("mmap"); return 1; }

    write(1, addr + offset - page_offset, length);
    munmap(addr, length + offset - page_offset);
    close(fd);
    return 0;
}
