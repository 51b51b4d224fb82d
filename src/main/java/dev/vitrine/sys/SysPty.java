package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.Pty;
import dev.vitrine.fs.PtyEnd;
import dev.vitrine.fs.PtyMaster;
import dev.vitrine.fs.PtySlave;
import dev.vitrine.fs.Terminal;
import dev.vitrine.proc.Ctty;
import dev.vitrine.proc.JobControl;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Signals;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Fcntl.*;

/**
 * ioctl on either end of a pseudo-terminal (tty_ioctl with pty_unix98_ioctl): as on Linux the
 * termios, window size, groups and session are the slave's whichever end is asked; TIOCGPTN,
 * TIOC[SG]PTLCK, TIOCGPTPEER and TIOCSIG are the master's; a hung-up slave answers EIO
 * (ENOTTY for TIOCSPGRP).
 */
final class SysPty {
    private SysPty() {}

    static final int TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TCSBRK = 0x5409,
            TCXONC = 0x540A, TCFLSH = 0x540B, TIOCSCTTY = 0x540E, TIOCGPGRP = 0x540F, TIOCSPGRP = 0x5410, TIOCOUTQ = 0x5411,
            TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541B, TIOCNOTTY = 0x5422, TCSBRKP = 0x5425,
            TIOCGSID = 0x5429, TIOCGPTN = 0x80045430, TIOCSPTLCK = 0x40045431, TIOCSIG = 0x40045436,
            TIOCGPTLCK = 0x80045439, TIOCGPTPEER = 0x5441, TIOCSTI = 0x5412, TIOCPKT = 0x5420, TIOCGPKT = 0x80045438;
    private static final int CSIZE = 0x30, PARENB = 0x100, CS8 = 0x30, CREAD = 0x80;

