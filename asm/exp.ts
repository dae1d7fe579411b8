// Math.exp itself (`vexp`, asm/simd.ts), exported as `exp` for the tests of the transcription.

// @loop exp_f64() f64*1 => vexp(x)
// @loop exp_f32() f32via64*1 => vexp(x)
