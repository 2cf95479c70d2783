;; Fused kernels in WebAssembly SIMD, four floats at a time, on tfjs-wasm's own heap
;; (the memory is imported from its module; pointers are tensors' byte offsets in it).
;; tfjs-wasm computes erf and exp with scalar libm calls (~7–13 ns a float); here they are
;; polynomials in f32x4: erf as Abramowitz & Stegun 7.1.26 (|error| ≤ 1.5e-7, the formula tfjs's
;; own cpu erf uses) and exp as Cephes' expf (≤ 1 ulp on the range used, x ≤ 0).
;; Built by scripts/build-simd.mjs into simd-binary.ts; MEMORY is replaced there by the memory
;; import for tfjs's threaded (shared) or single-threaded build.
(module
  MEMORY

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

;; y = x·Φ(x) and d = Φ(x) + x·φ(x), φ(x) = exp(−x²/2)/√(2π): GELU and its derivative from one exp,
  ;; so the gradient is then the product dy·d (bytes: x, y, d; n floats)
  (func (export "geluWithDerivative") (param $x i32) (param $y i32) (param $d i32) (param $n i32)
    (local $i i32) (local $end i32) (local $v v128) (local $e v128) (local $cdf v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $vec
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        ;; four floats, or the last n mod 4 one lane at a time (loaded zero-extended, stored lane 0)
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $i)) (i32.const 16))
          (then (local.set $v (v128.load32_zero (i32.add (local.get $x) (local.get $i)))))
          (else (local.set $v (v128.load (i32.add (local.get $x) (local.get $i))))))
        (local.set $e (call $exp_neg (f32x4.mul (f32x4.mul (local.get $v) (local.get $v)) (f32x4.splat (f32.const -0.5)))))
        (local.set $cdf (call $cdf (local.get $v) (local.get $e)))
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $i)) (i32.const 16))
          (then
            (v128.store32_lane 0 (i32.add (local.get $y) (local.get $i)) (f32x4.mul (local.get $v) (local.get $cdf)))
            (v128.store32_lane 0 (i32.add (local.get $d) (local.get $i))
              (f32x4.add (local.get $cdf)
                (f32x4.mul (local.get $v) (f32x4.mul (local.get $e) (f32x4.splat (f32.const 0.39894228))))))
            (local.set $i (i32.add (local.get $i) (i32.const 4))))
          (else
            (v128.store (i32.add (local.get $y) (local.get $i)) (f32x4.mul (local.get $v) (local.get $cdf)))
            (v128.store (i32.add (local.get $d) (local.get $i))
              (f32x4.add (local.get $cdf)
                (f32x4.mul (local.get $v) (f32x4.mul (local.get $e) (f32x4.splat (f32.const 0.39894228))))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))))
        (br $vec))))

  ;; out (C, R) = xᵀ for x (R, C), both multiples of 4: 4×4 blocks transposed in registers
  ;; (tfjs-wasm's Transpose walks every element through a generic n-d index loop).
  (func (export "transpose4") (param $x i32) (param $out i32) (param $R i32) (param $C i32)
    (local $r i32) (local $c i32) (local $src i32) (local $dst i32) (local $rowBytes i32) (local $colBytes i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $rowBytes (i32.shl (local.get $C) (i32.const 2))) ;; one row of x
    (local.set $colBytes (i32.shl (local.get $R) (i32.const 2))) ;; one row of out
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $R)))
        (local.set $c (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $c) (local.get $C)))
            ;; x[r..r+4, c..c+4]
            (local.set $src
              (i32.add (local.get $x)
                (i32.shl (i32.add (i32.mul (local.get $r) (local.get $C)) (local.get $c)) (i32.const 2))))
            (local.set $a0 (v128.load (local.get $src)))
            (local.set $a1 (v128.load (i32.add (local.get $src) (local.get $rowBytes))))
            (local.set $a2 (v128.load (i32.add (local.get $src) (i32.shl (local.get $rowBytes) (i32.const 1)))))
            (local.set $a3 (v128.load (i32.add (local.get $src) (i32.mul (local.get $rowBytes) (i32.const 3)))))
            ;; interleave pairs of rows, then pairs of pairs: column j of the block in lane order
            (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a0) (local.get $a1)))
            (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a0) (local.get $a1)))
            (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a2) (local.get $a3)))
            (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a2) (local.get $a3)))
            ;; out[c..c+4, r..r+4]
            (local.set $dst
              (i32.add (local.get $out)
                (i32.shl (i32.add (i32.mul (local.get $c) (local.get $R)) (local.get $r)) (i32.const 2))))
            (v128.store (local.get $dst)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
            (v128.store (i32.add (local.get $dst) (local.get $colBytes))
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
            (v128.store (i32.add (local.get $dst) (i32.shl (local.get $colBytes) (i32.const 1)))
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
            (v128.store (i32.add (local.get $dst) (i32.mul (local.get $colBytes) (i32.const 3)))
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $cols)))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $rows))))
;; ---- LayerNorm over rows of C floats (C a multiple of 4), as js/loops.ts; stats (N, 2) hold each
  ;; row's mean and rstd = 1/√(var + eps), rows (N, 2) its mean(dy·g) and mean(dy·g·x̂).

  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  (func (export "lnStats") (param $x i32) (param $out i32) (param $N i32) (param $C i32) (param $eps f32)
    (local $r i32) (local $i i32) (local $row i32) (local $end i32) (local $acc v128) (local $d v128)
    (local $mean f32) (local $var f32)
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $N)))
        (local.set $row (i32.add (local.get $x) (i32.shl (i32.mul (local.get $r) (local.get $C)) (i32.const 2))))
        (local.set $end (i32.add (local.get $row) (i32.shl (local.get $C) (i32.const 2))))
        ;; mean
        (local.set $acc (f32x4.splat (f32.const 0)))
        (local.set $i (local.get $row))
        (block $d1 (loop $l1
          (br_if $d1 (i32.ge_u (local.get $i) (local.get $end)))
          (local.set $acc (f32x4.add (local.get $acc) (v128.load (local.get $i))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br $l1)))
        (local.set $mean (f32.div (call $hsum (local.get $acc)) (f32.convert_i32_u (local.get $C))))
        ;; variance about the mean (two passes, as PyTorch)
        (local.set $acc (f32x4.splat (f32.const 0)))
        (local.set $i (local.get $row))
        (block $d2 (loop $l2
          (br_if $d2 (i32.ge_u (local.get $i) (local.get $end)))
          (local.set $d (f32x4.sub (v128.load (local.get $i)) (f32x4.splat (local.get $mean))))
          (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br $l2)))
        (local.set $var (f32.div (call $hsum (local.get $acc)) (f32.convert_i32_u (local.get $C))))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $r) (i32.const 3))) (local.get $mean))
        (f32.store offset=4 (i32.add (local.get $out) (i32.shl (local.get $r) (i32.const 3)))
          (f32.div (f32.const 1) (f32.sqrt (f32.add (local.get $var) (local.get $eps)))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; out = (x − mean)·rstd·g + b
  (func (export "lnApply") (param $x i32) (param $stats i32) (param $g i32) (param $b i32) (param $out i32)
    (param $N i32) (param $C i32)
    (local $r i32) (local $c i32) (local $o i32) (local $mean v128) (local $rstd v128)
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $N)))
        (local.set $mean (v128.load32_splat (i32.add (local.get $stats) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $rstd (v128.load32_splat offset=4 (i32.add (local.get $stats) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $c (i32.const 0))
        (block $cols_done (loop $cols
          (br_if $cols_done (i32.ge_u (local.get $c) (i32.shl (local.get $C) (i32.const 2))))
          (local.set $o (i32.add (i32.shl (i32.mul (local.get $r) (local.get $C)) (i32.const 2)) (local.get $c)))
          (v128.store (i32.add (local.get $out) (local.get $o))
            (f32x4.add
              (f32x4.mul
                (f32x4.mul (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $o))) (local.get $mean)) (local.get $rstd))
                (v128.load (i32.add (local.get $g) (local.get $c))))
              (v128.load (i32.add (local.get $b) (local.get $c)))))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br $cols)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; out (N, 2): per row mean(dy·g) and mean(dy·g·x̂)
  (func (export "lnRowGrad") (param $dy i32) (param $x i32) (param $stats i32) (param $g i32) (param $out i32)
    (param $N i32) (param $C i32)
    (local $r i32) (local $c i32) (local $o i32) (local $mean v128) (local $rstd v128)
    (local $a v128) (local $b v128) (local $dxhat v128)
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $N)))
        (local.set $mean (v128.load32_splat (i32.add (local.get $stats) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $rstd (v128.load32_splat offset=4 (i32.add (local.get $stats) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $a (f32x4.splat (f32.const 0)))
        (local.set $b (f32x4.splat (f32.const 0)))
        (local.set $c (i32.const 0))
        (block $cols_done (loop $cols
          (br_if $cols_done (i32.ge_u (local.get $c) (i32.shl (local.get $C) (i32.const 2))))
          (local.set $o (i32.add (i32.shl (i32.mul (local.get $r) (local.get $C)) (i32.const 2)) (local.get $c)))
          (local.set $dxhat
            (f32x4.mul (v128.load (i32.add (local.get $dy) (local.get $o))) (v128.load (i32.add (local.get $g) (local.get $c)))))
          (local.set $a (f32x4.add (local.get $a) (local.get $dxhat)))
          (local.set $b
            (f32x4.add (local.get $b)
              (f32x4.mul (local.get $dxhat)
                (f32x4.mul (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $o))) (local.get $mean)) (local.get $rstd)))))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br $cols)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $r) (i32.const 3)))
          (f32.div (call $hsum (local.get $a)) (f32.convert_i32_u (local.get $C))))
        (f32.store offset=4 (i32.add (local.get $out) (i32.shl (local.get $r) (i32.const 3)))
          (f32.div (call $hsum (local.get $b)) (f32.convert_i32_u (local.get $C))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; out = rstd·(dy·g − mean(dy·g) − x̂·mean(dy·g·x̂))
  (func (export "lnInputGrad") (param $dy i32) (param $x i32) (param $stats i32) (param $g i32) (param $rows i32)
    (param $out i32) (param $N i32) (param $C i32)
    (local $r i32) (local $c i32) (local $o i32) (local $mean v128) (local $rstd v128)
    (local $ma v128) (local $mb v128) (local $xhat v128)
    (block $rows_done
      (loop $rowloop
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $N)))
        (local.set $mean (v128.load32_splat (i32.add (local.get $stats) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $rstd (v128.load32_splat offset=4 (i32.add (local.get $stats) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $ma (v128.load32_splat (i32.add (local.get $rows) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $mb (v128.load32_splat offset=4 (i32.add (local.get $rows) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $c (i32.const 0))
        (block $cols_done (loop $cols
          (br_if $cols_done (i32.ge_u (local.get $c) (i32.shl (local.get $C) (i32.const 2))))
          (local.set $o (i32.add (i32.shl (i32.mul (local.get $r) (local.get $C)) (i32.const 2)) (local.get $c)))
          (local.set $xhat
            (f32x4.mul (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $o))) (local.get $mean)) (local.get $rstd)))
          (v128.store (i32.add (local.get $out) (local.get $o))
            (f32x4.mul (local.get $rstd)
              (f32x4.sub
                (f32x4.sub
                  (f32x4.mul (v128.load (i32.add (local.get $dy) (local.get $o))) (v128.load (i32.add (local.get $g) (local.get $c))))
                  (local.get $ma))
                (f32x4.mul (local.get $xhat) (local.get $mb)))))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br $cols)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowloop))))

  ;; out (C,) = column sums of dy·x̂ (stats ≠ 0) or of dy (stats = 0), over N rows
  (func (export "columnSum") (param $dy i32) (param $x i32) (param $stats i32) (param $out i32)
    (param $N i32) (param $C i32)
    (local $r i32) (local $c i32) (local $o i32) (local $mean v128) (local $rstd v128) (local $term v128)
    (local.set $c (i32.const 0))
    (block $z_done (loop $z
      (br_if $z_done (i32.ge_u (local.get $c) (i32.shl (local.get $C) (i32.const 2))))
      (v128.store (i32.add (local.get $out) (local.get $c)) (f32x4.splat (f32.const 0)))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br $z)))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $N)))
        (if (local.get $stats)
          (then
            (local.set $mean (v128.load32_splat (i32.add (local.get $stats) (i32.shl (local.get $r) (i32.const 3)))))
            (local.set $rstd (v128.load32_splat offset=4 (i32.add (local.get $stats) (i32.shl (local.get $r) (i32.const 3)))))))
        (local.set $c (i32.const 0))
        (block $cols_done (loop $cols
          (br_if $cols_done (i32.ge_u (local.get $c) (i32.shl (local.get $C) (i32.const 2))))
          (local.set $o (i32.add (i32.shl (i32.mul (local.get $r) (local.get $C)) (i32.const 2)) (local.get $c)))
          (local.set $term (v128.load (i32.add (local.get $dy) (local.get $o))))
          (if (local.get $stats)
            (then
              (local.set $term
                (f32x4.mul (local.get $term)
                  (f32x4.mul (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $o))) (local.get $mean)) (local.get $rstd))))))
          (v128.store (i32.add (local.get $out) (local.get $c))
            (f32x4.add (v128.load (i32.add (local.get $out) (local.get $c))) (local.get $term)))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br $cols)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))
