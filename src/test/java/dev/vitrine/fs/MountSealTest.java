package dev.vitrine.fs;

import dev.vitrine.Machine;
import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writable --mount is sealed: guest programs that attack it (renames, "..", a host symlink
 * pointing out, a second process racing) leave everything outside untouched, and its rename,
 * link, mkdir and unlink answer as Linux does (qemu-riscv64 on a copy of the same directory).
 * The cross compiler and qemu are required under CI=true.
 */
class MountSealTest {
    @TempDir Path tmp;

    static Path compile(String name) throws Exception {
        return dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/java/dev/vitrine/fs", name + ".c"));
    }

    record Run(int status, String out, String err) {}

    static Run vitrine(Path bin, List<String> mounts, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Machine.Builder b = Machine.builder().stdout(out).stderr(err).tty(false).maxInstructions(2_000_000_000L);
        for (String m : mounts) b.mount(m);
        List<String> argv = new ArrayList<>(List.of(bin.getFileName().toString()));
        argv.addAll(List.of(args));
        Machine.Result r = b.build().run(bin, argv);
        return new Run(r.exitStatus(), out.toString(), err.toString());
    }

    /** Everything under {@code dir}: each path with its kind, bytes or link target, and mtime. */
    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted().toList()) {
                String what;
                if (Files.isSymbolicLink(p)) what = "-> " + Files.readSymbolicLink(p);
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) what = "dir";
                else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) what = "file " + new String(Files.readAllBytes(p));
                else what = "special";                 // a FIFO: never opened
                if (!Files.isSymbolicLink(p))
                    what += " " + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                m.put(dir.relativize(p).toString(), what + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "" : " @" + t.toMillis()));
            }
        }
        return m;
    }

    /** Outside: a directory with a canary file; inside: the mount, with a host symlink pointing outside. */
    private Path[] world() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("canary"), "SECRET\n");
        Files.setLastModifiedTime(outside.resolve("canary"), FileTime.fromMillis(1_000_000_000_000L));
        Path mnt = Files.createDirectories(tmp.resolve("mnt"));
        Files.createDirectories(mnt.resolve("d"));
        Files.writeString(mnt.resolve("d/keep"), "inner\n");
        Files.createSymbolicLink(mnt.resolve("out"), outside);
        return new Path[] {outside, mnt};
    }

    @Test void attacksThroughRenamesSymlinksAndRacesLeaveTheOutsideAlone() throws Exception {
        Path bin = compile("mount_attack");
        Path[] w = world();
        Map<String, String> before = snapshot(w[0]);
        Run r = vitrine(bin, List.of(w[1] + ":/m:rw"), "/m");
        assertEquals(0, r.status(), r.err());
        assertEquals("whiteout EPERM\nfound 0\n", r.out());
        assertEquals(before, snapshot(w[0]));
        // the guest did act inside: what it made there is on the host
        assertTrue(Files.exists(w[1].resolve("f/keep")), snapshot(w[1]).toString());
        assertTrue(Files.isSymbolicLink(w[1].resolve("out")));
    }

    @Test void attackProgramDoesReachOutsideWhenTheHostResolvesPaths() throws Exception {
        // The same program under qemu on the real kernel follows the host symlink: the attack is real.
        Path qemu = Toolchain.requireQemu();
        Path bin = compile("mount_attack");
        Path[] w = world();
        Process p = new ProcessBuilder(qemu.toString(), bin.toString(), w[1].toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertFalse(Files.exists(w[0].resolve("canary")) && Files.readString(w[0].resolve("canary")).equals("SECRET\n")
                && snapshot(w[0]).size() == 2, "qemu left the outside alone: the attack program tests nothing");
    }

    @Test void renameLinkMkdirUnlinkAnswerAsLinuxDoes() throws Exception {
        Path qemu = Toolchain.requireQemu();
        Path bin = compile("mount_ops");
        Path a = Files.createDirectories(tmp.resolve("a")), b = Files.createDirectories(tmp.resolve("b"));
        for (Path d : List.of(a, b)) {
            Files.writeString(d.resolve("pre"), "pre\n");
            Files.createDirectories(d.resolve("predir/one"));     // links the guest has not looked at yet
            Files.createDirectories(d.resolve("predir/two"));
        }
        Run v = vitrine(bin, List.of(a + ":/w:rw"), "/w");
        Process p = new ProcessBuilder(qemu.toString(), bin.toString(), b.toString()).redirectErrorStream(true).start();
        String q = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(q, v.out());
        // and the two host directories ended the same
        Map<String, String> sa = strip(snapshot(a)), sb = strip(snapshot(b));
        assertEquals(sb, sa);
        assertTrue(sa.containsKey("moved/sub/g"), sa.toString());
    }

    @Test void theSameCallsOnTmpfsAnswerAsLinuxDoes() throws Exception {
        Path qemu = Toolchain.requireQemu();
        Path bin = compile("mount_ops");
        Path b = Files.createDirectories(tmp.resolve("b"));
        Run v = vitrine(bin, List.of(), "/tmp/w");
        Process p = new ProcessBuilder(qemu.toString(), bin.toString(), b.toString()).redirectErrorStream(true).start();
        String q = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(q.matches("(?s).*\nexchange e d \\(dirs\\) +0\n.*"), q);
        assertEquals(q, v.out());
    }

    private static Map<String, String> strip(Map<String, String> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.replaceAll(" @\\d+$", "")));
        return out;
    }

    @Test void nestedMountNeedsAnExistingDirectoryAndNeverChangesTheHost() throws Exception {
        Path bin = compile("mount_ops");
        Path top = Files.createDirectories(tmp.resolve("top")), other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(top.resolve("file"), "precious\n");
        Map<String, String> before = snapshot(top);
        for (String spot : List.of("/t/file", "/t/missing", "/t/missing/deeper")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> vitrine(bin, List.of(top + ":/t:rw", other + ":" + spot), "/nowhere"));
            assertTrue(e.getMessage().startsWith("--mount " + spot), e.getMessage());
            assertEquals(before, snapshot(top));
        }
        // over an existing directory it covers it; the covered host directory is untouched
        Files.createDirectories(top.resolve("sub"));
        Files.writeString(top.resolve("sub/hidden"), "under the mount\n");
        before = snapshot(top);
        Run r = vitrine(compile("mount_ls"), List.of(top + ":/t:rw", other + ":/t/sub:rw"), "/t/sub");
        assertEquals("", r.out());
        assertEquals(before, snapshot(top));
    }

    @Test void programImageNeverLandsInAMountedHome() throws Exception {
        Path bin = compile("mount_ls");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("mount_ls"), "my own file of that name\n");
        Map<String, String> before = snapshot(home);
        Run r = vitrine(bin, List.of(home + ":/home/user:rw"), "/proc/self/exe", "/home/user");
        assertEquals(0, r.status(), r.err());
        assertEquals("exe /run/vitrine/mount_ls\nmount_ls\n", r.out());
        assertEquals(before, snapshot(home));
        // without a mount there, it is /home/user/NAME as before
        r = vitrine(bin, List.of(), "/proc/self/exe");
        assertEquals("exe /home/user/mount_ls\n", r.out());
    }

    @Test void hostNamesOfAnyBytesRoundTripUnderAPosixLocale() throws Exception {
        Path bin = compile("mount_ls");
        Path dir = Files.createDirectories(tmp.resolve("names"));
        // A host file with a non-UTF-8 name (0xe9) and a UTF-8 one, made by the host's own tools.
        Process mk = new ProcessBuilder("sh", "-c", "touch \"$(printf 'lat\\351')\" \"$(printf 'caf\\303\\251')\"")
                .directory(dir.toFile()).start();
        assertEquals(0, mk.waitFor());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xss16m", "-cp", System.getProperty("java.class.path"),
                "dev.vitrine.cli.Main", "run", "--mount", dir + ":/n:rw", bin.toString(), "hex", "/n");
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("LANG", "C");
        pb.environment().remove("LC_CTYPE");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        // names in hex, each opened, written and renamed back and forth by the guest
        assertEquals("636166c3a9 ok\n6c6174e9 ok\nmade ok\n", out);
        Process ls = new ProcessBuilder("sh", "-c", "ls | od -An -tx1 | tr -d ' \\n'").directory(dir.toFile()).start();
        String hex = new String(ls.getInputStream().readAllBytes());
        assertEquals(0, ls.waitFor());
        assertEquals("636166c3a90a6c6174e90a6e6577fffe0a", hex);
        assertEquals("lat\u00e9", HostCalls.text(new byte[] {'l', 'a', 't', (byte) 0xe9}));
    }

    static void deleteTree(Path p) throws Exception {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
