// Vite plugin: keep tfjs-backend-wasm's *threaded* build working after minification.
//
// tfjs starts each wasm pthread worker from a Blob made of `wasmFactoryThreadedSimd.toString()`, so that
// function must be self-contained. Minifiers break it: the factory reads `_scriptDir` from its enclosing
// closure via `typeof _scriptDir !== "undefined"`, which they rename and shorten to `e !== void 0`; in the
// pthread worker `e` does not exist and every thread dies ("ReferenceError: e is not defined").
// This plugin ships the factory's source as a string literal and builds the function at run time with
// `new Function`, so the minifier never touches its text. Worker bundles only see plugins listed in
// `worker.plugins` (not the top-level `plugins`), so register it there:
//
//   worker: { format: 'es', plugins: () => [tfjsWasmThreads()] }
//
// src/worker/backend.ts checks the factory text and turns wasm threads off when it was mangled, so the
// app works (single-threaded) without this plugin too.

const THREADED_FACTORY =
  /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

/** @returns {import('vite').Plugin} */
export function tfjsWasmThreads() {
  return {
    name: 'tinygpt:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!THREADED_FACTORY.test(id.split('?')[0])) return null;
      const body = `${code}\n;return WasmBackendModuleThreadedSimd;`;
      return {
        code: `const factory = new Function(${JSON.stringify(body)})();\nexport default factory;\n`,
        map: null,
      };
    },
  };
}
