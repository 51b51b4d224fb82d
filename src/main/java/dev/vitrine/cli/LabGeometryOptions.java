package dev.vitrine.cli;

import dev.vitrine.lab.GeometrySpec;
import dev.vitrine.mmu.Geometry;
import picocli.CommandLine.Option;

/** The geometry options translate, geometry and quiz share: a preset or the fields. */
final class LabGeometryOptions {
    @Option(names = "--paging", paramLabel = "PRESET", description = "sv39, sv48, sv57, x86-32, flat32") String preset;
    @Option(names = "--va-bits", paramLabel = "N", description = "virtual address width") Integer vaBits;
    @Option(names = "--page-size", paramLabel = "SIZE", description = "page size, e.g. 4K, 256 (default 4K)") String pageSize;
    @Option(names = "--levels", paramLabel = "B,B,...", description = "index bits per level, top first, e.g. 10,10") String levels;
    @Option(names = "--depth", paramLabel = "N", description = "number of levels; page-number bits split evenly, top levels take the rest") Integer depth;
    @Option(names = "--pte-bytes", paramLabel = "4|8", description = "PTE size (default 4 up to 32-bit addresses, else 8)") Integer pteBytes;

    Geometry geometry() { return GeometrySpec.build(preset, vaBits, pageSize, levels, depth, pteBytes); }
}
