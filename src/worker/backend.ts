// Which tfjs backend runs the model, and why. Called once in the worker before any tensor exists.
// WebGL where the GPU is real; wasm where WebGL is missing or software-rendered (SwiftShader trains
// ~5x slower than wasm, TFJS-NOTES); cpu only when nothing else starts.
/// <reference types="vite/client" />
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths, version_wasm } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as threadedFactoryModule from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';
import { version_webgl } from '@tensorflow/tfjs-backend-webgl';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';
import { t } from '../i18n/i18n';

import type { BackendInfo, BackendName, BackendRequest } from './backend-types';
import { memoryLimits } from './memory-limits';

export type { BackendInfo, BackendName, BackendRequest };

export interface WebGLProbe {
  available: boolean;
  renderer: string;
  software: boolean;
}

/** Referencing the backend packages keeps bundlers from dropping their registration (TFJS-NOTES 11). */
export const backendVersions = {
  wasm: version_wasm,
  webgl: version_webgl,
  webgpu: typeof webgpu_util,
  tfjs: tf.version.tfjs,
};

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver|lavapipe/i;

const isNode = (): boolean =>
  !!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;

/** True when a GL renderer string names a software rasteriser. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

/** A short name for a software renderer ("SwiftShader", "llvmpipe", ...) for messages. */
function softwareName(renderer: string): string {
  return renderer.match(SOFTWARE_RENDERERS)?.[0] ?? 'software';
}

/** Look for WebGL2 on an OffscreenCanvas (works in a module worker) and read its real renderer. */
export function probeWebGL(): WebGLProbe {
  const none = { available: false, renderer: '', software: false };
  if (typeof OffscreenCanvas === 'undefined') return none;
  let gl: WebGL2RenderingContext | null = null;
  try {
    gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  } catch {
    return none;
  }
  if (!gl) return none;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const unmasked = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : null;
  const renderer = String(unmasked || gl.getParameter(gl.RENDERER) || 'unknown WebGL2 renderer');
  gl.getExtension('WEBGL_lose_context')?.loseContext(); // tfjs makes its own context
  return { available: true, renderer, software: isSoftwareRenderer(renderer) };
}

export interface WebGPUProbe {
  available: boolean;
  /** "google swiftshader", "nvidia ampere"…, from the adapter's info. */
  adapter: string;
  /** A software or fallback adapter (SwiftShader, llvmpipe, lavapipe): correct, not fast. */
  software: boolean;
}

/** Ask for a WebGPU adapter (workers have navigator.gpu where the page does) and describe it. */
export async function probeWebGPU(): Promise<WebGPUProbe> {
  const none = { available: false, adapter: '', software: false };
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return none;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return none;
    const i = adapter.info ?? {};
    const name =
      [i.vendor, i.architecture, i.device, i.description].filter(Boolean).join(' ') || 'WebGPU adapter';
    const software = !!(i.isFallbackAdapter ?? adapter.isFallbackAdapter) || isSoftwareRenderer(name);
    return { available: true, adapter: name, software };
  } catch {
    return none;
  }
}

/** The part of the WebGPU API the probe reads (typed here: the worker's lib has no WebGPU types). */
interface GpuLike {
  requestAdapter(): Promise<{
    info?: {
      vendor?: string;
      architecture?: string;
      device?: string;
      description?: string;
      isFallbackAdapter?: boolean;
    };
    isFallbackAdapter?: boolean;
  } | null>;
}

/**
 * Why wasm runs single-threaded here, or null when its threaded build may be used.
 * tfjs starts each pthread worker from `threadedFactory.toString()`; a minifier that renamed the
 * factory's closure variable (`typeof _scriptDir` → `e !== void 0`) makes every thread throw, so the
 * threaded build is used only when that text survived bundling (scripts/vite-plugin-tfjs-wasm-threads.mjs).
 */
export function wasmThreadsBlocker(): string | null {
  if (isNode()) return 'node';
  if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== true) {
    return t('errors.backend.wasmNotIsolated');
  }
  // One core: a second thread would only take turns with the first (threadPerCore below does the rest).
  const cores =
    (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
  if (cores < 2) return t('errors.backend.wasmOneCore');
  const mod = threadedFactoryModule as unknown as { default?: unknown };
  const factory = mod.default ?? mod;
  if (typeof factory !== 'function' || !/typeof\s+_scriptDir\b/.test(String(factory))) {
    return t('errors.backend.wasmMangled');
  }
  return null;
}

/**
 * tfjs-wasm caps XNNPACK's pool at hardwareConcurrency / 2 (it assumes two hyper-threads per core)
 * whatever setThreadsCount asks for: report twice the cores to this worker's wasm module and ask
 * for one thread per core.
 */
function threadPerCore(): void {
  const nav = globalThis.navigator as { hardwareConcurrency: number };
  const cores = nav.hardwareConcurrency;
  Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => 2 * cores });
  setThreadsCount(cores);
}

let wasmPathsSet = false;
let wasmThreadsNote: string | null = null;

/** Point tfjs at the .wasm files Vite emitted (hashed names in dist/assets); threads only if they work. Not in node: see backend.node.ts. */
function configureWasm(): void {
  if (wasmPathsSet || isNode()) return;
  wasmThreadsNote = wasmThreadsBlocker();
  if (wasmThreadsNote) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  else threadPerCore();
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
  });
  wasmPathsSet = true;
}

