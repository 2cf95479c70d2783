/** Page object for the lab: every interaction goes through CONTRACT.md's test ids (or visible labels). */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** A file handed to an `<input type=file>` without touching the disk. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface Download {
  name: string;
  bytes: Buffer;
  /** Where Playwright keeps the downloaded file (valid until the test's context closes). */
  path: string;
}

const FINISHED = /^(done|paused|error)$/;

export class Lab {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** A panel by its heading, e.g. /· Generate$/ for "4 · Generate". */
  panel(name: RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  /** Open the app with URL parameters and wait until the engine has a corpus and a model. */
  async open(query = 'preset=nano&seed=1&maxSteps=20'): Promise<void> {
    await this.page.goto(`/?${query}`);
    await this.ready();
  }

  /** Reload the tab (the autosave in IndexedDB survives) and wait until the app is usable again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.id('backend')).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
    await expect(this.id('corpus-stats')).toContainText('characters');
    await expect(this.id('train-start')).toBeEnabled();
  }

  async text(testId: string): Promise<string> {
    return (await this.id(testId).textContent())?.trim() ?? '';
  }

  async number(testId: string): Promise<number> {
    return Number(await this.text(testId));
  }

  /** Type into a number field and leave it, as a person does; the field commits on blur. */
  async setNumber(field: Locator, value: number | string): Promise<void> {
    await field.fill(String(value));
    await field.blur();
    await expect.poll(async () => Number(await field.inputValue())).toBe(Number(value));
  }

  async setMaxSteps(steps: number): Promise<void> {
    await this.setNumber(this.id('max-steps'), steps);
    await expect(this.panel(/· Train$/)).toContainText(`/ ${steps}`);
  }

  async setLearningRate(lr: number | string): Promise<void> {
    await this.setNumber(this.panel(/· Model$/).getByLabel('learning rate'), lr);
  }

  /** Press Train and wait until the run ends (done, paused, error) or is refused with a message. */
  async train(): Promise<string> {
    const before = await this.trainState();
    await this.id('train-start').click();
    let status = '';
    await expect
      .poll(
        async () => {
          const now = await this.trainState();
          status = now.status;
          const moved = now.status !== before.status || now.step !== before.step;
          if (FINISHED.test(now.status) && moved) return 'finished';
          // Refused before it started (e.g. a corpus too short): back to idle with a new message.
          if (now.status === 'idle' && now.error && now.error !== before.error) return 'refused';
          return 'running';
        },
        { timeout: 170_000, intervals: [100, 250, 500] },
      )
      .not.toBe('running');
    return status;
  }

  private async trainState() {
    return {
      status: await this.text('status'),
      step: await this.text('train-step'),
      error: await this.error(),
    };
  }

  async setCorpus(text: string): Promise<void> {
    await this.id('corpus-text').fill(text);
  }

  /** Pick a corpus file: made in memory, or a path on disk (for files too big to hold). */
  async corpusFile(file: FilePayload | string): Promise<void> {
    await this.id('corpus-file').setInputFiles(file);
  }

  async setSamplingSeed(seed: number): Promise<void> {
    await this.setNumber(this.panel(/· Generate$/).getByLabel('seed'), seed);
  }

  /** Generate `length` tokens after `prompt` and return the output once generation has finished. */
  async generate(prompt: string, length: number, mode: 'greedy' | 'sample' = 'greedy'): Promise<string> {
    await this.id('sampling-mode').selectOption(mode);
    await this.setNumber(this.id('gen-length'), length);
    await this.id('prompt').fill(prompt);
    await this.id('generate').click();
    await expect(this.id('generate')).toBeEnabled();
    return (await this.id('output').textContent()) ?? '';
  }

  async generateGreedy(prompt: string, length: number): Promise<string> {
    return this.generate(prompt, length, 'greedy');
  }

  /** One more token after prompt + output. */
  async generateStep(): Promise<string> {
    await this.id('generate-step').click();
    await expect(this.id('generate-step')).toBeEnabled();
    return (await this.id('output').textContent()) ?? '';
  }

  /** Click Export and capture the file the browser downloads. */
  async exportCheckpoint(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.id('export-safetensors').click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path), path };
  }

  /** Click a button that downloads a file (e.g. a panel's SVG/PNG/CSV export) and capture the file. */
  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path), path };
  }

  async importCheckpoint(file: string | FilePayload): Promise<void> {
    await this.id('import-checkpoint').setInputFiles(file);
  }

  /** The model line under the Model panel, e.g. "… 2×4×64, block 32 · new". */
  modelStats(): Locator {
    return this.panel(/· Model$/).getByText(/parameters ·/);
  }

  async error(): Promise<string> {
    return this.text('error');
  }

  /** Close the error message with its × button. */
  async dismissError(): Promise<void> {
    await this.page.getByRole('button', { name: 'Dismiss error' }).click();
    await expect(this.id('error')).toBeEmpty();
  }

  async expectError(message: RegExp): Promise<void> {
    await expect(this.id('error')).toContainText(message);
  }
}
