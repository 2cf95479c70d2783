/** Page object for the lab: every interaction goes through CONTRACT.md's test ids. */
import { expect, type Locator, type Page } from '@playwright/test';

export class Lab {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Open the app with URL parameters and wait until the engine has a corpus and a model. */
  async open(query = 'preset=nano&seed=1&maxSteps=20'): Promise<void> {
    await this.page.goto(`/?${query}`);
    await expect(this.id('backend')).toHaveText(/^(webgl|wasm|cpu)$/);
    await expect(this.id('corpus-stats')).toContainText('characters');
    await expect(this.id('train-start')).toBeEnabled();
  }

  async text(testId: string): Promise<string> {
    return (await this.id(testId).textContent())?.trim() ?? '';
  }

  async number(testId: string): Promise<number> {
    return Number(await this.text(testId));
  }

  async train(): Promise<void> {
    await this.id('train-start').click();
    await expect(this.id('status')).toHaveText(/^(done|paused|error)$/, { timeout: 170_000 });
  }

  async setCorpus(text: string): Promise<void> {
    await this.id('corpus-text').fill(text);
  }

  async generateGreedy(prompt: string, length: number): Promise<string> {
    await this.id('sampling-mode').selectOption('greedy');
    await this.id('gen-length').fill(String(length));
    await this.id('prompt').fill(prompt);
    await this.id('generate').click();
    await expect(this.id('generate')).toBeEnabled();
    return (await this.id('output').textContent()) ?? '';
  }

  async error(): Promise<string> {
    return this.text('error');
  }
}
