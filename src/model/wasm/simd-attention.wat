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
    (block $norm4_done (loop $norm4
      (br_if $norm4_done (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
      (v128.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))
        (f32x4.mul (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))) (local.get $inv)))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $norm4)))
    (block $norm_done (loop $norm
      (br_if $norm_done (i32.ge_u (local.get $j) (local.get $n)))
      (f32.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))
        (f32.mul (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))
          (f32x4.extract_lane 0 (local.get $inv))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $norm)))
    (block $zero_done (loop $zero ;; the masked keys, 4 at a time where they fit
      (br_if $zero_done (i32.ge_u (local.get $j) (local.get $T)))
      (if (i32.le_u (i32.add (local.get $j) (i32.const 4)) (local.get $T))
        (then
          (v128.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))) (f32x4.splat (f32.const 0)))
          (local.set $j (i32.add (local.get $j) (i32.const 4))))
        (else
          (f32.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))) (f32.const 0))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))))
      (br $zero)))
  )

  ;; Forward: for each query row, the scores of 4 keys at a time ($dot4: q is loaded once for 4
  ;; keys, 4 independent sums), then y_i by 4-float chunks of the head with every key's weight
  ;; summed into registers ($weighted): ~2.5× the one-key-at-a-time loop (bench/NOTES.md try 28).

  ;; [q·k0, q·k1, q·k2, q·k3] over n floats (a multiple of 4), the keys `stride` bytes apart
  (func $dot4 (param $q i32) (param $k0 i32) (param $stride i32) (param $n i32) (result v128)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $x v128)
    (local $k1 i32) (local $k2 i32) (local $k3 i32) (local $end i32)
    (local.set $k1 (i32.add (local.get $k0) (local.get $stride)))
    (local.set $k2 (i32.add (local.get $k1) (local.get $stride)))
    (local.set $k3 (i32.add (local.get $k2) (local.get $stride)))
    (local.set $end (i32.add (local.get $q) (i32.shl (local.get $n) (i32.const 2))))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
      (local.set $x (v128.load (local.get $q)))
      (local.set $a (f32x4.add (local.get $a) (f32x4.mul (local.get $x) (v128.load (local.get $k0)))))
      (local.set $b (f32x4.add (local.get $b) (f32x4.mul (local.get $x) (v128.load (local.get $k1)))))
      (local.set $c (f32x4.add (local.get $c) (f32x4.mul (local.get $x) (v128.load (local.get $k2)))))
      (local.set $d (f32x4.add (local.get $d) (f32x4.mul (local.get $x) (v128.load (local.get $k3)))))
      (local.set $q (i32.add (local.get $q) (i32.const 16)))
      (local.set $k0 (i32.add (local.get $k0) (i32.const 16)))
      (local.set $k1 (i32.add (local.get $k1) (i32.const 16)))
      (local.set $k2 (i32.add (local.get $k2) (i32.const 16)))
      (local.set $k3 (i32.add (local.get $k3) (i32.const 16)))
      (br $l)))
    ;; a ← [a0+a2, a1+a3, b0+b2, b1+b3], c ← the same of c and d, then lanes (0, 2) + (1, 3)
    (local.set $a (f32x4.add
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $a) (local.get $b))
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $a) (local.get $b))))
    (local.set $c (f32x4.add
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $c) (local.get $d))
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $c) (local.get $d))))
    (f32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $c))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $c))))

  ;; row[0..n) ← scale·q·k_j for the n keys from k0 (`stride` bytes apart); returns their maximum
  (func $scores (param $row i32) (param $q i32) (param $k0 i32) (param $stride i32) (param $n i32)
    (param $hs i32) (param $scale f32) (result f32)
    (local $j i32) (local $s v128) (local $mv v128) (local $m f32) (local $x f32)
    (local.set $mv (f32x4.splat (f32.const -inf)))
    (block $four_done (loop $four
      (br_if $four_done (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
      (local.set $s (f32x4.mul (f32x4.splat (local.get $scale))
        (call $dot4 (local.get $q) (local.get $k0) (local.get $stride) (local.get $hs))))
      (v128.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))) (local.get $s))
      (local.set $mv (f32x4.max (local.get $mv) (local.get $s)))
      (local.set $k0 (i32.add (local.get $k0) (i32.shl (local.get $stride) (i32.const 2))))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $four)))
    (local.set $m (f32.max
      (f32.max (f32x4.extract_lane 0 (local.get $mv)) (f32x4.extract_lane 1 (local.get $mv)))
      (f32.max (f32x4.extract_lane 2 (local.get $mv)) (f32x4.extract_lane 3 (local.get $mv)))))
    (block $tail_done (loop $tail ;; the last n mod 4 keys
      (br_if $tail_done (i32.ge_u (local.get $j) (local.get $n)))
      (local.set $x (f32.mul (local.get $scale) (call $dot (local.get $q) (local.get $k0) (local.get $hs))))
      (f32.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))) (local.get $x))
      (local.set $m (f32.max (local.get $m) (local.get $x)))
      (local.set $k0 (i32.add (local.get $k0) (local.get $stride)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $tail)))
    (local.get $m))

  ;; out[0..hs) ← Σ_j w[j]·v_j for the n rows v_j from v0 (`stride` bytes apart), 4 floats at a time
  ;; with two keys per step in two sums, so each output chunk is stored once
  (func $weighted (param $out i32) (param $w i32) (param $v0 i32) (param $stride i32) (param $n i32)
    (param $hs i32)
    (local $d i32) (local $a i32) (local $v i32) (local $wend i32) (local $acc0 v128) (local $acc1 v128)
    (local.set $wend (i32.add (local.get $w) (i32.shl (local.get $n) (i32.const 2))))
    (block $d_done (loop $d_loop
      (br_if $d_done (i32.ge_u (local.get $d) (local.get $hs)))
      (local.set $acc0 (f32x4.splat (f32.const 0)))
      (local.set $acc1 (f32x4.splat (f32.const 0)))
      (local.set $a (local.get $w))
      (local.set $v (i32.add (local.get $v0) (i32.shl (local.get $d) (i32.const 2))))
      (block $pairs_done (loop $pairs
        (br_if $pairs_done (i32.ge_u (i32.add (local.get $a) (i32.const 4)) (local.get $wend)))
        (local.set $acc0 (f32x4.add (local.get $acc0)
          (f32x4.mul (v128.load32_splat (local.get $a)) (v128.load (local.get $v)))))
        (local.set $acc1 (f32x4.add (local.get $acc1)
          (f32x4.mul (v128.load32_splat offset=4 (local.get $a))
            (v128.load (i32.add (local.get $v) (local.get $stride))))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $v (i32.add (local.get $v) (i32.shl (local.get $stride) (i32.const 1))))
        (br $pairs)))
      (if (i32.lt_u (local.get $a) (local.get $wend)) (then ;; an odd key left
        (local.set $acc0 (f32x4.add (local.get $acc0)
          (f32x4.mul (v128.load32_splat (local.get $a)) (v128.load (local.get $v)))))))
      (v128.store (i32.add (local.get $out) (i32.shl (local.get $d) (i32.const 2)))
        (f32x4.add (local.get $acc0) (local.get $acc1)))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (br $d_loop))))

  ;; (qkv (B·T, 3C)) → y (B·T, C) and att (B, nh, T, T); C = nh·hs; byte offsets
  (func (export "attentionForward") (param $qkv i32) (param $y i32) (param $att i32)
    (param $B i32) (param $T i32) (param $nh i32) (param $hs i32) (param $scale f32)
    (local $bh i32) (local $i i32) (local $C i32) (local $rowBytes i32) (local $head i32)
    (local $qi i32) (local $row i32) (local $yi i32) (local $base i32)
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
        ;; keys 0..i (k at column C of each row), softmax, then y_i from the v's (column 2C)
        (call $softmax_row (local.get $row) (i32.add (local.get $i) (i32.const 1)) (local.get $T)
          (call $scores (local.get $row) (local.get $qi)
            (i32.add (local.get $base) (i32.shl (local.get $C) (i32.const 2)))
            (local.get $rowBytes) (i32.add (local.get $i) (i32.const 1)) (local.get $hs) (local.get $scale)))
        (local.set $yi (i32.add (i32.add (local.get $y) (local.get $head))
          (i32.shl (i32.mul (i32.add (i32.mul (i32.div_u (local.get $bh) (local.get $nh)) (local.get $T)) (local.get $i))
            (local.get $C)) (i32.const 2))))
        (call $weighted (local.get $yi) (local.get $row)
          (i32.add (local.get $base) (i32.shl (local.get $C) (i32.const 3)))
          (local.get $rowBytes) (i32.add (local.get $i) (i32.const 1)) (local.get $hs))
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
