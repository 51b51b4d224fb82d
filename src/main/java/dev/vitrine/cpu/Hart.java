package dev.vitrine.cpu;

import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.PhysicalMemory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One RV64GC hart in user mode: fetch through the MMU, look the instruction up in the
 * shared {@link CodeCache} (decode on a miss), execute. Every fetch and every data access
 * is one MMU translation ({@link Mmu#fetch}, {@link Mmu#load}, {@link Mmu#store}), so the
 * MMU's counters see exactly what hardware would; with a split TLB, fetch hits on the
 * page of the last fetch are counted here and reported in bulk ({@link Mmu#fetchBatchPage}
 * says why that is exact).
 *
 * <p>The hot loop is {@link #run}; memory helpers and rare instructions live in their
 * own small methods so the JIT can compile the loop as a whole.
 */
public final class Hart {
    static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    public final long[] x = new long[32];
    /** FP registers as raw 64-bit patterns; single-precision values are NaN-boxed. */
    public final long[] f = new long[32];
    public long pc;
    /**
     * fflags in bits 0-4, frm in bits 5-7. While {@link #run} executes, {@link Fpu#flags}
     * is the live fflags; run copies this field's fflags into the fpu on entry and back on
     * exit, so between runs this field is the whole fcsr (see {@link #readFcsr}).
     */
    public int fcsr;
    public long instret;
    /** stval: the faulting address or the illegal instruction's bits. */
    public long trapValue;
    /** Added to instret to give the time CSR: the kernel keeps the virtual clock. */
    public long timeBase;
    /** The F/D arithmetic unit; its {@code flags} are the fflags CSR. */
    public final Fpu fpu = new Fpu();

    private final Mmu mmu;
    private final Lsu lsu;
    private final PhysicalMemory ram;
    private final CodeCache code;
    private final long pageMask;
    private final int pageBits;
    /** A 32-bit instruction at this offset (in the page or code block) straddles a boundary. */
    private final int straddleOffset;
    /** The bits of the last page-straddling 32-bit instruction (it is never cached). */
    private int straddleBits;

    /**
     * Whether hot blocks run as translated bytecode ({@link Translator}); the system property
     * {@code vitrine.jit=off} (the CLI's --no-jit) turns it off for every new hart. Either way
     * every register, byte of memory and counter comes out the same.
     */
    private boolean translate = !"off".equals(System.getProperty("vitrine.jit"));
    /** Entries into a block head before it is translated (tests lower it through vitrine.jit.threshold to translate everything). */
    int hotThreshold = Math.max(1, Integer.getInteger("vitrine.jit.threshold", 500));
    /** Where a translated block left pc (see {@link Translated#run}). */
    long exitPc;
    /**
     * Translated block runs so far, those chained straight on from the block before, and the
     * blocks translated (for tests: that the translator did the work, and no more than it should).
     */
    long blockRuns, chainedRuns, translations;

    public Hart(Mmu mmu) {
        this.mmu = mmu;
        this.ram = mmu.memory();
        this.code = CodeCache.of(mmu.memory());
        this.lsu = new Lsu(mmu, code);
        this.pageMask = mmu.geometry().pageMask();
        this.pageBits = mmu.geometry().pageBits();
        this.straddleOffset = lsu.crossMask - 1;
    }

    public Mmu mmu() { return mmu; }

    /** Turns block translation on or off (for instance while a per-access trace watches every access). */
    public void setTranslation(boolean on) { translate = on; }

    public boolean translation() { return translate; }

    /**
     * Runs until a trap or until {@code budget} instructions retired. Returns a {@link Trap} code.
     * The decoder turns every write to x0 the main switch could do into a NOP or a rare op,
     * so x0 needs no re-zeroing here; rare ops re-zero it themselves.
     */
    public int run(long budget) {
        final long[] x = this.x;
        final long[] f = this.f;
        final CodeCache code = this.code;
        final Mmu mmu = this.mmu;
        final Lsu lsu = this.lsu;
        long pc = this.pc & ~1L; // like sepc, pc has no bit 0 with RVC
        long n = 0;
        int trap = Trap.LIMIT;
        // The block of the last fetch: most fetches hit it and skip the block lookup.
        long blkIndex = -1;
        long[] blk = null;
        // Fetch hits on one page are counted here and reported to the MMU in bulk, before any
        // other fetch goes to it and on exit: exact with a split TLB (see Mmu.fetchBatchPage);
        // otherwise fPage stays -1 and every fetch goes through the MMU.
        long fPage = -1, fDelta = 0, fHits = 0;
        final int pageBits = this.pageBits;
        // A block head: the first instruction of a run and any after a control transfer or a
        // translated block. Only there does the hart look for translated code.
        boolean head = translate;
        // Where this run starts is wherever the last one stopped: any instruction of a loop, not
        // only the block heads that jumps reach. It runs a block found there, but does not count
        // towards translating one; nor does a head reached with too little of the budget left
        // for a block (a block that ran out of room stops at one of its own loop heads). Else,
        // over thousands of slices, every instruction of a hot loop became a block head in
        // turn, each a new class for C1 and then C2 to compile.
        boolean resumed = true;
        // The translated block that just exited to pc, to be linked to the one found there.
        Translated from = null;
        fpu.flags = fcsr & 0x1f;
        loop:
        while (n < budget) {
            long pa;
            if ((pc >>> pageBits) == fPage) {
                fHits++;
                pa = pc + fDelta;
            } else {
                if (fHits != 0) { mmu.countFetchHits(fHits); fHits = 0; }
                pa = mmu.fetch(pc);
                if (pa < 0) { trap = pageFault(); break; }
                fPage = mmu.fetchBatchPage();
                fDelta = mmu.fetchBatchDelta();
            }
            long index = pa >>> CodeCache.BLOCK_BITS;
            if (index != blkIndex) {
                blk = code.block((int) index);
                blkIndex = index;
            }
            long d = blk[((int) pa & 0xfff) >>> 1];
            if (d == 0) {
                // fetchSlow may fetch the next page through the MMU (and so fill the fetch TLB)
                if (fHits != 0) { mmu.countFetchHits(fHits); fHits = 0; }
                fPage = -1;
                d = fetchSlow(pc, pa);
                if (d == 0) { trap = pageFault(); break; }
                blk = code.block((int) index); // ours may have been dropped (and zeroed) meanwhile
            }
            // Translated code runs only where fetch hits are counted in bulk (fPage is this page):
            // its further fetches are then fHits alone, exactly as here (see Mmu.fetchBatchPage).
            if (head) {
                head = false;
                Translated t = fPage >= 0 ? hotBlock(blk, index, pa, pc, !resumed && budget - n >= Translator.MAX) : null;
                resumed = false;
                if (from != null) { // link the block that exited here to what the lookup found
                    if (t != null) from.link(t);
                    from = null;
                }
                if (t != null && budget - n >= t.length) {
                    int k;
                    while (true) {
                        k = t.run(x, f, lsu, this, (int) Math.min(budget - n, Integer.MAX_VALUE - 256));
                        pc = exitPc;
                        blockRuns++;
                        if (k < 0) break;
                        n += k;
                        fHits += k - 1;
                        // Chaining: straight on to the block this one went to last time, when the lookup
                        // at the top would find it again (same page, so its fetch is one more hit; its
                        // decoded words still the code block's) and it fits the budget; else the top
                        // fetches and looks up, and links t to what it finds.
                        Translated s = t.next;
                        if (s == null || s.pc != pc) s = t.other;
                        if (s == null || s.pc != pc || (pc >>> pageBits) != fPage || budget - n < s.length
                                || code.blocks[(int) ((pc + fDelta) >>> CodeCache.BLOCK_BITS)] != s.code) {
                            from = t;
                            break;
                        }
                        fHits++;
                        chainedRuns++;
                        t = s;
                    }
                    if (k < 0) { // the -k-th instruction faulted: k - 1 retired, -k fetched
                        n += -k - 1;
                        fHits += -k - 1;
                        trap = memTrap();
                        break;
                    }
                    head = true;
                    continue;
                }
            }
            int w = (int) d;
            int rd = (w >>> 8) & 31, rs1 = (w >>> 13) & 31, rs2 = (w >>> 18) & 31;
            long imm = d >> 32;
            // Each case advances pc by a constant (see Op.C_NOP): no data dependency on the length.
            switch (w & 0xff) {
                case Op.C_NOP: pc += 2; break;
                case Op.NOP: pc += 4; break;
                case Op.C_LI: pc -= 2; // fall through: same work, 2 bytes shorter
                case Op.LI: x[rd] = imm; pc += 4; break;
                case Op.C_MV: pc -= 2;
                case Op.MV: x[rd] = x[rs1]; pc += 4; break;
                case Op.C_LUI: pc -= 2;
                case Op.LUI: x[rd] = imm; pc += 4; break;
                case Op.AUIPC: x[rd] = pc + imm; pc += 4; break;
                case Op.C_JAL: x[rd] = pc + 2; pc += imm; head = translate; break;
                case Op.JAL: x[rd] = pc + 4; pc += imm; head = translate; break;
                case Op.C_J: pc += imm; head = translate; break;
                case Op.J: pc += imm; head = translate; break;
                case Op.C_JR: pc = (x[rs1] + imm) & ~1L; head = translate; break;
                case Op.JR: pc = (x[rs1] + imm) & ~1L; head = translate; break;
                case Op.C_JALR: { long t = (x[rs1] + imm) & ~1L; x[rd] = pc + 2; pc = t; head = translate; break; }
                case Op.JALR: { long t = (x[rs1] + imm) & ~1L; x[rd] = pc + 4; pc = t; head = translate; break; }
                case Op.C_BEQ: if (x[rs1] == x[rs2]) pc += imm; else pc += 2; head = translate; break;
                case Op.C_BNE: if (x[rs1] != x[rs2]) pc += imm; else pc += 2; head = translate; break;
                case Op.BEQ: if (x[rs1] == x[rs2]) pc += imm; else pc += 4; head = translate; break;
                case Op.BNE: if (x[rs1] != x[rs2]) pc += imm; else pc += 4; head = translate; break;
                case Op.BLT: if (x[rs1] < x[rs2]) pc += imm; else pc += 4; head = translate; break;
                case Op.BGE: if (x[rs1] >= x[rs2]) pc += imm; else pc += 4; head = translate; break;
                case Op.BLTU: if (x[rs1] + Long.MIN_VALUE < x[rs2] + Long.MIN_VALUE) pc += imm; else pc += 4; head = translate; break;
                case Op.BGEU: if (x[rs1] + Long.MIN_VALUE >= x[rs2] + Long.MIN_VALUE) pc += imm; else pc += 4; head = translate; break;
                case Op.LB: { int v = lsu.load8(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } x[rd] = (byte) v; pc += 4; break; }
                case Op.LBU: { int v = lsu.load8(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } x[rd] = v & 0xff; pc += 4; break; }
                case Op.LH: { int v = lsu.load16(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } x[rd] = (short) v; pc += 4; break; }
                case Op.LHU: { int v = lsu.load16(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } x[rd] = v & 0xffff; pc += 4; break; }
                case Op.C_LW: { int v = lsu.load32(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } x[rd] = v; pc += 2; break; }
                case Op.LW: { int v = lsu.load32(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } x[rd] = v; pc += 4; break; }
                case Op.LWU: { int v = lsu.load32(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } x[rd] = v & 0xffffffffL; pc += 4; break; }
                case Op.C_LD: { long v = lsu.load64(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } x[rd] = v; pc += 2; break; }
                case Op.LD: { long v = lsu.load64(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } x[rd] = v; pc += 4; break; }
                case Op.SB: if (!lsu.store8(x[rs1] + imm, (int) x[rs2])) { trap = pageFault(); break loop; } pc += 4; break;
                case Op.SH: if (!lsu.store16(x[rs1] + imm, x[rs2])) { trap = pageFault(); break loop; } pc += 4; break;
                case Op.C_SW: if (!lsu.store32(x[rs1] + imm, x[rs2])) { trap = pageFault(); break loop; } pc += 2; break;
                case Op.SW: if (!lsu.store32(x[rs1] + imm, x[rs2])) { trap = pageFault(); break loop; } pc += 4; break;
                case Op.C_SD: if (!lsu.store64(x[rs1] + imm, x[rs2])) { trap = pageFault(); break loop; } pc += 2; break;
                case Op.SD: if (!lsu.store64(x[rs1] + imm, x[rs2])) { trap = pageFault(); break loop; } pc += 4; break;
                case Op.C_ADDI: pc -= 2;
                case Op.ADDI: x[rd] = x[rs1] + imm; pc += 4; break;
                case Op.SLTI: x[rd] = x[rs1] < imm ? 1 : 0; pc += 4; break;
                case Op.SLTIU: x[rd] = x[rs1] + Long.MIN_VALUE < imm + Long.MIN_VALUE ? 1 : 0; pc += 4; break;
                case Op.XORI: x[rd] = x[rs1] ^ imm; pc += 4; break;
                case Op.ORI: x[rd] = x[rs1] | imm; pc += 4; break;
                case Op.C_ANDI: pc -= 2;
                case Op.ANDI: x[rd] = x[rs1] & imm; pc += 4; break;
                case Op.C_SLLI: pc -= 2;
                case Op.SLLI: x[rd] = x[rs1] << imm; pc += 4; break;
                case Op.C_SRLI: pc -= 2;
                case Op.SRLI: x[rd] = x[rs1] >>> imm; pc += 4; break;
                case Op.C_SRAI: pc -= 2;
                case Op.SRAI: x[rd] = x[rs1] >> imm; pc += 4; break;
                case Op.C_ADDIW: pc -= 2;
                case Op.ADDIW: x[rd] = (int) (x[rs1] + imm); pc += 4; break;
                case Op.SLLIW: x[rd] = (int) x[rs1] << imm; pc += 4; break;
                case Op.SRLIW: x[rd] = (int) x[rs1] >>> imm; pc += 4; break;
                case Op.SRAIW: x[rd] = (int) x[rs1] >> imm; pc += 4; break;
                case Op.C_ADD: pc -= 2;
                case Op.ADD: x[rd] = x[rs1] + x[rs2]; pc += 4; break;
                case Op.C_SUB: pc -= 2;
                case Op.SUB: x[rd] = x[rs1] - x[rs2]; pc += 4; break;
                case Op.SLL: x[rd] = x[rs1] << x[rs2]; pc += 4; break;
                case Op.SLT: x[rd] = x[rs1] < x[rs2] ? 1 : 0; pc += 4; break;
                case Op.SLTU: x[rd] = x[rs1] + Long.MIN_VALUE < x[rs2] + Long.MIN_VALUE ? 1 : 0; pc += 4; break;
                case Op.C_XOR: pc -= 2;
                case Op.XOR: x[rd] = x[rs1] ^ x[rs2]; pc += 4; break;
                case Op.SRL: x[rd] = x[rs1] >>> x[rs2]; pc += 4; break;
                case Op.SRA: x[rd] = x[rs1] >> x[rs2]; pc += 4; break;
                case Op.C_OR: pc -= 2;
                case Op.OR: x[rd] = x[rs1] | x[rs2]; pc += 4; break;
                case Op.C_AND: pc -= 2;
                case Op.AND: x[rd] = x[rs1] & x[rs2]; pc += 4; break;
                case Op.C_ADDW: pc -= 2;
                case Op.ADDW: x[rd] = (int) (x[rs1] + x[rs2]); pc += 4; break;
                case Op.C_SUBW: pc -= 2;
                case Op.SUBW: x[rd] = (int) (x[rs1] - x[rs2]); pc += 4; break;
                case Op.SLLW: x[rd] = (int) x[rs1] << x[rs2]; pc += 4; break;
                case Op.SRLW: x[rd] = (int) x[rs1] >>> x[rs2]; pc += 4; break;
                case Op.SRAW: x[rd] = (int) x[rs1] >> x[rs2]; pc += 4; break;
                case Op.MUL: x[rd] = x[rs1] * x[rs2]; pc += 4; break;
                case Op.MULH: x[rd] = Alu.mulh(x[rs1], x[rs2]); pc += 4; break;
                case Op.MULHSU: x[rd] = Alu.mulhsu(x[rs1], x[rs2]); pc += 4; break;
                case Op.MULHU: x[rd] = Alu.mulhu(x[rs1], x[rs2]); pc += 4; break;
                case Op.DIV: x[rd] = Alu.div(x[rs1], x[rs2]); pc += 4; break;
                case Op.DIVU: x[rd] = Alu.divu(x[rs1], x[rs2]); pc += 4; break;
                case Op.REM: x[rd] = Alu.rem(x[rs1], x[rs2]); pc += 4; break;
                case Op.REMU: x[rd] = Alu.remu(x[rs1], x[rs2]); pc += 4; break;
                case Op.MULW: x[rd] = (int) x[rs1] * (int) x[rs2]; pc += 4; break;
                case Op.DIVW: x[rd] = Alu.divw(x[rs1], x[rs2]); pc += 4; break;
                case Op.DIVUW: x[rd] = Alu.divuw(x[rs1], x[rs2]); pc += 4; break;
                case Op.REMW: x[rd] = Alu.remw(x[rs1], x[rs2]); pc += 4; break;
                case Op.REMUW: x[rd] = Alu.remuw(x[rs1], x[rs2]); pc += 4; break;
                case Op.FLW: { int v = lsu.load32(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } f[rd] = 0xffffffff00000000L | (v & 0xffffffffL); pc += 4; break; }
                case Op.C_FLD: { long v = lsu.load64(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } f[rd] = v; pc += 2; break; }
                case Op.FLD: { long v = lsu.load64(x[rs1] + imm); if (lsu.fault) { trap = memTrap(); break loop; } f[rd] = v; pc += 4; break; }
                case Op.FSW: if (!lsu.store32(x[rs1] + imm, f[rs2])) { trap = pageFault(); break loop; } pc += 4; break;
                case Op.C_FSD: if (!lsu.store64(x[rs1] + imm, f[rs2])) { trap = pageFault(); break loop; } pc += 2; break;
                case Op.FSD: if (!lsu.store64(x[rs1] + imm, f[rs2])) { trap = pageFault(); break loop; } pc += 4; break;
                case Op.ILLEGAL: trapValue = imm & 0xffffffffL; trap = Trap.ILLEGAL; break loop;
                case Op.ECALL: trap = Trap.ECALL; break loop;
                case Op.EBREAK: trap = Trap.BREAKPOINT; break loop;
                default: {
                    // rare ops are all 4 bytes long
                    int t = execRare(d, pc, pa, this.instret + n);
                    if (t >= 0) { trap = t; break loop; }
                    pc += 4;
                    head = translate; // a block may start after an op the translator leaves out
                }
            }
            n++;
        }
        if (fHits != 0) mmu.countFetchHits(fHits);
        mmu.syncHits(); // the loads and stores served by chunk were counted in bulk too
        this.pc = pc;
        this.instret += n;
        fcsr = (fcsr & 0xe0) | (fpu.flags & 0x1f);
        return trap;
    }

    // ---- translated blocks

    /**
     * The translated block starting at pa, or null while it is not hot yet (counting this
     * entry) or cannot be translated. blk is the code block's live array of decoded words.
     */
    private Translated hotBlock(long[] blk, long index, long pa, long pc, boolean heat) {
        CodeCache.Hot hot = code.hot((int) index);
        int slot = ((int) pa & 0xfff) >>> 1;
        Translated t = hot.at[slot];
        if (t != null) return t.pc == pc ? t : null; // NONE's pc is -1, never a fetched pc
        if (!heat || ++hot.heat[slot] < hotThreshold) return null;
        t = Translator.translate(blk, ram, pa, pc, lsu.crossMask);
        translations++;
        hot.at[slot] = t;
        code.translated(); // may forget every translation, this one included: it still runs this once
        return t.pc == pc ? t : null;
    }

    // ---- fetch

    /** Decodes the instruction at pa (caching it when it lies wholly in one block); 0 if its second half faults. */
    private long fetchSlow(long pc, long pa) {
        int lo = ram.read16(pa);
        int slot = ((int) pa & 0xfff) >>> 1;
        if ((lo & 3) != 3) {
            long d = Rvc.decode(lo);
            code.block((int) (pa >>> CodeCache.BLOCK_BITS))[slot] = d;
            return d;
        }
        if (((int) pa & lsu.crossMask) == straddleOffset) {
            long pa2 = ((pc + 2) & pageMask) == 0 ? mmu.fetch(pc + 2) : pa + 2;
            if (pa2 < 0) return 0;
            straddleBits = lo | (ram.read16(pa2)) << 16;
            return Decoder.decode(straddleBits);
        }
        long d = Decoder.decode(ram.read32(pa));
        code.block((int) (pa >>> CodeCache.BLOCK_BITS))[slot] = d;
        return d;
    }

    /** The raw bits of the instruction just fetched at pa, for an illegal-instruction trap. */
    private long rawBits(long d, long pa) {
        if (Op.compressed(d)) return ram.read16(pa);
        if (((int) pa & lsu.crossMask) == straddleOffset) return straddleBits & 0xffffffffL;
        return ram.read32(pa) & 0xffffffffL;
    }

    private int pageFault() {
        trapValue = mmu.faultAddress();
        return Trap.PAGE_FAULT;
    }

    private int memTrap() {
        lsu.fault = false;
        return pageFault();
    }

    // ---- rare instructions

    /** Returns -1 when the instruction completed, else the trap it raised. */
    private int execRare(long d, long pc, long pa, long retired) {
        int op = Op.op(d);
        if (op >= Op.FP) {
            int rm = Op.rm(d);
            if (rm == Fpu.DYN) {
                rm = (fcsr >>> 5) & 7;
                if (rm > Fpu.RMM) return illegal(d, pa);
            }
            FpExec.exec(this, d, rm);
            return -1;
        }
        switch (op) {
            case Op.FENCE_I: flushDecoded(); return -1;
            case Op.CSRRW: case Op.CSRRS: case Op.CSRRC: case Op.CSRRWI: case Op.CSRRSI: case Op.CSRRCI:
                Csr.exec(this, d, retired);
                return -1;
            case Op.LR_W: case Op.LR_D: case Op.SC_W: case Op.SC_D: case Op.AMO_W: case Op.AMO_D: {
                int t = Amo.exec(this, lsu, d);
                if (t == Trap.PAGE_FAULT) return pageFault();
                return t;
            }
            case Op.LOAD_X0: // only the access's fault matters
                lsu.probe(x[Op.rs1(d)] + Op.imm(d), 1 << Op.rs2(d));
                return lsu.fault ? memTrap() : -1;
            default:
                return illegal(d, pa);
        }
    }

    private int illegal(long d, long pa) {
        trapValue = rawBits(d, pa);
        return Trap.ILLEGAL;
    }

    // ---- kernel interface

    /** Drops the LR reservation (the kernel does this on context switch and on a store by another hart). */
    public void clearReservation() { lsu.reservation = -1; }

    /** Forgets decoded instructions: fence.i, riscv_flush_icache, or a code frame reused. */
    public void flushDecoded() { code.flush(); }

    /**
     * Forgets decoded instructions in one physical frame (of the memory's page size). The
     * kernel must call this whenever it writes a frame itself (exec loading, read() into a
     * buffer, COW copy target) or hands a freed frame out again; stores by harts need not.
     * Decoded code is shared by all harts over the same physical memory, so one call suffices.
     */
    public void invalidateFrame(long frameNumber) {
        int bits = mmu.memory().pageBits();
        code.invalidateRange(frameNumber << bits, 1L << bits);
    }

    /** Like {@link #invalidateFrame} for an arbitrary physical range. */
    public void invalidatePhysical(long pa, long len) { code.invalidateRange(pa, len); }

    /** The whole fcsr (outside {@link #run}, where the field is authoritative). */
    public int readFcsr() { return fcsr & 0xff; }

    /** Sets frm and fflags (signal return, ptrace-like restores). */
    public void writeFcsr(int value) {
        fcsr = value & 0xff;
        fpu.flags = value & 0x1f;
    }

    /** FP state as after exec: registers zero, fcsr zero. */
    public void resetFp() {
        java.util.Arrays.fill(f, 0);
        writeFcsr(0);
    }

    /** Copies the architectural state (registers, pc, fcsr incl. fflags) from another hart: fork. */
    public void copyStateFrom(Hart other) {
        System.arraycopy(other.x, 0, x, 0, 32);
        System.arraycopy(other.f, 0, f, 0, 32);
        pc = other.pc;
        writeFcsr(other.readFcsr());
        lsu.reservation = -1;
    }
}
