# Generates random-alu.s: 3000 random RV64IM ALU/load/store/branch instructions, then writes the
# registers and a checksum of the buffer to stdout. Build: python3 random-alu.py && mv rnd.s random-alu.s &&
#   riscv64-linux-gnu-as -march=rv64gc random-alu.s -o r.o && riscv64-linux-gnu-ld -static -o random-alu.elf r.o
# Expected output (hex) in RandomProgramTest comes from qemu-riscv64.
import random
random.seed(20261126)
R = ['add','sub','sll','slt','sltu','xor','srl','sra','or','and','addw','subw','sllw','srlw','sraw',
     'mul','mulh','mulhsu','mulhu','div','divu','rem','remu','mulw','divw','divuw','remw','remuw']
I = ['addi','slti','sltiu','xori','ori','andi','addiw']
SH = ['slli','srli','srai']
SHW = ['slliw','srliw','sraiw']
regs = ['a0','a1','a2','a3','a4','a5','a6','t0','t1','t2','s2','s3','s4','s5','s6','s7','s8','s9','s10','s11','t3','t4','t5','t6','s1']
out = []
out.append('.globl _start\n_start:')
out.append('  la gp, buf')
for r in regs:
    out.append(f'  li {r}, {random.choice([random.getrandbits(64) - (1<<63), random.randint(-5,5), -(1<<63), (1<<63)-1, 1<<31, -(1<<31), 0xffffffff])}')
for k in range(3000):
    c = random.random()
    rd, a, b = random.choice(regs), random.choice(regs), random.choice(regs)
    if c < 0.45: out.append(f'  {random.choice(R)} {rd}, {a}, {b}')
    elif c < 0.65: out.append(f'  {random.choice(I)} {rd}, {a}, {random.randint(-2048, 2047)}')
    elif c < 0.72: out.append(f'  {random.choice(SH)} {rd}, {a}, {random.randint(0, 63)}')
    elif c < 0.77: out.append(f'  {random.choice(SHW)} {rd}, {a}, {random.randint(0, 31)}')
    elif c < 0.82: out.append(f'  lui {rd}, {random.randint(0, 0xfffff)}')
    elif c < 0.90:
        off = random.randint(0, 2040)
        op = random.choice(['sd','sw','sh','sb'])
        out.append(f'  {op} {a}, {off}(gp)')
    elif c < 0.97:
        off = random.randint(0, 2040)
        op = random.choice(['ld','lw','lwu','lh','lhu','lb','lbu'])
        out.append(f'  {op} {rd}, {off}(gp)')
    else:
        br = random.choice(['beq','bne','blt','bge','bltu','bgeu'])
        out.append(f'  {br} {a}, {b}, 1f\n  addi {rd}, {rd}, 1\n1:')
# dump registers + buffer checksum
out.append('  la t0, dump')
for i, r in enumerate(regs):
    out.append(f'  sd {r}, {8*i}(t0)')
out.append('  li t1, 0\n  li t2, 256\n  la t3, buf\n2:\n  ld t4, 0(t3)\n  add t1, t1, t4\n  slli t5, t1, 7\n  xor t1, t1, t5\n  addi t3, t3, 8\n  addi t2, t2, -1\n  bnez t2, 2b')
out.append(f'  sd t1, {8*len(regs)}(t0)')
out.append(f'  li a0, 1\n  la a1, dump\n  li a2, {8*(len(regs)+1)}\n  li a7, 64\n  ecall\n  li a0, 0\n  li a7, 94\n  ecall')
out.append('.data\n.align 4\nbuf: .zero 2048\ndump: .zero 512')
open('rnd.s','w').write('\n'.join(out) + '\n')