;; ---- AdamW, element by element over n floats (js/loops.ts has the same in JS)

  ;; out = β·m + (1 − β)·(c·g), or (1 − β)·(c·g)² when squared ≠ 0; c is the f32 at coef (the clip)
  (func (export "adamMoment") (param $m i32) (param $g i32) (param $coef i32) (param $out i32) (param $n i32)
    (param $beta f32) (param $squared i32)
    (local $i i32) (local $end i32) (local $c v128) (local $b v128) (local $b1 v128) (local $cg v128)
    (local.set $c (v128.load32_splat (local.get $coef)))
    (local.set $b (f32x4.splat (local.get $beta)))
    (local.set $b1 (f32x4.splat (f32.sub (f32.const 1) (local.get $beta))))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $vec
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $i)) (i32.const 16))
          (then ;; the last n mod 4 floats, one lane at a time
            (local.set $cg (f32x4.mul (local.get $c) (v128.load32_zero (i32.add (local.get $g) (local.get $i)))))
            (if (local.get $squared) (then (local.set $cg (f32x4.mul (local.get $cg) (local.get $cg)))))
            (v128.store32_lane 0 (i32.add (local.get $out) (local.get $i))
              (f32x4.add
                (f32x4.mul (local.get $b) (v128.load32_zero (i32.add (local.get $m) (local.get $i))))
                (f32x4.mul (local.get $b1) (local.get $cg))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $vec)))
        (local.set $cg (f32x4.mul (local.get $c) (v128.load (i32.add (local.get $g) (local.get $i)))))
        (if (local.get $squared) (then (local.set $cg (f32x4.mul (local.get $cg) (local.get $cg)))))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (f32x4.add
            (f32x4.mul (local.get $b) (v128.load (i32.add (local.get $m) (local.get $i))))
            (f32x4.mul (local.get $b1) (local.get $cg))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vec))))

  ;; out = p·decay − stepSize·m/(√v/sqrtBc2 + eps)
  (func $adam_update4 (param $p v128) (param $m v128) (param $v v128)
    (param $decay v128) (param $step v128) (param $bc v128) (param $eps v128) (result v128)
    (f32x4.sub
      (f32x4.mul (local.get $p) (local.get $decay))
      (f32x4.mul
        (local.get $step)
        (f32x4.div
          (local.get $m)
          (f32x4.add (f32x4.div (f32x4.sqrt (local.get $v)) (local.get $bc)) (local.get $eps))))))

  (func (export "adamUpdate") (param $p i32) (param $m i32) (param $v i32) (param $out i32) (param $n i32)
    (param $decay f32) (param $stepSize f32) (param $sqrtBc2 f32) (param $eps f32)
    (local $i i32) (local $end i32) (local $d v128) (local $s v128) (local $bc v128) (local $e v128)
    (local.set $d (f32x4.splat (local.get $decay)))
    (local.set $s (f32x4.splat (local.get $stepSize)))
    (local.set $bc (f32x4.splat (local.get $sqrtBc2)))
    (local.set $e (f32x4.splat (local.get $eps)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $vec
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $i)) (i32.const 16))
          (then
            (v128.store32_lane 0 (i32.add (local.get $out) (local.get $i))
              (call $adam_update4
                (v128.load32_zero (i32.add (local.get $p) (local.get $i)))
                (v128.load32_zero (i32.add (local.get $m) (local.get $i)))
                (v128.load32_zero (i32.add (local.get $v) (local.get $i)))
                (local.get $d) (local.get $s) (local.get $bc) (local.get $e)))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $vec)))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (call $adam_update4
            (v128.load (i32.add (local.get $p) (local.get $i)))
            (v128.load (i32.add (local.get $m) (local.get $i)))
            (v128.load (i32.add (local.get $v) (local.get $i)))
            (local.get $d) (local.get $s) (local.get $bc) (local.get $e)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vec))))
)
