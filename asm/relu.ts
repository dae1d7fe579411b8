// relu.ts's kernel: pmax(x, 0) is `x < 0 ? 0 : x` by definition (NaN and −0 kept), one instruction,
// in float64 lanes and in float32 lanes.

// @loop relu_f64() f64*4 => f64x2.pmax(x, f64x2.splat(0.0))
// @loop relu_f32() f32*4 => f32x4.pmax(x, f32x4.splat(0.0))
