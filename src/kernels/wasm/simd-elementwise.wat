;; GELU with its derivative, and the matrix transpose (included into simd.wat's module).

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
