/**
 * The error function and its complement, from stdlib (ports of FreeBSD msun's s_erf.c, accurate to
 * about one ulp). JavaScript has no Math.erf; we use well-kept library code instead of our own.
 *
 * erfc matters on its own: 1 + erf(x) for x < −3 (or 1 − erf(x) for x > 3) cancels and loses every
 * digit, while erfc(x) keeps full relative precision down to its underflow near x ≈ 26.5.
 */
import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';

/** erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt. */
export const erf: (x: number) => number = stdlibErf;

/** erfc(x) = 1 − erf(x), computed without the cancellation. */
export const erfc: (x: number) => number = stdlibErfc;
