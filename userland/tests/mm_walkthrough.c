/* mm_walkthrough: The chapter's annotated mmap walkthrough: print LENGTH bytes of a file from OFFSET by (continued) */
/*
 * mapping it from the page-aligned offset below (as mmap(2)'s example does). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *path, off_t offset, size_t length) {
    struct stat sb;
    int fd = open(path, O_RDONLY);
    fstat(fd, &sb);
    off_t page_offset = offset & ~(sysconf(_SC_PAGE_SIZE) - 1);
    char *addr = mmap(NULL, length + offset - page_offset, PROT_READ, MAP_PRIVATE, fd, page_offset);
    if (addr == MAP_FAILED) { perror("mmap"); exit(1); }
    printf("offset %ld (page offset %ld), %zu bytes: [", (long)offset, (long)page_offset, length);
    fflush(stdout);
    write(1, addr + offset - page_offset, length);
    printf("]\n");
    munmap(addr, length + offset - page_offset);
    close(fd);
}

int main(void) {
    const char *path = "/tmp/mm_walkthrough.txt";
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 700; i++) fprintf(f, "line %03d of the file\n", i);   /* 21 bytes a line */
    fclose(f);
    show(path, 0, 20);
    show(path, 4090, 30);        /* straddles the first page boundary */
    show(path, 8192, 21);        /* exactly on a page */
    show(path, 12345, 40);
    show(path, 14680, 20);       /* the last bytes of the file */
    unlink(path);
    return 0;
}
