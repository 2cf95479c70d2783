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

  ;; out[0..hs) ← Σ_j w_j·v_j over n keys, the weights `wstep` bytes apart from w and the rows v_j
  ;; `stride` bytes apart from v0; 4 floats of out at a time, two keys per step in two sums, so each
  ;; chunk of out is stored once
  (func $weighted (param $out i32) (param $w i32) (param $wstep i32) (param $v0 i32) (param $stride i32)
    (param $n i32) (param $hs i32)
    (local $d i32) (local $a i32) (local $v i32) (local $left i32) (local $acc0 v128) (local $acc1 v128)
    (block $d_done (loop $d_loop
      (br_if $d_done (i32.ge_u (local.get $d) (local.get $hs)))
      (local.set $acc0 (f32x4.splat (f32.const 0)))
      (local.set $acc1 (f32x4.splat (f32.const 0)))
      (local.set $a (local.get $w))
      (local.set $v (i32.add (local.get $v0) (i32.shl (local.get $d) (i32.const 2))))
      (local.set $left (local.get $n))
      (block $pairs_done (loop $pairs
        (br_if $pairs_done (i32.lt_u (local.get $left) (i32.const 2)))
        (local.set $acc0 (f32x4.add (local.get $acc0)
          (f32x4.mul (v128.load32_splat (local.get $a)) (v128.load (local.get $v)))))
        (local.set $acc1 (f32x4.add (local.get $acc1)
          (f32x4.mul (v128.load32_splat (i32.add (local.get $a) (local.get $wstep)))
            (v128.load (i32.add (local.get $v) (local.get $stride))))))
        (local.set $a (i32.add (local.get $a) (i32.shl (local.get $wstep) (i32.const 1))))
        (local.set $v (i32.add (local.get $v) (i32.shl (local.get $stride) (i32.const 1))))
        (local.set $left (i32.sub (local.get $left) (i32.const 2)))
        (br $pairs)))
      (if (local.get $left) (then ;; an odd key left
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
        (call $weighted (local.get $yi) (local.get $row) (i32.const 4)
          (i32.add (local.get $base) (i32.shl (local.get $C) (i32.const 3)))
          (local.get $rowBytes) (i32.add (local.get $i) (i32.const 1)) (local.get $hs))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $i_loop)))
      (local.set $bh (i32.add (local.get $bh) (i32.const 1)))
      (br $bh_loop)))
  )

  ;; a·b over n floats (any n: the last n mod 4 one at a time)
  (func $dotn (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $s f32) (local $end i32)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $s (call $dot (local.get $a) (local.get $b) (i32.and (local.get $n) (i32.const -4))))
    (local.set $b (i32.add (local.get $b) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (local.set $a (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (local.set $s (f32.add (local.get $s) (f32.mul (f32.load (local.get $a)) (f32.load (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (i32.const 4)))
      (local.set $b (i32.add (local.get $b) (i32.const 4)))
      (br $l)))
    (local.get $s))

  ;; ds[0..n) ← scale·att[j]·(ds[j] − rowdot), in place
  (func $dsrow (param $ds i32) (param $att i32) (param $n i32) (param $rowdot f32) (param $scale f32)
    (local $j i32) (local $r v128) (local $sc v128) (local $at i32)
    (local.set $r (f32x4.splat (local.get $rowdot)))
    (local.set $sc (f32x4.splat (local.get $scale)))
    (block $four_done (loop $four
      (br_if $four_done (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
      (local.set $at (i32.shl (local.get $j) (i32.const 2)))
      (v128.store (i32.add (local.get $ds) (local.get $at))
        (f32x4.mul (f32x4.mul (local.get $sc) (v128.load (i32.add (local.get $att) (local.get $at))))
          (f32x4.sub (v128.load (i32.add (local.get $ds) (local.get $at))) (local.get $r))))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $four)))
    (block $tail_done (loop $tail
      (br_if $tail_done (i32.ge_u (local.get $j) (local.get $n)))
      (local.set $at (i32.shl (local.get $j) (i32.const 2)))
      (f32.store (i32.add (local.get $ds) (local.get $at))
        (f32.mul (f32.mul (local.get $scale) (f32.load (i32.add (local.get $att) (local.get $at))))
          (f32.sub (f32.load (i32.add (local.get $ds) (local.get $at))) (local.get $rowdot))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $tail))))

  ;; The gradient for qkv, dqkv (B·T, 3C), from dy (B·T, C), qkv and att; scratch holds T·T floats.
  ;;   datt_ij = dy_i·v_j, ds_ij = scale·att_ij·(datt_ij − Σ_j' att_ij'·datt_ij'),
  ;;   dq_i = Σ_j ds_ij·k_j by rows i; dk_j = Σ_i ds_ij·q_i and dv_j = Σ_i att_ij·dy_i by columns j
  ;;   (i ≥ j), so every element of dqkv is one sum in registers, stored once (bench/NOTES.md try 30)
  (func (export "attentionBackward") (param $dy i32) (param $qkv i32) (param $att i32) (param $dqkv i32)
    (param $scratch i32) (param $B i32) (param $T i32) (param $nh i32) (param $hs i32) (param $scale f32)
    (local $bh i32) (local $i i32) (local $j i32) (local $C i32) (local $rowBytes i32) (local $T4 i32)
    (local $head i32) (local $q0 i32) (local $dq0 i32) (local $dy0 i32) (local $att0 i32) (local $ds i32)
    (local $n i32)
    (local.set $C (i32.mul (local.get $nh) (local.get $hs)))
    (local.set $rowBytes (i32.mul (local.get $C) (i32.const 12)))
    (local.set $T4 (i32.shl (local.get $T) (i32.const 2)))
    (block $bh_done (loop $bh_loop
      (br_if $bh_done (i32.ge_u (local.get $bh) (i32.mul (local.get $B) (local.get $nh))))
      ;; this head's q_0 in qkv and dqkv (k at +4C bytes, v at +8C), its dy_0, and its att (T, T)
      (local.set $head (i32.shl (i32.mul (i32.rem_u (local.get $bh) (local.get $nh)) (local.get $hs)) (i32.const 2)))
      (local.set $q0 (i32.add (local.get $head)
        (i32.mul (i32.mul (i32.div_u (local.get $bh) (local.get $nh)) (local.get $T)) (local.get $rowBytes))))
      (local.set $dq0 (i32.add (local.get $dqkv) (local.get $q0)))
      (local.set $q0 (i32.add (local.get $qkv) (local.get $q0)))
      (local.set $dy0 (i32.add (i32.add (local.get $dy) (local.get $head)) (i32.shl
        (i32.mul (i32.mul (i32.div_u (local.get $bh) (local.get $nh)) (local.get $T)) (local.get $C)) (i32.const 2))))
      (local.set $att0 (i32.add (local.get $att) (i32.mul (i32.mul (local.get $bh) (local.get $T)) (local.get $T4))))
      ;; by rows: ds_i (keys 0..i) into the scratch's row i, then dq_i
      (local.set $i (i32.const 0))
      (block $i_done (loop $i_loop
        (br_if $i_done (i32.ge_u (local.get $i) (local.get $T)))
        (local.set $n (i32.add (local.get $i) (i32.const 1)))
        (local.set $ds (i32.add (local.get $scratch) (i32.mul (local.get $i) (local.get $T4))))
        (drop (call $scores (local.get $ds)
          (i32.add (local.get $dy0) (i32.shl (i32.mul (local.get $i) (local.get $C)) (i32.const 2)))
          (i32.add (local.get $q0) (i32.shl (local.get $C) (i32.const 3)))
          (local.get $rowBytes) (local.get $n) (local.get $hs) (f32.const 1)))
        (call $dsrow (local.get $ds) (i32.add (local.get $att0) (i32.mul (local.get $i) (local.get $T4))) (local.get $n)
          (call $dotn (i32.add (local.get $att0) (i32.mul (local.get $i) (local.get $T4))) (local.get $ds) (local.get $n))
          (local.get $scale))
        (call $weighted (i32.add (local.get $dq0) (i32.mul (local.get $i) (local.get $rowBytes)))
          (local.get $ds) (i32.const 4)
          (i32.add (local.get $q0) (i32.shl (local.get $C) (i32.const 2))) (local.get $rowBytes)
          (local.get $n) (local.get $hs))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $i_loop)))
      ;; by columns: dk_j from ds (i ≥ j) and the q's, dv_j from att and the dy's
      (local.set $j (i32.const 0))
      (block $j_done (loop $j_loop
        (br_if $j_done (i32.ge_u (local.get $j) (local.get $T)))
        (local.set $n (i32.sub (local.get $T) (local.get $j)))
        (call $weighted
          (i32.add (i32.add (local.get $dq0) (i32.mul (local.get $j) (local.get $rowBytes))) (i32.shl (local.get $C) (i32.const 2)))
          (i32.add (local.get $scratch) (i32.mul (local.get $j) (i32.add (local.get $T4) (i32.const 4)))) (local.get $T4)
          (i32.add (local.get $q0) (i32.mul (local.get $j) (local.get $rowBytes))) (local.get $rowBytes)
          (local.get $n) (local.get $hs))
        (call $weighted
          (i32.add (i32.add (local.get $dq0) (i32.mul (local.get $j) (local.get $rowBytes))) (i32.shl (local.get $C) (i32.const 3)))
          (i32.add (local.get $att0) (i32.mul (local.get $j) (i32.add (local.get $T4) (i32.const 4)))) (local.get $T4)
          (i32.add (local.get $dy0) (i32.shl (i32.mul (local.get $j) (local.get $C)) (i32.const 2))) (i32.shl (local.get $C) (i32.const 2))
          (local.get $n) (local.get $hs))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $j_loop)))
      (local.set $bh (i32.add (local.get $bh) (i32.const 1)))
      (br $bh_loop)))
  )
