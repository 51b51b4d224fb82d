package dev.vitrine.gdb;

import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.PageTable;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Process;
import dev.vitrine.proc.Signals;
import dev.vitrine.proc.Task;
import dev.vitrine.proc.Watch;
import dev.vitrine.view.FrameMapView;
import dev.vitrine.view.PageTableView;
import dev.vitrine.view.TlbView;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;

/**
 * `--gdb PORT`: a gdb remote stub for the first process, on 127.0.0.1. The machine waits for
 * gdb before that process's first instruction and stops again, with the rest of the machine,
 * on a breakpoint, after a step, on a signal about to be acted on, or at ^C; the other
 * processes run as usual while it runs. Breakpoints are addresses the stub compares the pc
 * with before each of the process's instructions (gdb's Z0), so the program's text is never
 * written; while any is set, or a step is under way, the process runs one instruction per
 * slice, which changes no counter: slices already end at timers and limits.
 *
 * <p>Memory is read and written through the process's page tables as the kernel walks them
 * (no TLB access, no fault, no accessed or dirty bit): an untouched private anonymous page
 * reads as the zeros its first touch would give, any other page that is not present cannot
 * be read ("Cannot access memory"), and only writable present pages can be written. {@code
 * monitor pagetable|tlb|frames} prints the views of this process. A watch: the stub changes
 * the machine only where gdb's user asks (register and memory writes, kill).
 */
public final class GdbStub implements Watch {
    private final ServerSocket server;
    private final PrintStream log;
    private Rsp rsp;
    private Kernel kernel;
    private int pid;
    private boolean detached, stepping, interrupted, fine;
    private final TreeSet<Long> breakpoints = new TreeSet<>();
    private String lastStop;
    private Socket socket;

    private GdbStub(ServerSocket server, PrintStream log) {
        this.server = server;
        this.log = log;
    }

