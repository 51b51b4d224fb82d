package dev.vitrine.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.vitrine.cli.CliGuests.bash;
import static dev.vitrine.cli.CliGuests.build;
import static dev.vitrine.cli.CliGuests.vitrine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vitrine run` starts a program in the host's current directory, shown read-only at /mnt/host unless --rw. */
class HostDirTest {
    private static Path dir() throws Exception {
        Path d = Files.createTempDirectory("vitrine-hostdir-");
        Files.writeString(d.resolve("data.txt"), "the user's data\n");
        return d;
    }

    @Test void aProgramReadsItsFilesWhereItWasStartedAndCannotWriteThem() throws Exception {
        Path prog = build("hostdir"), d = dir();
        CliGuests.Result r = bash("cd " + d + " && " + vitrine() + " run " + prog, 60);
        assertEquals("cwd /mnt/host\ndata.txt: the user's data\nout.txt: Read-only file system\n", r.out(), r.err());
        assertFalse(Files.exists(d.resolve("out.txt")));
    }

    @Test void rwLetsWritesThrough() throws Exception {
        Path prog = build("hostdir"), d = dir();
        CliGuests.Result r = bash("cd " + d + " && " + vitrine() + " run --rw " + prog, 60);
        assertEquals("cwd /mnt/host\ndata.txt: the user's data\nout.txt: written\n", r.out(), r.err());
        assertEquals("written in the machine\n", Files.readString(d.resolve("out.txt")));
    }

    @Test void noHostDirKeepsTheMachineToItself() throws Exception {
        Path prog = build("hostdir"), d = dir();
        CliGuests.Result r = bash("cd " + d + " && " + vitrine() + " run --no-host-dir " + prog, 60);
        assertEquals("cwd /home/user\ndata.txt: No such file or directory\nout.txt: written\n", r.out(), r.err());
        assertFalse(Files.exists(d.resolve("out.txt")));
    }

    @Test void aMountOfTheUsersOwnAtMntWins() throws Exception {
        Path prog = build("hostdir"), d = dir(), other = Files.createTempDirectory("vitrine-hostdir-other-");
        CliGuests.Result r = bash("cd " + d + " && " + vitrine() + " run --mount " + other + ":/mnt " + prog, 60);
        assertTrue(r.out().startsWith("cwd /home/user\ndata.txt: No such file or directory\n"), r.out() + r.err());
    }
}
