/** The text of src/kernels/wasm/simd-binary.ts as simd.wat assembles now. */
export declare function assemble(): Promise<string>;
