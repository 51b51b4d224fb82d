package dev.vitrine.fs;

import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A /proc/sys file whose value a layer above keeps (ctl_table): the text a read shows, and
 * what writing it does with the bytes of one write at offset 0 (how many it took, or -errno;
 * null: read-only). The file is root's, 0644 when writable, as proc_sys_make_inode gives it.
 */
public record Sysctl(Supplier<String> read, ToLongFunction<byte[]> write) {}
