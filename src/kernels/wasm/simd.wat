;; Fused kernels in WebAssembly SIMD, four floats at a time, on tfjs-wasm's own heap
;; (the memory is imported from its module; pointers are tensors' byte offsets in it).
;; tfjs-wasm computes erf and exp with scalar libm calls (~7–13 ns a float); here they are
;; polynomials in f32x4: erf as Abramowitz & Stegun 7.1.26 (|error| ≤ 1.5e-7, the formula tfjs's
;; own cpu erf uses) and exp as Cephes' expf (≤ 1 ulp on the range used, x ≤ 0).
;; Built by scripts/build-simd.mjs into simd-binary.ts; MEMORY is replaced there by the memory
;; import for tfjs's threaded (shared) or single-threaded build.
;; The module's code is in the simd-*.wat files, spliced in at their `include` lines by the build.
(module
  MEMORY
  ;; include simd-math.wat
  ;; include simd-elementwise.wat
  ;; include simd-layernorm.wat
  ;; include simd-adamw.wat
  ;; include simd-attention.wat
)
