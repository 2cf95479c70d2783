;; LayerNorm over rows of C floats (C a multiple of 4), as js/loops.ts; stats (N, 2) hold each
;; row's mean and rstd = 1/√(var + eps), rows (N, 2) its mean(dy·g) and mean(dy·g·x̂).
;; (Included into simd.wat's module.)

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
