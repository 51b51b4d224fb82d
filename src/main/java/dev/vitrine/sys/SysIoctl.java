package dev.vitrine.sys;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.fs.Console;
import dev.vitrine.proc.Signals;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.File;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.OpenFile;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** ioctl: the terminal's (TCGETS, TCSETS*, window size, foreground group), FIONREAD, FIONBIO, FIOCLEX. */
final class SysIoctl {
    private SysIoctl() {}

    private static final int TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TCXONC = 0x540A, TCFLSH = 0x540B, TIOCSTI = 0x5412,
            TIOCGPGRP = 0x540F, TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541B,
            FIONBIO = 0x5421, FIONCLEX = 0x5450, FIOCLEX = 0x5451;

    static void register(SyscallTable t, Services s) {
        t.add(29, "ioctl", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, fd, req, arg, a3, a4, a5) -> ioctl(k, task, (int) fd, (int) req, arg), FD, IOCTL_REQ, PTR);
    }

    static long ioctl(Kernel k, Task t, int fd, int req, long arg) {
        FileDescription f = t.fds().get(fd);
        if (f == null || f.file() instanceof dev.vitrine.fs.PathFile) return -Errno.EBADF;   // fdget skips O_PATH
        File file = f.file();
        if (file instanceof dev.vitrine.fs.PtyEnd pty && req != FIOCLEX && req != FIONCLEX && req != FIONBIO)
            return SysPty.ioctl(k, t, f, pty, req, arg);
        switch (req) {
            case FIOCLEX, FIONCLEX -> { t.fds().setCloexec(fd, req == FIOCLEX); return 0; }
            case FIONBIO -> {
                Integer on = readInt(t, arg);
                if (on == null) return -Errno.EFAULT;
                f.setFlags(on != 0 ? f.flags() | Fcntl.O_NONBLOCK : f.flags() & ~Fcntl.O_NONBLOCK);
                return 0;
            }
            case FIONREAD -> {
                long n;
                if (file instanceof PipeEnd p) n = p.pipe().queued();
                else if (file instanceof OpenFile of) n = Math.max(0, of.stat().size() - f.offset());
                else if (file instanceof Console c) n = c.available();   // a terminal or the host pipe behind it
                else return -Errno.ENOTTY;
                return t.memory().writeInt(arg, (int) n) ? 0 : -Errno.EFAULT;
            }
            default -> { }
        }
        if (!(file instanceof Console c) || !c.isTerminal()) return -Errno.ENOTTY;
        return switch (req) {
            case TCGETS -> t.memory().write(arg, c.termios()) ? 0 : -Errno.EFAULT;
            case TCSETS, TCSETSW, TCSETSF -> {
                long tty = SysFile.ttyCheck(k, t, c, Signals.SIGTTOU);
                if (tty != 0) yield tty;
                byte[] b = new byte[36];
                if (!t.memory().read(arg, b, 0, b.length)) yield -Errno.EFAULT;
                if (req == TCSETSF) c.terminal().flushInput();
                c.setTermios(b);
                yield 0;
            }
            case TCFLSH -> {
                if (arg < 0 || arg > 2) yield -Errno.EINVAL;
                long tty = SysFile.ttyCheck(k, t, c, Signals.SIGTTOU);
                if (tty != 0) yield tty;
                if (arg != 1) c.terminal().flushInput();   // TCIFLUSH, TCIOFLUSH; output is the host's at once
                yield 0;
            }
            case TCXONC -> {
                if (arg < 0 || arg > 3) yield -Errno.EINVAL;
                long tty = SysFile.ttyCheck(k, t, c, Signals.SIGTTOU);
                if (tty != 0) yield tty;
                if (!c.terminal().cooking()) yield 0;   // the host terminal cooks: its flow is its own
                if (arg <= 1) c.terminal().flow(arg == 1);   // TCOOFF, TCOON
                else c.terminal().sendFlowChar(arg == 3);   // TCIOFF, TCION
                yield 0;
            }
            case TIOCSTI -> {
                boolean mine = t.process().sid() == 0 && !dev.vitrine.proc.Ctty.dropped(t);   // the console is session 0's
                if (!mine && !SysFsOpen.capSysAdmin(t)) yield -Errno.EPERM;
                byte[] b = new byte[1];
                if (!t.memory().read(arg, b, 0, 1)) yield -Errno.EFAULT;
                if (!c.terminal().simulateInput(b[0])) yield -Errno.EIO;   // the host cooks: nothing here to type into
                yield 0;
            }
            case TIOCGWINSZ -> t.memory().write(arg, Abi.winsize(c.terminal().rows(), c.terminal().cols())) ? 0 : -Errno.EFAULT;
            case TIOCSWINSZ -> {
                byte[] w = new byte[8];
                if (!t.memory().read(arg, w, 0, 8)) yield -Errno.EFAULT;
                c.terminal().resize((w[0] & 0xff) | (w[1] & 0xff) << 8, (w[2] & 0xff) | (w[3] & 0xff) << 8);
                yield 0;
            }
            case TIOCGPGRP -> t.memory().writeInt(arg, k.foregroundPgid()) ? 0 : -Errno.EFAULT;
            case TIOCSPGRP -> {
                long tty = SysFile.ttyCheck(k, t, c, Signals.SIGTTOU);
                if (tty != 0) yield tty == -Errno.EIO ? -Errno.ENOTTY : tty;   // tiocspgrp
                Integer pg = readInt(t, arg);
                if (pg == null) yield -Errno.EFAULT;
                if (pg < 0) yield -Errno.EINVAL;
                k.setForegroundPgid(pg);
                yield 0;
            }
            default -> -Errno.ENOTTY;
        };
    }

    private static Integer readInt(Task t, long va) {
        byte[] b = new byte[4];
        if (!t.memory().read(va, b, 0, 4)) return null;
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }
}