    static long ioctl(Kernel k, Task t, FileDescription f, PtyEnd end, int req, long arg) {
        Pty p = end.pty();
        Terminal term = p.terminal();
        if (!end.master() && p.hungUp()) return req == TIOCSPGRP ? -Errno.ENOTTY : -Errno.EIO;
        boolean mine = Ctty.of(k, t) == p;
        return switch (req) {
            case TCGETS -> t.memory().write(arg, term.termios()) ? 0 : -Errno.EFAULT;
            case TCSETS, TCSETSW, TCSETSF -> {
                long c = change(k, t, p);
                if (c != 0) yield c;
                byte[] b = new byte[36];
                if (!t.memory().read(arg, b, 0, b.length)) yield -Errno.EFAULT;
                // pty_set_termios: always 8 bits, receiver on, no parity.
                b[8] = (byte) ((b[8] & ~(CSIZE | CREAD)) | CS8 | CREAD);
                b[9] = (byte) (b[9] & ~(PARENB >> 8));
                if (req == TCSETSF) p.flushSlaveInput();
                byte[] old = term.termios();
                term.setTermios(b);
                p.termiosChanged(old);
                yield 0;
            }
            case TCSBRK, TCSBRKP -> change(k, t, p);
            case TCXONC -> {
                if (arg < 0 || arg > 3) yield -Errno.EINVAL;
                long c = change(k, t, p);
                if (c != 0) yield c;
                // The master's own output (into the slave) is not flow-controlled here; its tcflow sends the characters.
                if (end.master()) yield arg >= 2 ? p.masterSendFlowChar(arg == 3) : 0;
                if (arg <= 1) term.flow(arg == 1);   // TCOOFF, TCOON
                else term.sendFlowChar(arg == 3);   // TCIOFF, TCION
                yield 0;
            }   // tcdrain, tcsendbreak: a pty has nothing in flight
            case TCFLSH -> {
                if (arg < 0 || arg > 2) yield -Errno.EINVAL;
                long c = change(k, t, p);
                if (c != 0) yield c;
                boolean in = arg != 1, out = arg != 0;   // TCIFLUSH 0, TCOFLUSH 1, TCIOFLUSH 2
                // tty_perform_flush on the end asked: its input, and the other side's queue toward it.
                if (end.master()) p.flushMaster(in, out);
                else p.flushSlave(in, out);
                yield 0;
            }
            case TIOCGWINSZ -> t.memory().write(arg, Abi.winsize(term.rows(), term.cols())) ? 0 : -Errno.EFAULT;
            case TIOCSWINSZ -> {
                byte[] w = new byte[8];
                if (!t.memory().read(arg, w, 0, 8)) yield -Errno.EFAULT;
                term.resize((w[0] & 0xff) | (w[1] & 0xff) << 8, (w[2] & 0xff) | (w[3] & 0xff) << 8);
                yield 0;
            }
            case FIONREAD -> t.memory().writeInt(arg, end instanceof PtyMaster m ? m.available() : ((PtySlave) end).available())
                    ? 0 : -Errno.EFAULT;
            case TIOCOUTQ -> t.memory().writeInt(arg, 0) ? 0 : -Errno.EFAULT;   // pty_chars_in_buffer: written is delivered
            case TIOCGPGRP -> !end.master() && !mine ? -Errno.ENOTTY
                    : t.memory().writeInt(arg, Math.max(term.foregroundPgid(), 0)) ? 0 : -Errno.EFAULT;
            case TIOCSPGRP -> {
                long c = change(k, t, p);
                if (c == -Errno.EIO) yield -Errno.ENOTTY;
                if (c != 0) yield c;
                if (!mine) yield -Errno.ENOTTY;
                Integer pg = readInt(t, arg);
                if (pg == null) yield -Errno.EFAULT;
                yield Ctty.setForeground(k, t, p, pg);
            }
            case TIOCGSID -> !end.master() && !mine || p.session() == 0 ? -Errno.ENOTTY
                    : t.memory().writeInt(arg, p.session()) ? 0 : -Errno.EFAULT;
            case TIOCSCTTY -> Ctty.set(k, t, p, arg == 1, SysFsOpen.capSysAdmin(t), f.readable());
            case TIOCNOTTY -> {
                if (end.master() || !mine) yield -Errno.ENOTTY;
                Ctty.detach(k, t, p);
                yield 0;
            }
            case TIOCPKT -> {
                if (!end.master()) yield -Errno.ENOTTY;
                Integer on = readInt(t, arg);
                if (on == null) yield -Errno.EFAULT;
                p.setPacket(on != 0);
                yield 0;
            }
            case TIOCGPKT -> !end.master() ? -Errno.ENOTTY : t.memory().writeInt(arg, p.packet() ? 1 : 0) ? 0 : -Errno.EFAULT;
            case TIOCSTI -> {
                // tiocsti as with dev.tty.legacy_tiocsti = 1: one's own controlling terminal, or CAP_SYS_ADMIN.
                if ((end.master() || !mine) && !SysFsOpen.capSysAdmin(t)) yield -Errno.EPERM;
                byte[] c = new byte[1];
                if (!t.memory().read(arg, c, 0, 1)) yield -Errno.EFAULT;
                if (end.master()) p.masterSimulateInput(c[0]);
                else term.simulateInput(c[0]);
                yield 0;
            }
            case TIOCGPTN -> !end.master() ? -Errno.ENOTTY : t.memory().writeInt(arg, p.index()) ? 0 : -Errno.EFAULT;
            case TIOCSPTLCK -> {
                if (!end.master()) yield -Errno.ENOTTY;
                Integer on = readInt(t, arg);
                if (on == null) yield -Errno.EFAULT;
                p.setLocked(on != 0);
                yield 0;
            }
            case TIOCGPTLCK -> !end.master() ? -Errno.ENOTTY : t.memory().writeInt(arg, p.locked() ? 1 : 0) ? 0 : -Errno.EFAULT;
            case TIOCGPTPEER -> end.master() ? peer(k, t, p, (int) arg) : -Errno.EIO;
            case TIOCSIG -> {
                if (!end.master()) yield -Errno.ENOTTY;
                if (arg != Signals.SIGINT && arg != Signals.SIGQUIT && arg != Signals.SIGTSTP) yield -Errno.EINVAL;
                if (term.foregroundPgid() > 0) term.signal((int) arg);
                yield 0;
            }
            default -> -Errno.ENOTTY;
        };
    }

    /** tty_check_change on the slave for the caller: 0, -EIO, or RESTART once its group was stopped. */
    private static long change(Kernel k, Task t, Pty p) {
        if (p.session() == 0) return 0;
        long r = JobControl.check(k, t, Signals.SIGTTOU, p.session(), p.terminal().foregroundPgid());
        return r == JobControl.SIGNALLED ? Syscall.RESTART : r;
    }

    /** ptm_open_peer: the slave opened from the master, as open(2) of /dev/pts/N with {@code flags} would. */
    private static long peer(Kernel k, Task t, Pty p, int flags) {
        int acc = flags & O_ACCMODE;
        if (acc == 3) return -Errno.EINVAL;
        dev.vitrine.fs.File slave = p.openSlave();
        opened(k, t, slave, flags);
        int keep = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
        FileDescription d = new FileDescription(slave, keep).withPath("/dev/pts/" + p.index());
        int fd = t.fds().allocate(d, 0, (flags & O_CLOEXEC) != 0);
        if (fd < 0) d.release();
        return fd;
    }

    /** After any open of a device: a new pair's slave is the opener's; a slave may become the caller's controlling terminal. */
    static void opened(Kernel k, Task t, dev.vitrine.fs.File file, int flags) {
        if (file instanceof PtyMaster m) m.pty().setOwner(t.cred().fsuid(), t.cred().fsgid());
        if (file instanceof PtySlave s)
            Ctty.opened(k, t, s.pty(), (flags & O_NOCTTY) != 0, (flags & O_ACCMODE) != O_WRONLY);
    }

    private static Integer readInt(Task t, long va) {
        byte[] b = new byte[4];
        if (!t.memory().read(va, b, 0, 4)) return null;
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }
}
