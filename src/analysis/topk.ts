/**
 * The k largest entries of each row of a row-major (rows, V) matrix, largest first, ties in index
 * order (as tf.topk): values (rows, k) as the logit lens's lensProbs, indices as its lensIds.
 */
export function topK(
  p: Float32Array,
  V: number,
  k: number,
): { lensProbs: Float32Array; lensIds: Int32Array } {
  const rows = p.length / V;
  const lensProbs = new Float32Array(rows * k);
  const lensIds = new Int32Array(rows * k);
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    let n = 0; // how many of the row's k slots are filled
    for (let j = 0; j < V; j++) {
      const x = p[r * V + j];
      if (n === k && x <= lensProbs[o + k - 1]) continue;
      // Insertion into the sorted slots; an equal value stays behind the earlier index.
      let i = n < k ? n++ : k - 1;
      while (i > 0 && lensProbs[o + i - 1] < x) {
        lensProbs[o + i] = lensProbs[o + i - 1];
        lensIds[o + i] = lensIds[o + i - 1];
        i--;
      }
      lensProbs[o + i] = x;
      lensIds[o + i] = j;
    }
  }
  return { lensProbs, lensIds };
}
