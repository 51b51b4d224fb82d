package dev.vitrine.serve;

import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.PageTable;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Pte;
import dev.vitrine.mmu.Walk;
import dev.vitrine.mmu.WalkStep;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Process;
import dev.vitrine.proc.Task;
import dev.vitrine.trace.Json;
import dev.vitrine.view.PageTableView;
import dev.vitrine.view.TlbView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One process as the page's side panel shows it: each thread's registers and the instruction
 * at its pc disassembled, the VMAs, the page table (view.PageTableView), the TLB's entries for
 * its ASID (view.TlbView), and a walk of any address as the hardware would do it
 * (Mmu.explain: no TLB access, no counter, no A/D bit). Read on the machine's thread.
 */
final class ProcessState {
    private ProcessState() {}

    static final String[] ABI = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
            "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

    static Process find(Kernel k, int pid) {
        if (k == null) return null;
        for (Process p : k.processes()) if (p.pid() == pid) return p;
        return pid == Kernel.INIT_PID ? k.init() : null;   // no thread, no space: its name and nothing else
    }

    /** Null when no such process lives. */
    static String json(Kernel k, int pid) {
        Process p = find(k, pid);
        if (p == null) return null;
        Map<String, Object> o = Json.object();
        o.put("pid", p.pid());
        o.put("comm", p.comm());
        o.put("exe", p.exePath());
        o.put("argv", p.argv());
        AddressSpace as = p.space();
        List<Object> threads = new ArrayList<>();
        for (Task t : p.threads()) threads.add(thread(k, t, as));
        o.put("threads", threads);
        if (as != null) {
            o.put("vmas", vmas(as));
            o.put("pagetable", PageTableView.of(p.pid(), p.comm(), as).json());
            o.put("tlb", TlbView.of(k.mmu(), p.pid()).json());
        }
        return Json.write(o);
    }

    private static Map<String, Object> thread(Kernel k, Task t, AddressSpace as) {
        Map<String, Object> o = Json.object();
        o.put("tid", t.tid());
        // The task on the hart has its registers there; everyone else's are in their saved context.
        boolean onHart = t == k.current();
        long pc = onHart ? k.hart().pc : t.pc();
        List<Object> regs = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Map<String, Object> r = Json.object();
            r.put("name", ABI[i]);
            r.put("value", String.format("0x%016x", onHart ? k.hart().x[i] : t.reg(i)));
            regs.add(r);
        }
        o.put("pc", String.format("0x%x", pc));
        o.put("regs", regs);
        o.put("state", onHart ? "running" : t.state().name().toLowerCase());
        if (t.waitReason() != null && t.state() == Task.State.SLEEPING) o.put("wait", t.waitReason());
        int lo = read16(as, pc), hi = (lo & 3) == 3 ? read16(as, pc + 2) : 0;
        if (lo >= 0 && hi >= 0) {
            int bits = (lo & 3) == 3 ? (hi << 16) | lo : lo;
            o.put("insn_hex", (lo & 3) == 3 ? String.format("%08x", bits) : String.format("%04x", bits));
            o.put("insn", Disasm.text(bits, pc));
        } else {
            o.put("insn", "(the page at pc is not present: its first fetch faults it in)");
        }
        return o;
    }

    private static List<Object> vmas(AddressSpace as) {
        List<Object> list = new ArrayList<>();
        for (Vma v : as.vmas()) {
            Map<String, Object> x = Json.object();
            x.put("start", String.format("0x%x", v.start()));
            x.put("end", String.format("0x%x", v.end()));
            x.put("prot", ((v.prot() & Prot.READ) != 0 ? "r" : "-") + ((v.prot() & Prot.WRITE) != 0 ? "w" : "-")
                    + ((v.prot() & Prot.EXEC) != 0 ? "x" : "-") + (v.shared() ? "s" : "p"));
            x.put("pages", v.length() / as.pageSize());
            x.put("offset", v.offset());
            x.put("name", v.name() == null ? "" : v.name());
            list.add(x);
        }
        return list;
    }

    /** The hardware's walk of {@code va} in this process's table, level by level; null when no such process lives. */
    static String walk(Kernel k, int pid, long va, String access) {
        Process p = find(k, pid);
        if (p == null || p.space() == null) return null;
        int acc = switch (access) {
            case "store", "write" -> Access.STORE;
            case "fetch", "exec" -> Access.FETCH;
            default -> Access.LOAD;
        };
        var g = p.space().geometry();
        Map<String, Object> o = Json.object();
        o.put("va", String.format("0x%x", va));
        o.put("access", Access.name(acc));
        if (!g.representable(va)) {
            o.put("fault", "the address is not representable in " + g.name());
            o.put("steps", List.of());
            return Json.write(o);
        }
        Walk w = k.mmu().explain(p.space().pageTable().rootPa(), va, acc);
        List<Object> steps = new ArrayList<>();
        for (WalkStep s : w.steps()) {
            Map<String, Object> x = Json.object();
            x.put("level", s.level());
            x.put("index", s.index());
            x.put("shift", g.shift(s.level()));
            x.put("bits", g.levelBits(s.level()));
            x.put("pte_pa", String.format("0x%x", s.ptePa()));
            x.put("pte", String.format("0x%x", s.pte()));
            x.put("flags", Pte.flags(s.pte()));
            x.put("ppn", String.format("0x%x", Pte.ppn(s.pte())));
            x.put("leaf", s.leaf());
            x.put("valid", s.valid());
            steps.add(x);
        }
        o.put("steps", steps);
        o.put("offset_bits", g.pageBits());
        if (w.ok()) {
            o.put("pa", String.format("0x%x", w.pa()));
            o.put("page_size", w.pageSize());
        } else {
            o.put("fault", w.fault().toString());
            Vma v = p.space().find(va);
            o.put("vma", v == null ? "no mapping: the kernel would send SIGSEGV" : "inside a mapping: the kernel's fault handler would fill it");
        }
        return Json.write(o);
    }

    /** Two bytes of user memory as the kernel walks the table (no counter), or -1 when the page is not present. */
    private static int read16(AddressSpace as, long va) {
        if (as == null || !as.geometry().representable(va)) return -1;
        long ptePa = as.pageTable().walk(va, false);
        long pte = ptePa < 0 ? 0 : as.pageTable().read(ptePa);
        if (!Pte.valid(pte) || (pte & Pte.U) == 0 || PageTable.isSwap(pte)) return -1;
        long pa = (Pte.ppn(pte) << as.geometry().pageBits()) | (va & (as.pageSize() - 1));
        var mem = as.frames().memory();
        return (mem.read8(pa) & 0xff) | (mem.read8(pa + 1) & 0xff) << 8;
    }
}
