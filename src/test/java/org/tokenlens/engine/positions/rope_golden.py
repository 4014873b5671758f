# Independent golden values for RopeFrequenciesTest: HF modeling_rope_utils.py formulas in plain Python doubles.
import math
def default(base, dim): return [1.0 / (base ** (i / dim)) for i in range(0, dim, 2)]
def linear(base, dim, f): return [x / f for x in default(base, dim)]
def dynamic(base, dim, maxpos, f, seq):
    seq = seq if seq > maxpos else maxpos
    b = base * ((f * seq / maxpos) - (f - 1)) ** (dim / (dim - 2))
    return default(b, dim)
def yarn(base, dim, maxpos, f, bf=32, bs=1, orig=None, attn=None, ms=None, msa=None, trunc=True):
    orig = orig or maxpos
    def gm(s, m=1): return 1.0 if s <= 1 else 0.1 * m * math.log(s) + 1.0
    if attn is None:
        attn = gm(f, ms) / gm(f, msa) if (ms and msa) else gm(f)
    cd = lambda r: (dim * math.log(orig / (r * 2 * math.pi))) / (2 * math.log(base))
    lo, hi = cd(bf), cd(bs)
    if trunc: lo, hi = math.floor(lo), math.ceil(hi)
    lo, hi = max(lo, 0), min(hi, dim - 1)
    if lo == hi: hi += 0.001
    out = []
    for j, i in enumerate(range(0, dim, 2)):
        pf = base ** (i / dim)
        ramp = min(1, max(0, (j - lo) / (hi - lo)))
        e = 1 - ramp
        out.append((1 / (f * pf)) * (1 - e) + (1 / pf) * e)
    return out, attn
def llama3(base, dim, f, lf, hf, old):
    out = []
    for x in default(base, dim):
        w = 2 * math.pi / x
        if w < old / hf: out.append(x)
        elif w > old / lf: out.append(x / f)
        else:
            s = (old / w - lf) / (hf - lf)
            out.append((1 - s) * x / f + s * x)
    return out
p = lambda name, v: print(name, repr(v))
p("default 10000 128 idx 0,1,17,63", [default(10000, 128)[k] for k in (0, 1, 17, 63)])
p("linear 10000 64 f4 idx 0,5,31", [linear(10000, 64, 4.0)[k] for k in (0, 5, 31)])
p("dynamic 10000 128 maxpos 4096 f2 seq 8192 idx 0,10,63", [dynamic(10000, 128, 4096, 2.0, 8192)[k] for k in (0, 10, 63)])
p("dynamic seq 100 equals default idx 63", dynamic(10000, 128, 4096, 2.0, 100)[63])
y, a = yarn(1000000, 128, 32768, 4.0)
p("yarn qwen 1e6 128 32768 f4 idx 0,10,20,30,40,63 attn", [y[k] for k in (0, 10, 20, 30, 40, 63)] + [a])
y, a = yarn(10000, 64, 163840, 40.0, orig=4096, ms=1.0, msa=1.0)
p("yarn deepseek-like 10000 64 maxpos 163840 orig 4096 f40 mscale 1/1 idx 0,8,12,16,31 attn", [y[k] for k in (0, 8, 12, 16, 31)] + [a])
y, a = yarn(10000, 64, 2048, 8.0, bf=16, bs=2, ms=0.707, msa=1.0, trunc=False)
p("yarn 10000 64 2048 f8 bf16 bs2 mscale .707/1 notrunc idx 0,5,9,14,31 attn", [y[k] for k in (0, 5, 9, 14, 31)] + [a])
l = llama3(500000, 128, 8.0, 1.0, 4.0, 8192)
p("llama3 500000 128 f8 1/4 8192 idx 0,20,40,45,50,63", [l[k] for k in (0, 20, 40, 45, 50, 63)])
def slopes(n):
    def p2(n):
        start = 2 ** (-2 ** -(math.log2(n) - 3)); return [start * start ** i for i in range(n)]
    if math.log2(n).is_integer(): return p2(n)
    c = 2 ** math.floor(math.log2(n))
    return p2(c) + slopes(2 * c)[0::2][:n - c]
p("alibi 12", slopes(12))