    /** Listens on 127.0.0.1:port now, so that a port in use is a clear error before anything runs. */
    public static GdbStub listen(int port, PrintStream log) {
        try {
            return new GdbStub(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()), log);
        } catch (IOException e) {
            throw new IllegalArgumentException("--gdb " + port + ": cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }

    public int port() { return server.getLocalPort(); }

    @Override public long nextInstret() { return fine ? kernel.retired() + 1 : Long.MAX_VALUE; }

    @Override public void beforeSlice(Kernel k, Task t) {
        fine = false;
        if (detached) return;
        kernel = k;
        try {
            if (pid == 0) {
                pid = t.pid();
                log.println("vitrine: pid " + pid + " waits for gdb on 127.0.0.1:" + port() + " (gdb: target remote :" + port() + ")");
                log.flush();
                socket = server.accept();
                socket.setTcpNoDelay(true);
                rsp = new Rsp(socket.getInputStream(), socket.getOutputStream());
                server.close();
                stop("S05", t);
            } else if (t.pid() == pid) {
                if (rsp.pending() && rsp.readByte() == Rsp.INTERRUPT) interrupted = true;
                if (interrupted) {
                    interrupted = stepping = false;
                    stop(stopReply(Signals.SIGINT, t, ""), t);
                } else if (stepping) {
                    stepping = false;
                    stop(stopReply(Signals.SIGTRAP, t, ""), t);
                } else if (breakpoints.contains(k.hart().pc)) {
                    stop(stopReply(Signals.SIGTRAP, t, "swbreak:;"), t);
                }
            } else if (rsp.pending() && rsp.readByte() == Rsp.INTERRUPT) {
                interrupted = true;   // stops when the debugged process runs next
            }
        } catch (IOException e) {
            hangUp();
        }
        fine = !detached && t.pid() == pid && (stepping || interrupted || !breakpoints.isEmpty());
    }

    @Override public void event(Kernel k, String name, Process p) {
        if (detached || rsp == null || p.pid() != pid) return;
        try {
            if (name.startsWith("signal:")) {
                int sig = signal(name.substring(7));
                Task t = p.threads().isEmpty() ? null : p.threads().get(0);
                if (sig > 0 && sig != Signals.SIGKILL && t != null) stop(stopReply(sig, t, ""), t);
            } else if (name.equals("exit")) {
                int status = p.groupExitStatus();
                rsp.send((status & 0x7f) != 0 ? "X" + hex2(status & 0x7f) : "W" + hex2((status >> 8) & 0xff));
                hangUp();
            }
        } catch (IOException e) {
            hangUp();
        }
    }

    private String stopReply(int sig, Task t, String extra) {
        return "T" + hex2(sig) + extra + "thread:" + Integer.toHexString(t.tid()) + ";";
    }

    /** Stopped: tells gdb why (the first stop is told when gdb asks '?'), then answers it until it resumes the machine. */
    private void stop(String reply, Task t) throws IOException {
        boolean first = lastStop == null;
        lastStop = reply;
        if (!first) rsp.send(reply);
        serve(t);
    }

    private void serve(Task t) throws IOException {
        while (true) {
            String p = rsp.read();
            if (p == null) { hangUp(); return; }
            if (p.equals("\u0003")) continue;   // already stopped
            String reply;
            switch (p.isEmpty() ? ' ' : p.charAt(0)) {
                case '?' -> reply = lastStop;
                case 'g' -> reply = Registers.all(kernel.hart());
                case 'G' -> { Registers.writeAll(kernel.hart(), p.substring(1)); reply = "OK"; }
                case 'p' -> {
                    String r = Registers.read(kernel.hart(), Integer.parseInt(p.substring(1), 16));
                    reply = r == null ? "E45" : r;
                }
                case 'P' -> {
                    int eq = p.indexOf('=');
                    reply = Registers.write(kernel.hart(), Integer.parseInt(p.substring(1, eq), 16), p.substring(eq + 1)) ? "OK" : "E45";
                }
                case 'm' -> reply = readMemory(t, p.substring(1));
                case 'M' -> reply = writeMemory(t, p.substring(1));
                case 'Z', 'z' -> reply = breakpoint(p);
                case 'c' -> { return; }
                case 's' -> { stepping = true; return; }
                case 'v' -> {
                    if (p.startsWith("vCont?")) reply = "vCont;c;C;s;S";
                    else if (p.startsWith("vCont;s") || p.startsWith("vCont;S")) { stepping = true; return; }
                    else if (p.startsWith("vCont;c") || p.startsWith("vCont;C")) return;
                    else if (p.startsWith("vKill")) { kill(t); rsp.send("OK"); hangUp(); return; }
                    else reply = "";
                }
                case 'k' -> { kill(t); hangUp(); return; }
                case 'D' -> { rsp.send("OK"); hangUp(); return; }
                case 'H', 'T' -> reply = "OK";
                case 'q' -> reply = query(t, p);
                default -> reply = "";
            }
            rsp.send(reply);
        }
    }

    private String query(Task t, String p) throws IOException {
        if (p.startsWith("qSupported")) return "PacketSize=4000;qXfer:features:read+;swbreak+;vContSupported+";
        if (p.startsWith("qXfer:features:read:target.xml:")) {
            String[] range = p.substring("qXfer:features:read:target.xml:".length()).split(",");
            int off = Integer.parseInt(range[0], 16), len = Integer.parseInt(range[1], 16);
            String xml = Registers.TARGET_XML;
            if (off >= xml.length()) return "l";
            int end = Math.min(xml.length(), off + len);
            return (end == xml.length() ? "l" : "m") + xml.substring(off, end);
        }
        if (p.equals("qC")) return "QC" + Integer.toHexString(t.tid());
        if (p.equals("qfThreadInfo")) {
            StringBuilder b = new StringBuilder("m");
            for (Task th : t.process().threads()) b.append(b.length() > 1 ? "," : "").append(Integer.toHexString(th.tid()));
            return b.toString();
        }
        if (p.equals("qsThreadInfo")) return "l";
        if (p.equals("qAttached")) return "1";
        if (p.startsWith("qRcmd,")) return monitor(t, new String(unhex(p.substring(6)), StandardCharsets.ISO_8859_1).trim());
        return "";
    }

    /** monitor pagetable|tlb|frames: the views, sent as console output ('O' packets), then OK. */
    private String monitor(Task t, String command) throws IOException {
        Process proc = t.process();
        String text = switch (command) {
            case "pagetable" -> PageTableView.of(proc.pid(), proc.comm(), proc.space()).text(false);
            case "tlb" -> TlbView.of(kernel.mmu(), proc.pid()).text(false);
            case "frames" -> FrameMapView.of(kernel.frames(), FrameMapView.spaces(kernel.processes()), comms()).text(false);
            default -> "monitor commands: pagetable, tlb, frames\n";
        };
        for (int i = 0; i < text.length(); i += 512) rsp.send("O" + hex(text.substring(i, Math.min(text.length(), i + 512))
                .getBytes(StandardCharsets.UTF_8)));
        return "OK";
    }

    private java.util.Map<Integer, String> comms() {
        java.util.Map<Integer, String> m = new java.util.TreeMap<>();
        for (Process p : kernel.processes()) m.put(p.pid(), p.comm());
        return m;
    }

    private String breakpoint(String p) {
        String[] f = p.substring(1).split(",");
        if (f.length < 2 || !(f[0].equals("0") || f[0].equals("1"))) return "";   // watchpoints: not supported
        long addr = Long.parseUnsignedLong(f[1], 16);
        if (p.charAt(0) == 'Z') breakpoints.add(addr); else breakpoints.remove(addr);
        return "OK";
    }

    private String readMemory(Task t, String args) {
        String[] f = args.split(",");
        long va = Long.parseUnsignedLong(f[0], 16);
        int len = (int) Math.min(Long.parseLong(f[1], 16), 0x800);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            long pa = physical(t.space(), va + i, false);
            if (pa >= 0) b.append(String.format("%02x", memory(t.space()).read8(pa)));
            else if (untouchedAnonymous(t.space(), va + i)) b.append("00");
            else break;
        }
        return b.length() == 0 && len > 0 ? "E14" : b.toString();
    }

    private String writeMemory(Task t, String args) {
        int colon = args.indexOf(':');
        String[] f = args.substring(0, colon).split(",");
        long va = Long.parseUnsignedLong(f[0], 16);
        byte[] data = unhex(args.substring(colon + 1));
        for (int i = 0; i < data.length; i++) if (physical(t.space(), va + i, true) < 0) return "E14";
        for (int i = 0; i < data.length; i++) memory(t.space()).write8(physical(t.space(), va + i, true), data[i]);
        return "OK";
    }

    private static PhysicalMemory memory(AddressSpace as) { return as.frames().memory(); }

    /** The physical address of a present user page's byte, walked as the kernel does (no counter, no A/D bit); -1 if none. */
    private static long physical(AddressSpace as, long va, boolean write) {
        if (as == null || va < 0 || !as.geometry().representable(va)) return -1;
        long ptePa = as.pageTable().walk(va, false);
        long pte = ptePa < 0 ? 0 : as.pageTable().read(ptePa);
        if (!Pte.valid(pte) || (pte & Pte.U) == 0 || (write && (pte & Pte.W) == 0) || PageTable.isSwap(pte)) return -1;
        long size = as.pageSize();
        return (Pte.ppn(pte) << as.geometry().pageBits()) | (va & (size - 1));
    }

    /**
     * A private anonymous page never touched (no PTE at all, not swapped): its first touch
     * would give a zero-filled frame, so its bytes are zeros, told without faulting it in.
     */
    private static boolean untouchedAnonymous(AddressSpace as, long va) {
        if (as == null || va < 0 || !as.geometry().representable(va)) return false;
        dev.vitrine.mm.Vma v = as.find(va);
        if (v == null || !v.anonymous() || v.shared() || (v.prot() & dev.vitrine.mm.Prot.READ) == 0) return false;
        long ptePa = as.pageTable().walk(va, false);
        return ptePa < 0 || as.pageTable().read(ptePa) == 0;
    }

    private void kill(Task t) {
        kernel.kill(t, Signals.SIGKILL);
    }

    private void hangUp() {
        detached = true;
        stepping = interrupted = false;
        breakpoints.clear();
        try {
            server.close();
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // closing what is gone
        }
    }

    private static int signal(String name) {
        for (int s = 1; s <= 64; s++) if (Signals.name(s).equals(name)) return s;
        return 0;
    }

    private static String hex2(int v) { return String.format("%02x", v & 0xff); }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(String.format("%02x", x & 0xff));
        return s.toString();
    }

    private static byte[] unhex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return b;
    }
}
