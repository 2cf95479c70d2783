/** The text of src/model/wasm/simd-binary.ts as simd.wat assembles now. */
export declare function assemble(): Promise<string>;
