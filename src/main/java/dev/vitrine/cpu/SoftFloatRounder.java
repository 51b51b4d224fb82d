package dev.vitrine.cpu;

/**
 * The one place that rounds: an exact or jammed intermediate (-1)^sign * sig * 2^exp to a
 * format, in any rounding mode, with overflow, subnormals and the NX/UF/OF flags.
 *
 * <p>Jamming: when bits below a 64-bit intermediate must be dropped, their OR is kept in bit 0.
 * Every caller keeps at least two bits below the rounding point, so the jammed value rounds
 * exactly like the true one and is inexact exactly when the true one is.
 */
final class SoftFloatRounder {
    private SoftFloatRounder() {}

    /** Whether to add one unit in the last kept place, for an inexact value. */
    static boolean roundsUp(int rm, boolean negative, boolean oddKept, int remainderVsHalf) {
        switch (rm) {
            case Fpu.RNE: return remainderVsHalf > 0 || (remainderVsHalf == 0 && oddKept);
            case Fpu.RTZ: return false;
            case Fpu.RDN: return negative;
            case Fpu.RUP: return !negative;
            case Fpu.RMM: return remainderVsHalf >= 0;
            default: throw new IllegalArgumentException("rounding mode " + rm);
        }
    }

    /** Rounds (-1)^negative * sig * 2^exp (sig unsigned, non-zero) to format {@code f}. */
    static long roundPack(FpFormat f, boolean negative, long sig, int exp, int rm, Fpu fpu) {
        int lz = Long.numberOfLeadingZeros(sig);
        sig <<= lz;
        exp -= lz;
        int e = exp + 63; // value is in [2^e, 2^(e+1))
        if (e > f.emax) return overflow(f, negative, rm, fpu);
        int shift = 64 - f.precision;
        boolean tiny = false;
        if (e < f.emin) {
            // RISC-V detects tininess after rounding: tiny unless rounding to full precision
            // with an unbounded exponent would carry up to 2^emin.
            tiny = e < f.emin - 1 || !carriesIntoNextBinade(f, sig, shift, negative, rm);
            shift += f.emin - e;
            e = f.emin;
        }
        long kept;
        boolean inexact;
        if (shift >= 64) {
            kept = 0;
            inexact = true;
            int vsHalf = shift > 64 ? -1 : sig == Long.MIN_VALUE ? 0 : 1;
            if (roundsUp(rm, negative, false, vsHalf)) kept = 1;
        } else {
            kept = sig >>> shift;
            long remainder = sig & ((1L << shift) - 1);
            inexact = remainder != 0;
            if (inexact) {
                int vsHalf = Long.compare(remainder, 1L << (shift - 1)); // shift <= 63: no sign issue
                if (roundsUp(rm, negative, (kept & 1) != 0, vsHalf)) kept++;
            }
        }
        // The implicit bit of kept adds one to the exponent field; a rounding carry adds another.
        long bits = ((long) (e + f.bias - 1) << (f.precision - 1)) + kept;
        if (bits >= f.infinity) return overflow(f, negative, rm, fpu);
        if (inexact) fpu.flags |= tiny ? Fpu.NX | Fpu.UF : Fpu.NX;
        return negative ? bits | f.signBit : bits;
    }

    private static boolean carriesIntoNextBinade(FpFormat f, long normalizedSig, int shift, boolean negative, int rm) {
        long kept = normalizedSig >>> shift;
        long remainder = normalizedSig & ((1L << shift) - 1);
        if (kept != (1L << f.precision) - 1 || remainder == 0) return false;
        return roundsUp(rm, negative, true, Long.compare(remainder, 1L << (shift - 1)));
    }

    static long overflow(FpFormat f, boolean negative, int rm, Fpu fpu) {
        fpu.flags |= Fpu.OF | Fpu.NX;
        boolean toInfinity = rm == Fpu.RNE || rm == Fpu.RMM
                || (rm == Fpu.RDN && negative) || (rm == Fpu.RUP && !negative);
        long magnitude = toInfinity ? f.infinity : f.maxFinite;
        return negative ? magnitude | f.signBit : magnitude;
    }

    /** Sticky right shift: bits shifted out are ORed into bit 0. */
    static long shiftRightJam(long x, int n) {
        if (n == 0) return x;
        if (n >= 64) return x != 0 ? 1 : 0;
        return (x >>> n) | ((x << (64 - n)) != 0 ? 1 : 0);
    }
}
