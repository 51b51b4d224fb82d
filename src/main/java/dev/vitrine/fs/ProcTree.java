package dev.vitrine.fs;

import dev.vitrine.abi.Uts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** /proc: self, cpuinfo, deadlock (Vitrine's), loadavg, meminfo, mounts (a link to self/mounts), stat, uptime, version, vmstat, a few of sys/, and per process environ, fd/, maps, mounts, mountinfo, smaps, smaps_rollup, pagemap, stat, statm, status, task/, exe, cmdline, comm, wchan. */
final class ProcTree {
    private ProcTree() {}

    static void mount(Vfs v, ProcSource src) {
        List<String> fixed = List.of("cpuinfo", "deadlock", "loadavg", "meminfo", "mounts", "self", "stat", "sys", "sysvipc", "uptime", "version", "vmstat");
        Dir[] proc = new Dir[1];
        ProcDir sys = dir(v, () -> List.of("fs", "kernel"), n -> n.equals("fs")
                ? constants(v, new String[] {"pipe-max-size", "pipe-user-pages-soft"},
                        Pipe.MAX_SIZE + "\n", PipeBudget.USER_PAGES_SOFT + "\n")
                : kernel(v, src));
        proc[0] = new ProcDir(v, v.root(), 0555, () -> {
            List<String> names = new ArrayList<>(fixed);
            for (int pid : src.pids()) names.add(Integer.toString(pid));
            return names;
        }, name -> switch (name) {
            case "cpuinfo" -> file(v, src::cpuinfo);
            case "deadlock" -> file(v, src::deadlock);
            case "loadavg" -> file(v, src::loadavg);
            case "version" -> file(v, () -> Uts.BANNER);
            case "meminfo" -> file(v, src::meminfo);
            case "vmstat" -> file(v, src::vmstat);
            case "uptime" -> file(v, src::uptime);
            case "stat" -> file(v, src::stat);
            case "self" -> new Symlink(v, Vfs.PROC_DEV, pid -> Integer.toString(pid));
            case "mounts" -> new Symlink(v, Vfs.PROC_DEV, "self/mounts");
            case "sys" -> sys;
            case "sysvipc" -> dir(v, () -> List.of("msg", "sem", "shm"), n -> file(v, () -> v.sysvipc(n)));
            default -> process(v, src, Integer.parseInt(name));
        }, name -> Character.isDigit(name.charAt(0)) ? src.owner(Integer.parseInt(name)) : null);
        v.root().add("proc", proc[0]);
    }

    /** /proc/PID/: every entry, task/ and fd/ included, belongs to the process's effective ids. */
    private static Dir process(Vfs v, ProcSource src, int pid) {
        java.util.function.Function<String, int[]> owner = n -> src.owner(pid);
        return new ProcDir(v, null, 0555, () -> List.of("cmdline", "comm", "environ", "exe", "fd", "maps", "mountinfo", "mounts", "pagemap", "smaps", "smaps_rollup", "stat", "statm", "status", "task", "wchan"), name -> switch (name) {
            case "cmdline" -> file(v, () -> src.cmdline(pid));
            case "comm" -> file(v, () -> src.comm(pid) + "\n");
            case "environ" -> {
                // S_IRUSR, as Linux's REG("environ", S_IRUSR, ...)
                RegularFile f = new RegularFile(v, Vfs.PROC_DEV, 0400, ProcStore.raw(() -> src.environ(pid)).memoryOf(src, pid), true);
                f.link();
                yield f;
            }
            case "exe" -> new Symlink(v, Vfs.PROC_DEV, p -> src.exe(pid)).tracedBy(src, pid);
            case "maps" -> memoryFile(v, src, pid, () -> src.maps(pid));
            case "smaps" -> memoryFile(v, src, pid, () -> src.smaps(pid));
            case "smaps_rollup" -> memoryFile(v, src, pid, () -> src.smapsRollup(pid));
            case "pagemap" -> {
                // S_IRUSR, as Linux's REG("pagemap", S_IRUSR, ...)
                RegularFile f = new RegularFile(v, Vfs.PROC_DEV, 0400, new ProcPagemap(src, pid), true);
                f.link();
                yield f;
            }
            case "stat" -> file(v, () -> src.stat(pid));
            case "statm" -> file(v, () -> src.statm(pid));
            case "status" -> file(v, () -> src.status(pid));
            case "wchan" -> file(v, () -> src.wchan(pid));
            case "mounts" -> polled(v, () -> {
                String root = rootOf(v, src, pid);
                return root == null ? "" : v.mounts().mounts(v, root);
            });
            case "mountinfo" -> polled(v, () -> {
                String root = rootOf(v, src, pid);
                return root == null ? "" : v.mounts().mountinfo(v, root);
            });
            case "task" -> new ProcDir(v, null, 0555, () -> strings(src.tids(pid)), tid -> thread(v, src, pid, Integer.parseInt(tid)), owner);
            default -> new ProcDir(v, null, 0500, () -> {
                FdTable t = src.fds(pid);
                List<String> fds = new ArrayList<>();
                if (t != null) for (int fd : t.openFds()) fds.add(Integer.toString(fd));
                return fds;
            }, fd -> new Symlink(v, Vfs.PROC_DEV, v.nextIno(), p -> {
                FdTable t = src.fds(pid);
                FileDescription d = t == null ? null : t.get(Integer.parseInt(fd));
                return d == null ? "" : d.path();
            }, p -> {
                // a regular file or directory is reached through the descriptor itself (deleted, a memfd)
                FdTable t = src.fds(pid);
                FileDescription d = t == null ? null : t.get(Integer.parseInt(fd));
                Inode i = d == null ? null : d.file().inode();
                return i instanceof RegularFile || i instanceof Dir ? i : null;
            }).opening(p -> {
                FdTable t = src.fds(pid);
                return t == null ? null : t.get(Integer.parseInt(fd));
            }), owner);
        }, owner);
    }

    /** sys/kernel: the uname names, pid_max, tainted, core_pattern, pty/ (max, nr: devpts's limit and pairs), and the sysctls the layers above add (the IPC limits). */
    private static ProcDir kernel(Vfs v, ProcSource src) {
        String[] names = {"core_pattern", "domainname", "hostname", "osrelease", "ostype", "pid_max", "tainted", "version"};
        String[] texts = {"core\n", Uts.DOMAINNAME + "\n", Uts.NODENAME + "\n", Uts.RELEASE + "\n", Uts.SYSNAME + "\n",
                src.pidMax() + "\n", "0\n", Uts.VERSION + "\n"};
        return dir(v, () -> {
            List<String> all = new ArrayList<>(List.of(names));
            all.add("pty");
            all.addAll(v.kernelSysctls().keySet());
            all.sort(null);
            return all;
        }, n -> n.equals("pty")
                ? dir(v, () -> List.of("max", "nr"), f -> file(v, f.equals("max") ? () -> Devpts.MAX + "\n"
                        : () -> (v.devpts() == null ? 0 : v.devpts().count()) + "\n"))
                : v.kernelSysctls().containsKey(n) ? sysctl(v, v.kernelSysctls().get(n))
                : file(v, () -> texts[List.of(names).indexOf(n)]));
    }

    /** A sysctl the layers above keep: root's, 0644 when it takes writes. */
    private static RegularFile sysctl(Vfs v, Sysctl s) {
        RegularFile f = new RegularFile(v, Vfs.PROC_DEV, s.write() == null ? 0444 : 0644, ProcStore.sysctl(s), s.write() == null);
        f.link();
        return f;
    }

    /** task/TID/: the thread's own comm, stat and status; cmdline and statm are its process's, as on Linux. */
    private static Dir thread(Vfs v, ProcSource src, int pid, int tid) {
        return new ProcDir(v, null, 0555, () -> List.of("cmdline", "comm", "stat", "statm", "status"), f -> file(v, switch (f) {
            case "cmdline" -> () -> src.cmdline(pid);
            case "comm" -> () -> src.threadComm(pid, tid) + "\n";
            case "stat" -> () -> src.threadStat(pid, tid);
            case "statm" -> () -> src.statm(pid);
            default -> () -> src.threadStatus(pid, tid);
        }), n -> src.owner(pid));
    }

    private static ProcDir constants(Vfs v, String[] names, String... texts) {
        return dir(v, () -> List.of(names), n -> file(v, () -> texts[List.of(names).indexOf(n)]));
    }

    private static List<String> strings(List<Integer> ns) {
        List<String> out = new ArrayList<>();
        for (int n : ns) out.add(Integer.toString(n));
        return out;
    }

    private static ProcDir dir(Vfs v, Supplier<List<String>> names, java.util.function.Function<String, Inode> make) {
        return new ProcDir(v, null, 0555, names, make);
    }

    /** A world-readable file of the process's memory that only a tracer may open (proc_maps_open's proc_mem_open). */
    private static RegularFile memoryFile(Vfs v, ProcSource src, int pid, Supplier<String> text) {
        RegularFile f = new RegularFile(v, Vfs.PROC_DEV, 0444, new ProcStore(text).memoryOf(src, pid), true);
        f.link();
        return f;
    }

    /** The path of the process's root (chroot's), or null when it is gone or no longer reachable. */
    private static String rootOf(Vfs v, ProcSource src, int pid) {
        FdTable t = src.fds(pid);
        Dir root = t == null ? null : t.root();
        if (root == null) return "/";
        try {
            return Namei.pathOf(v.root(), root);
        } catch (FsException e) {
            return null;
        }
    }

    /** A file epoll may watch (the mount tables). */
    private static RegularFile polled(Vfs v, Supplier<String> text) {
        RegularFile f = new RegularFile(v, Vfs.PROC_DEV, 0444, ProcStore.polled(text), true);
        f.link();
        return f;
    }

    private static RegularFile file(Vfs v, Supplier<String> text) {
        RegularFile f = new RegularFile(v, Vfs.PROC_DEV, 0444, new ProcStore(text), true);
        f.link();
        return f;
    }
}
