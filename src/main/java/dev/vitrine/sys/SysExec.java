package dev.vitrine.sys;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.abi.Cred;
import dev.vitrine.fs.Dir;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Namei;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.loader.BadElfException;
import dev.vitrine.loader.ElfFile;
import dev.vitrine.loader.Exec;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.proc.ExecImage;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import java.util.ArrayList;
import java.util.List;

import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.abi.Fcntl.*;

/**
 * execve and execveat: find the file in the machine's tree, check it may be executed, follow
 * a "#!" line to its interpreter, build the new image in a fresh address space, and only
 * then (nothing can fail after it) replace the old one.
 */
final class SysExec {
    private SysExec() {}

    /** Linux's MAX_ARG_STRLEN and a total like ARG_MAX for an 8 MiB stack (a quarter of it). */
    private static final int MAX_ARG_STRLEN = 32 * 4096, MAX_ARGS_BYTES = 2 << 20, MAX_ARGS = 0x7fffffff;
    private static final int BINPRM_BUF = 256, MAX_INTERP_DEPTH = 4;

    static void register(SyscallTable t, Services s) {
        t.add(221, "execve", Syscall.Result.DEC, Syscall.Status.IMPLEMENTED,
                (k, task, path, argv, envp, a3, a4, a5) -> execve(k, s, task, Fcntl.AT_FDCWD, path, argv, envp, 0), STR, ARGV, ENVP);
        t.add(281, "execveat", Syscall.Result.DEC, Syscall.Status.IMPLEMENTED,
                (k, task, dirfd, path, argv, envp, flags, a5) -> execve(k, s, task, (int) dirfd, path, argv, envp, (int) flags), FD, STR, ARGV, ENVP, AT_FLAGS);
    }

