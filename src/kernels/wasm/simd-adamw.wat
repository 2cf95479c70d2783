;; AdamW, element by element over n floats (js/loops.ts has the same in JS). (Included into
;; simd.wat's module.)

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
