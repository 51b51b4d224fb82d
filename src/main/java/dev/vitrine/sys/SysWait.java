package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.SigInfo;
import dev.vitrine.proc.Task;
import dev.vitrine.proc.Wait;

import static dev.vitrine.sys.Arg.*;

/** wait4 (wait, waitpid) and waitid. */
final class SysWait {
    private SysWait() {}

    static void register(SyscallTable t, Services s) {
        t.add(260, "wait4", (k, task, pid, status, options, rusage, a4, a5) -> wait4(k, task, (int) pid, status, (int) options, rusage), PID, WSTATUS_OUT, WAIT_OPTIONS, PTR);
        t.add(95, "waitid", (k, task, idtype, id, info, options, rusage, a5) -> waitid(k, task, (int) idtype, (int) id, info, (int) options, rusage), INT, PID, PTR, WAIT_OPTIONS, PTR);
    }

    private static long wait4(Kernel k, Task t, int pid, long statusVa, int options, long rusageVa) {
        if (pid == Integer.MIN_VALUE) return -Errno.ESRCH;
        Object r = Wait.wait4(k, t, pid, options);
        if (r instanceof Long l) return l == Wait.SLEEPING ? Syscall.RESTART : l;
        if (r instanceof Integer i) return i;
        if (r == null) return 0;
        Wait.Report w = (Wait.Report) r;
        if (statusVa != 0 && !t.memory().writeInt(statusVa, w.status())) return -Errno.EFAULT;
        if (rusageVa != 0 && !t.memory().write(rusageVa, Wait.rusage(w.cpu()))) return -Errno.EFAULT;
        return w.pid();
    }

    private static long waitid(Kernel k, Task t, int idtype, int id, long infoVa, int options, long rusageVa) {
        Object r = Wait.waitid(k, t, idtype, id, options);
        if (r instanceof Long l) return l == Wait.SLEEPING ? Syscall.RESTART : l;
        if (r instanceof Integer i) return i;
        byte[] info = r == null ? new byte[128] : SigInfo.child(((Wait.Report) r).code(), ((Wait.Report) r).pid(), ((Wait.Report) r).uid(), ((Wait.Report) r).value()).encode();
        if (infoVa != 0 && !t.memory().write(infoVa, info)) return -Errno.EFAULT;
        if (rusageVa != 0 && !t.memory().write(rusageVa, Wait.rusage(r == null ? 0 : ((Wait.Report) r).cpu()))) return -Errno.EFAULT;
        return 0;
    }
}
