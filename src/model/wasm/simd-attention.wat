;; Causal self-attention of nanoGPT, forward and backward, straight from the qkv projection
;; (B·T, 3C) — q, k, v side by side in each row, head h at columns h·hs of each — with hs a
;; multiple of 4. Only the causal triangle is computed (keys j ≤ query i); tfjs would run
;; ~12 kernels a layer forward and ~25 backward for the same (split, transposes, two products,
;; scale, mask, softmax). (Included into simd.wat's module.)
;;   att[b, h, i, j] = softmax_j(scale·q_i·k_j), j ≤ i (0 above the diagonal)
;;   y[b·T + i, h·hs + d] = Σ_j att[b, h, i, j]·v_j[d]

  ;; q·k over n floats (n a multiple of 4) at byte offsets a and b
  (func $dot (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $acc v128) (local $end i32)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (local.set $acc (f32x4.add (local.get $acc)
        (f32x4.mul (v128.load (local.get $a)) (v128.load (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 16)))
      (br $l)))
    (call $hsum (local.get $acc)))

  ;; out[0..n) += s·x[0..n), n a multiple of 4
  (func $axpy (param $out i32) (param $s f32) (param $x i32) (param $n i32)
    (local $sv v128) (local $end i32)
    (local.set $sv (f32x4.splat (local.get $s)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2))))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (v128.store (local.get $out) (f32x4.add (v128.load (local.get $out))
        (f32x4.mul (local.get $sv) (v128.load (local.get $x)))))
      (local.set $out (i32.add (local.get $out) (i32.const 16)))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (br $l)))
  )

  ;; row[0..n) ← softmax(row[0..n)) in place, given its maximum m; row[n..T) ← 0
  (func $softmax_row (param $row i32) (param $n i32) (param $T i32) (param $m f32)
    (local $j i32) (local $mv v128) (local $sum v128) (local $e v128) (local $s f32) (local $inv v128)
    (local.set $mv (f32x4.splat (local.get $m)))
    (block $vec_done (loop $vec
      (br_if $vec_done (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
      (local.set $e (call $exp_neg (f32x4.sub
        (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))) (local.get $mv))))
      (v128.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))) (local.get $e))
      (local.set $sum (f32x4.add (local.get $sum) (local.get $e)))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $vec)))
    (local.set $s (call $hsum (local.get $sum)))
    (block $tail_done (loop $tail ;; the last n mod 4 keys
      (br_if $tail_done (i32.ge_u (local.get $j) (local.get $n)))
      (local.set $e (call $exp_neg (f32x4.sub
        (v128.load32_zero (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))) (local.get $mv))))
      (v128.store32_lane 0 (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))) (local.get $e))
      (local.set $s (f32.add (local.get $s) (f32x4.extract_lane 0 (local.get $e))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $tail)))
    (local.set $inv (f32x4.splat (f32.div (f32.const 1) (local.get $s))))
    (local.set $j (i32.const 0))
    (block $norm_done (loop $norm
      (br_if $norm_done (i32.ge_u (local.get $j) (local.get $n)))
      (f32.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))
        (f32.mul (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))
          (f32x4.extract_lane 0 (local.get $inv))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $norm)))
    (block $zero_done (loop $zero ;; the masked keys
      (br_if $zero_done (i32.ge_u (local.get $j) (local.get $T)))
      (f32.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))) (f32.const 0))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $zero)))
  )

  ;; (qkv (B·T, 3C)) → y (B·T, C) and att (B, nh, T, T); C = nh·hs; byte offsets
  (func (export "attentionForward") (param $qkv i32) (param $y i32) (param $att i32)
    (param $B i32) (param $T i32) (param $nh i32) (param $hs i32) (param $scale f32)
    (local $bh i32) (local $i i32) (local $j i32) (local $C i32) (local $rowBytes i32) (local $head i32)
    (local $qi i32) (local $row i32) (local $yi i32) (local $s f32) (local $m f32) (local $base i32)
    (local.set $C (i32.mul (local.get $nh) (local.get $hs)))
    (local.set $rowBytes (i32.mul (local.get $C) (i32.const 12))) ;; one qkv row: 3C floats
    (block $bh_done (loop $bh_loop ;; bh = b·nh + h
      (br_if $bh_done (i32.ge_u (local.get $bh) (i32.mul (local.get $B) (local.get $nh))))
      ;; this sequence's first qkv row, at this head's columns
      (local.set $head (i32.shl (i32.mul (i32.rem_u (local.get $bh) (local.get $nh)) (local.get $hs)) (i32.const 2)))
      (local.set $base (i32.add (i32.add (local.get $qkv)
        (i32.mul (i32.mul (i32.div_u (local.get $bh) (local.get $nh)) (local.get $T)) (local.get $rowBytes)))
        (local.get $head)))
      (local.set $i (i32.const 0))
      (block $i_done (loop $i_loop
        (br_if $i_done (i32.ge_u (local.get $i) (local.get $T)))
        (local.set $qi (i32.add (local.get $base) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $row (i32.add (local.get $att)
          (i32.shl (i32.mul (i32.add (i32.mul (local.get $bh) (local.get $T)) (local.get $i)) (local.get $T)) (i32.const 2))))
        ;; scores of keys 0..i (k at column C of each row), and their maximum
        (local.set $m (f32.const -inf))
        (local.set $j (i32.const 0))
        (block $j_done (loop $j_loop
          (br_if $j_done (i32.gt_u (local.get $j) (local.get $i)))
          (local.set $s (f32.mul (local.get $scale) (call $dot (local.get $qi)
            (i32.add (i32.add (local.get $base) (i32.mul (local.get $j) (local.get $rowBytes))) (i32.shl (local.get $C) (i32.const 2)))
            (local.get $hs))))
          (f32.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))) (local.get $s))
          (local.set $m (f32.max (local.get $m) (local.get $s)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $j_loop)))
        (call $softmax_row (local.get $row) (i32.add (local.get $i) (i32.const 1)) (local.get $T) (local.get $m))
        ;; y_i = Σ_j att_ij·v_j (v at column 2C)
        (local.set $yi (i32.add (i32.add (local.get $y) (local.get $head))
          (i32.shl (i32.mul (i32.add (i32.mul (i32.div_u (local.get $bh) (local.get $nh)) (local.get $T)) (local.get $i))
            (local.get $C)) (i32.const 2))))
        (call $zero (local.get $yi) (local.get $hs))
        (local.set $j (i32.const 0))
        (block $v_done (loop $v_loop
          (br_if $v_done (i32.gt_u (local.get $j) (local.get $i)))
          (call $axpy (local.get $yi)
            (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))
            (i32.add (i32.add (local.get $base) (i32.mul (local.get $j) (local.get $rowBytes))) (i32.shl (local.get $C) (i32.const 3)))
            (local.get $hs))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $v_loop)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $i_loop)))
      (local.set $bh (i32.add (local.get $bh) (i32.const 1)))
      (br $bh_loop)))
  )

  ;; out[0..n) ← 0, n a multiple of 4
  (func $zero (param $out i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2))))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (v128.store (local.get $out) (f32x4.splat (f32.const 0)))
      (local.set $out (i32.add (local.get $out) (i32.const 16)))
      (br $l))))

  ;; The gradient for qkv, dqkv (B·T, 3C), from dy (B·T, C), qkv and att; scratch holds T floats.
  ;;   datt_ij = dy_i·v_j, ds_ij = scale·att_ij·(datt_ij − Σ_j' att_ij'·datt_ij'),
  ;;   dq_i = Σ_j ds_ij·k_j, dk_j = Σ_i ds_ij·q_i, dv_j = Σ_i att_ij·dy_i
  (func (export "attentionBackward") (param $dy i32) (param $qkv i32) (param $att i32) (param $dqkv i32)
    (param $scratch i32) (param $B i32) (param $T i32) (param $nh i32) (param $hs i32) (param $scale f32)
    (local $bh i32) (local $i i32) (local $j i32) (local $C i32) (local $rowBytes i32) (local $head i32)
    (local $base i32) (local $dbase i32) (local $row i32) (local $dyi i32) (local $qi i32) (local $dqi i32)
    (local $kj i32) (local $a f32) (local $d f32) (local $rowdot f32) (local $ds f32)
    (local.set $C (i32.mul (local.get $nh) (local.get $hs)))
    (local.set $rowBytes (i32.mul (local.get $C) (i32.const 12)))
    (call $zero (local.get $dqkv) (i32.mul (i32.mul (local.get $B) (local.get $T)) (i32.mul (local.get $C) (i32.const 3))))
    (block $bh_done (loop $bh_loop
      (br_if $bh_done (i32.ge_u (local.get $bh) (i32.mul (local.get $B) (local.get $nh))))
      (local.set $head (i32.shl (i32.mul (i32.rem_u (local.get $bh) (local.get $nh)) (local.get $hs)) (i32.const 2)))
      (local.set $base (i32.add (local.get $head)
        (i32.mul (i32.mul (i32.div_u (local.get $bh) (local.get $nh)) (local.get $T)) (local.get $rowBytes))))
      (local.set $dbase (i32.add (local.get $head) (i32.shl
        (i32.mul (i32.mul (i32.div_u (local.get $bh) (local.get $nh)) (local.get $T)) (local.get $C)) (i32.const 2))))
      (local.set $i (i32.const 0))
      (block $i_done (loop $i_loop
        (br_if $i_done (i32.ge_u (local.get $i) (local.get $T)))
        (local.set $row (i32.add (local.get $att)
          (i32.shl (i32.mul (i32.add (i32.mul (local.get $bh) (local.get $T)) (local.get $i)) (local.get $T)) (i32.const 2))))
        (local.set $dyi (i32.add (i32.add (local.get $dy) (local.get $dbase))
          (i32.shl (i32.mul (local.get $i) (local.get $C)) (i32.const 2))))
        (local.set $qi (i32.add (local.get $base) (i32.mul (local.get $i) (local.get $rowBytes))))
        ;; datt_ij into scratch, and Σ_j att_ij·datt_ij
        (local.set $rowdot (f32.const 0))
        (local.set $j (i32.const 0))
        (block $d_done (loop $d_loop
          (br_if $d_done (i32.gt_u (local.get $j) (local.get $i)))
          (local.set $d (call $dot (local.get $dyi)
            (i32.add (i32.add (local.get $qkv) (i32.add (local.get $base) (i32.mul (local.get $j) (local.get $rowBytes))))
              (i32.shl (local.get $C) (i32.const 3)))
            (local.get $hs)))
          (f32.store (i32.add (local.get $scratch) (i32.shl (local.get $j) (i32.const 2))) (local.get $d))
          (local.set $rowdot (f32.add (local.get $rowdot)
            (f32.mul (local.get $d) (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $d_loop)))
        ;; the three accumulations over keys j ≤ i
        (local.set $dqi (i32.add (local.get $dqkv) (local.get $qi)))
        (local.set $j (i32.const 0))
        (block $a_done (loop $a_loop
          (br_if $a_done (i32.gt_u (local.get $j) (local.get $i)))
          (local.set $a (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))))
          (local.set $ds (f32.mul (local.get $scale) (f32.mul (local.get $a)
            (f32.sub (f32.load (i32.add (local.get $scratch) (i32.shl (local.get $j) (i32.const 2)))) (local.get $rowdot)))))
          (local.set $kj (i32.add (i32.add (local.get $base) (i32.mul (local.get $j) (local.get $rowBytes)))
            (i32.shl (local.get $C) (i32.const 2)))) ;; k_j's byte offset from the start of qkv (and of dqkv)
          (call $axpy (local.get $dqi) (local.get $ds) (i32.add (local.get $qkv) (local.get $kj)) (local.get $hs))
          (call $axpy (i32.add (local.get $dqkv) (local.get $kj)) (local.get $ds) (i32.add (local.get $qkv) (local.get $qi)) (local.get $hs))
          (call $axpy (i32.add (i32.add (local.get $dqkv) (local.get $kj)) (i32.shl (local.get $C) (i32.const 2)))
            (local.get $a) (local.get $dyi) (local.get $hs))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $a_loop)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $i_loop)))
      (local.set $bh (i32.add (local.get $bh) (i32.const 1)))
      (br $bh_loop)))
  )
