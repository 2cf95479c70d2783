export declare const SYSTEM_CHROMIUM_PATHS: readonly string[];
export declare const CHROMIUM_ENV_VARS: readonly string[];
export interface ChromiumCandidate {
  path: string;
  source: string;
}
type Env = Record<string, string | undefined>;
export declare function isExecutable(path: string): boolean;
export declare function playwrightChromiumPath(): string | undefined;
export declare function chromiumCandidates(env?: Env): ChromiumCandidate[];
export declare function locateChromium(env?: Env): ChromiumCandidate | undefined;
export declare function findChromium(env?: Env): string | undefined;
export declare const CHROMIUM_FLAGS: readonly string[];