/** Make `name` the active backend; false (with the error) when it does not start. */
export async function trySetBackend(name: BackendName): Promise<{ ok: boolean; error?: string }> {
  try {
    if (name === 'wasm') configureWasm();
    const ok = await tf.setBackend(name);
    if (!ok) return { ok: false, error: t('errors.backend.didNotStart', { name }) };
    await tf.ready();
    return tf.getBackend() === name
      ? { ok: true }
      : { ok: false, error: t('errors.backend.notActive', { name }) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function describeWasm(): Promise<{ renderer: string; threads?: number }> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  let threads: number | undefined;
  try {
    threads = getThreadsCount();
  } catch {
    threads = undefined;
  }
  const parts = [simd ? 'wasm SIMD' : t('errors.backend.wasmNoSimd')];
  if (threads !== undefined) parts.push(t('errors.backend.threads', { count: threads, n: String(threads) }));
  return { renderer: parts.join(', '), threads };
}

async function info(
  name: BackendName,
  reason: string,
  glRenderer: string,
  gpu: WebGPUProbe | null,
): Promise<BackendInfo> {
  if (name === 'webgpu') {
    const what = gpu?.adapter || 'WebGPU';
    return {
      name,
      renderer: gpu?.software ? t('errors.backend.softwareAdapter', { adapter: what }) : what,
      reason,
    };
  }
  if (name === 'webgl') return { name, renderer: glRenderer || 'WebGL', reason };
  if (name === 'cpu') return { name, renderer: 'JavaScript', reason };
  const note =
    wasmThreadsNote && wasmThreadsNote !== 'node'
      ? t('errors.backend.singleThreaded', { why: wasmThreadsNote })
      : '';
  return { name, reason: reason + note, ...(await describeWasm()) };
}

/** "webgpu google swiftshader · webgl ANGLE (…) · 16 cores · isolated": what a measurement holds for. */
function deviceOf(gl: WebGLProbe | null, gpu: WebGPUProbe | null): string {
  const g = globalThis as { navigator?: { hardwareConcurrency?: number }; crossOriginIsolated?: boolean };
  return [
    `webgpu ${gpu?.available ? gpu.adapter : 'none'}`,
    `webgl ${gl?.available ? gl.renderer : 'none'}`,
    `${g.navigator?.hardwareConcurrency ?? 1} cores`,
    g.crossOriginIsolated ? 'isolated' : 'not isolated',
  ].join(' · ');
}

const FALLBACKS: Record<BackendName, BackendName[]> = {
  webgpu: ['webgpu', 'wasm', 'cpu'],
  webgl: ['webgl', 'wasm', 'cpu'],
  wasm: ['wasm', 'cpu'],
  cpu: ['cpu'],
};

/** Choose, initialise and describe the tfjs backend. Never throws unless even cpu fails. */
export async function initBackend(request: BackendRequest): Promise<BackendInfo> {
  // Probing WebGPU may wake a discrete GPU: only when the request could use it. Auto probes both,
  // for the device its measured choice is remembered under (app/backend-choice.ts).
  const gl = request === 'auto' || request === 'webgl' ? probeWebGL() : null;
  const gpu = request === 'auto' || request === 'webgpu' ? await probeWebGPU() : null;
  let first: BackendName;
  let why: string;
  if (request === 'auto') {
    if (!gl?.available) {
      first = 'wasm';
      why = t('errors.backend.reasonNoWebgl2');
    } else if (gl.software) {
      first = 'wasm';
      why = t('errors.backend.reasonWebglSoftware', { renderer: softwareName(gl.renderer) });
    } else {
      first = 'webgl';
      why = t('errors.backend.reasonWebglGpu', { renderer: gl.renderer });
    }
  } else {
    first = request;
    why = t('errors.backend.reasonRequested', { name: request });
    if (request === 'webgl' && gl?.software)
      why += t('errors.backend.noteWebglSoftware', { renderer: softwareName(gl.renderer) });
    if (request === 'webgpu' && gpu?.software)
      why += t('errors.backend.noteWebgpuSoftware', { adapter: softwareName(gpu.adapter) || 'fallback' });
  }

  const failures: string[] = [];
  for (const name of FALLBACKS[first]) {
    if (name === 'webgl' && gl && !gl.available) {
      failures.push(t('errors.backend.noWebgl2'));
      continue;
    }
    if (name === 'webgpu' && !gpu?.available) {
      failures.push(t('errors.backend.noWebgpu'));
      continue;
    }
    const { ok, error } = await trySetBackend(name);
    if (ok) {
      const reason = failures.length
        ? t('errors.backend.reasonFellBack', { why, failures: failures.join('; '), name })
        : why;
      const described = { ...(await info(name, reason, gl?.renderer ?? '', gpu)), memory: memoryLimits() };
      return request === 'auto' ? { ...described, device: deviceOf(gl, gpu) } : described;
    }
    failures.push(`${name}: ${error}`);
  }
  throw new Error(t('errors.backend.noneStarted', { failures: failures.join('; ') }));
}