    private static long execve(Kernel k, Services s, Task t, int dirfd, long pathVa, long argvVa, long envpVa, int flags) {
        if ((flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)) != 0) return -Errno.EINVAL;
        String path = SysPathUtil.path(t, pathVa);
        List<String> argv = strings(t, argvVa), envp = strings(t, envpVa);
        // Linux 5.18: an empty argv becomes {""}, so that argv[0] is never NULL for the new program
        if (argv.isEmpty()) argv = List.of("");
        return load(k, s, t, dirfd, path, argv, envp, flags, 0);
    }

    private static long load(Kernel k, Services s, Task t, int dirfd, String path, List<String> argv, List<String> envp,
                             int flags, int depth) {
        if (depth > MAX_INTERP_DEPTH) throw new FsException(Errno.ELOOP);
        RegularFile file = find(t, s, dirfd, path, flags);
        byte[] image = new byte[(int) Math.min(file.size(), ElfFile.HEAD)];
        int n = file.read(0, image, 0, image.length);
        if (n >= 2 && image[0] == '#' && image[1] == '!') return script(k, s, t, path, image, n, argv, envp, depth);
        ElfFile elf;
        try {
            elf = new ElfFile(n == image.length ? image : java.util.Arrays.copyOf(image, Math.max(n, 0)), file.size());
        } catch (BadElfException e) {
            throw new FsException(Errno.ENOEXEC);
        }
        // A dynamically linked program's interpreter must be on this machine (Linux: ENOENT when it is not).
        Exec.Lookup lookup = interp -> {
            try {
                return find(t, s, -100 /* AT_FDCWD */, interp, 0);
            } catch (FsException e) {
                return null;
            }
        };
        if (elf.interpreter() != null && lookup.open(elf.interpreter()) == null) throw new FsException(Errno.ENOENT);
        AddressSpace space = AddressSpace.create(t.space().geometry(), t.space().frames());
        if (space == null) throw new FsException(Errno.ENOMEM);
        String abs = path.startsWith("/") ? path : absolute(t, s, path);
        byte[] random = new byte[16];
        s.randomBytes(random);
        Exec.Image img;
        // bprm_fill_uid: a set-uid or set-gid program runs as its file's owner or group.
        Cred cred = t.cred().exec(file.uid(), file.gid(), file.perm());
        try {
            img = Exec.load(space, elf, file, path, argv, envp, random, Exec.Creds.of(cred), lookup);
        } catch (BadElfException e) {
            space.destroy();
            throw new FsException(e.getMessage().contains("too large") ? Errno.E2BIG : Errno.ENOEXEC);
        } catch (dev.vitrine.loader.NoMemoryException e) {
            space.destroy();
            throw new FsException(Errno.ENOMEM);
        }
        String base = abs.substring(abs.lastIndexOf('/') + 1);
        ExecImage.commit(k, t, space, img.entry(), img.sp(), abs, base);
        t.execCred(cred, !SysPathUtil.permits(t, file, 4));   // would_dump: a program its user cannot read
        t.setImage(argv, img);
        return Syscall.NO_RETURN;
    }

    /** "#!interpreter [one argument]": argv becomes interpreter, [argument], path, argv[1..]. */
    private static long script(Kernel k, Services s, Task t, String path, byte[] image, int n, List<String> argv,
                               List<String> envp, int depth) {
        int end = 2;
        while (end < Math.min(n, BINPRM_BUF) && image[end] != '\n') end++;
        String line = dev.vitrine.fs.Names.of(image, 2, end - 2).strip();
        if (line.isEmpty()) throw new FsException(Errno.ENOEXEC);
        int sp = indexOfSpace(line);
        String interp = sp < 0 ? line : line.substring(0, sp);
        String arg = sp < 0 ? "" : line.substring(sp).strip();
        List<String> nargv = new ArrayList<>();
        nargv.add(interp);
        if (!arg.isEmpty()) nargv.add(arg);
        nargv.add(path);
        if (argv.size() > 1) nargv.addAll(argv.subList(1, argv.size()));
        return load(k, s, t, Fcntl.AT_FDCWD, interp, nargv, envp, 0, depth + 1);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ' ' || s.charAt(i) == '\t') return i;
        return -1;
    }

    private static RegularFile find(Task t, Services s, int dirfd, String path, int flags) {
        Inode i;
        if (path.isEmpty()) {
            if ((flags & AT_EMPTY_PATH) == 0) throw new FsException(Errno.ENOENT);
            var f = t.fds().get(dirfd);
            if (f == null) throw new FsException(Errno.EBADF);
            i = f.file().inode();
        } else {
            Namei.Found f = SysPathUtil.walk(t, s.vfs(), dirfd, path, (flags & AT_SYMLINK_NOFOLLOW) == 0);
            i = f.need();
        }
        if (i instanceof Dir) throw new FsException(Errno.EACCES);
        if (!(i instanceof RegularFile rf)) throw new FsException(Errno.EACCES);
        if (!SysPathUtil.permits(t, i, 1)) throw new FsException(Errno.EACCES);
        if (rf.openForWriting()) throw new FsException(Errno.ETXTBSY);   // do_open_execat's deny_write_access
        return rf;
    }

    private static String absolute(Task t, Services s, String path) {
        String cwd = Namei.pathOf(s.vfs().root(), SysPathUtil.cwd(t, s.vfs()));
        return (cwd.endsWith("/") ? cwd : cwd + "/") + path;
    }

    /** A NULL-terminated array of string pointers (argv, envp); NULL itself is an empty list, as Linux allows. */
    private static List<String> strings(Task t, long va) {
        List<String> out = new ArrayList<>();
        if (va == 0) return out;
        long total = 0;
        for (int i = 0; i < MAX_ARGS; i++) {
            Long p = t.memory().readLong(va + 8L * i);
            if (p == null) throw new FsException(Errno.EFAULT);
            if (p == 0) break;
            String str = t.memory().readCString(p, MAX_ARG_STRLEN);
            if (str == null) throw new FsException(SysPathUtil.readable(t, p, MAX_ARG_STRLEN) ? Errno.E2BIG : Errno.EFAULT);
            total += str.length() + 1 + 8;
            if (total > MAX_ARGS_BYTES) throw new FsException(Errno.E2BIG);
            out.add(str);
        }
        return out;
    }
}
