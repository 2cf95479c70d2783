;; Shared vector helpers of the SIMD kernels (included into simd.wat's module).

  ;; exp(x) for x ≤ 0, four lanes: 2^n · p(r) with n = round(x·log₂e), r = x − n·ln 2.
  (func $exp_neg (param $x v128) (result v128)
    (local $n v128) (local $r v128) (local $p v128)
    (local.set $x (f32x4.max (local.get $x) (f32x4.splat (f32.const -87.33654))))
    (local.set $n (f32x4.nearest (f32x4.mul (local.get $x) (f32x4.splat (f32.const 1.44269504)))))
    ;; r = x − n·ln 2 in two parts (Cody–Waite), exact enough for float32
    (local.set $r
      (f32x4.sub
        (f32x4.sub (local.get $x) (f32x4.mul (local.get $n) (f32x4.splat (f32.const 0.693359375))))
        (f32x4.mul (local.get $n) (f32x4.splat (f32.const -2.12194440e-4)))))
    (local.set $p (f32x4.splat (f32.const 1.9875691500e-4)))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (f32x4.splat (f32.const 1.3981999507e-3))))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (f32x4.splat (f32.const 8.3334519073e-3))))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (f32x4.splat (f32.const 4.1665795894e-2))))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (f32x4.splat (f32.const 1.6666665459e-1))))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (f32x4.splat (f32.const 5.0000001201e-1))))
    ;; p·r² + r + 1
    (local.set $p
      (f32x4.add
        (f32x4.add
          (f32x4.mul (local.get $p) (f32x4.mul (local.get $r) (local.get $r)))
          (local.get $r))
        (f32x4.splat (f32.const 1))))
    ;; · 2^n, built as a float's exponent bits: n ≥ −126 after the clamp
    (f32x4.mul
      (local.get $p)
      (i32x4.shl
        (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $n)) (i32x4.splat (i32.const 127)))
        (i32.const 23))))

  ;; Φ(v) = ½(1 + erf(v/√2)), given e = exp(−v²/2) (= exp(−a²) for a = |v|/√2).
  (func $cdf (param $v v128) (param $e v128) (result v128)
    (local $t v128) (local $q v128) (local $erf v128)
    (local.set $t
      (f32x4.div
        (f32x4.splat (f32.const 1))
        (f32x4.add
          (f32x4.splat (f32.const 1))
          (f32x4.mul (f32x4.abs (local.get $v)) (f32x4.splat (f32.const 0.23164189804)))))) ;; 0.3275911/√2
    (local.set $q (f32x4.splat (f32.const 1.061405429)))
    (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $t)) (f32x4.splat (f32.const -1.453152027))))
    (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $t)) (f32x4.splat (f32.const 1.421413741))))
    (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $t)) (f32x4.splat (f32.const -0.284496736))))
    (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $t)) (f32x4.splat (f32.const 0.254829592))))
    ;; erf(|v|/√2) = 1 − t·q·e, then the sign of v
    (local.set $erf
      (f32x4.sub
        (f32x4.splat (f32.const 1))
        (f32x4.mul (f32x4.mul (local.get $q) (local.get $t)) (local.get $e))))
    (local.set $erf
      (v128.or
        (local.get $erf)
        (v128.and (local.get $v) (i32x4.splat (i32.const 0x80000000)))))
    (f32x4.mul (f32x4.splat (f32.const 0.5)) (f32x4.add (f32x4.splat (f32.const 1)) (local.get $erf))))


  ;; the sum of the four lanes
  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

