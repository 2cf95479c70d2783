/**
 * The guided lesson as a teacher runs it: one link, every stop walked with a clicker's keys, each
 * stop's text and live figure, in every shipped language; the numbers are the model's own (a fresh
 * model shows others); "be the model" scores as an independent float64 GPT says it must; Esc is
 * back in the lab with the same model.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Catalogue } from '../src/i18n/catalogue';
import { de } from '../src/i18n/de';
import { en } from '../src/i18n/en';
import { es } from '../src/i18n/es';
import { expect, test } from './fixtures';
import { bitsPerChar, loadReference } from './reference-gpt';

test.use({ viewport: { width: 1024, height: 768 } });

const STOP_IDS = Object.keys(en.lesson.stops) as (keyof Catalogue['lesson']['stops'])[];
const N = STOP_IDS.length;

/** The figure has answered: no "waiting for the model" left in it. */
async function figureDrawn(page: Page): Promise<string> {
  const figure = page.getByTestId('lesson-figure');
  await expect(figure.locator('[data-waiting]')).toHaveCount(0, { timeout: 60_000 });
  return (await figure.innerText()).trim();
}

/** The numbers a figure shows, as text ("62%", "1.387", "0,368"). */
const numbersIn = (text: string) => text.match(/\d+(?:[.,]\d+)?\s?%?/g) ?? [];

async function walk(page: Page, catalogue: Catalogue): Promise<string[]> {
  const keys = ['PageDown', 'ArrowRight', ' '];
  const figures: string[] = [];
  for (let k = 1; k <= N; k++) {
    const stop = catalogue.lesson.stops[STOP_IDS[k - 1]];
    await expect(page.getByTestId('lesson-progress')).toHaveText(`${k} / ${N}`);
    const lesson = page.getByTestId('lesson');
    await expect(lesson.getByRole('heading', { level: 2 })).toHaveText(stop.title);
    await expect(lesson).toContainText(stop.body);
    await expect(lesson).toContainText(stop.try);
    const figure = await figureDrawn(page);
    if (STOP_IDS[k - 1] !== 'game')
      expect(numbersIn(figure).length, `stop ${k} shows live numbers`).toBeGreaterThan(0);
    figures.push(figure);
    if (k < N) await page.keyboard.press(keys[k % keys.length]);
  }
  // A clicker's "back" and the lesson's own button step back; the last stop has no Next.
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('lesson-progress')).toHaveText(`${N - 1} / ${N}`);
  await page.getByTestId('lesson-prev').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText(`${N - 2} / ${N}`);
  return figures;
}

test('a teacher walks every stop with the keyboard, on the pretrained model; Esc is the lab with the same model', async ({
  page,
}) => {
  await page.goto('/?lesson=1');
  const figures = await walk(page, en);
  // Stop 1's bars are the pretrained model's: "e" after "To be, or not to b".
  expect(figures[0]).toMatch(/^e\s/m);
  // Deep links and "remembers where the class was": a reload comes back to the same stop.
  await page.getByTestId('lesson-next').click();
  await expect(page).toHaveURL(/[?&]lesson=11\b/);
  await page.reload();
  await expect(page.getByTestId('lesson-progress')).toHaveText(`11 / ${N}`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson=/);
  await page.getByTestId('lesson-open').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText(`11 / ${N}`);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('lesson-progress')).toHaveText(`1 / ${N}`);
  await expect.poll(() => figureDrawn(page)).toBe(figures[0]); // the same model's same bars
});

test('the same stops show other numbers for a freshly initialised model, and the lesson leaves the model as it was', async ({
  page,
}) => {
  await page.goto('/?lesson=7');
  const pretrained = await figureDrawn(page);
  const before = await page.getByTestId('lesson-loss-before').innerText();
  await page.getByRole('button', { name: en.lesson.fig.again }).click();
  await expect(page.getByTestId('lesson-loss-before')).toHaveText(before); // the step was undone
  await page.keyboard.press('Escape');
  // The class's own text: a fresh model of the chosen shape, trained from nothing.
  const text = (
    await readFile(new URL('../../shared/data/tinyshakespeare.txt', import.meta.url), 'utf8')
  ).slice(0, 20_000);
  await page.getByTestId('corpus-text').fill(text);
  await expect(page.getByTestId('train-step')).toHaveText('0');
  await expect(page.getByTestId('corpus-stats')).toContainText('20,000');
  await page.getByTestId('lesson-open').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText(`7 / ${N}`);
  await expect(page.getByTestId('lesson-loss-before')).not.toHaveText(before);
  const fresh = await figureDrawn(page);
  expect(fresh).not.toBe(pretrained);
  // An untrained model is unsure: about ln 65 ≈ 4.17 nats, far above the pretrained model's.
  const nats = Number((await page.getByTestId('lesson-loss-before').innerText()).split(' ')[0]);
  expect(nats).toBeGreaterThan(3.5);
});

test('"be the model": the class’s and the model’s bits per character are what an independent GPT computes', async ({
  page,
}) => {
  await page.goto('/?lesson=11');
  const passage = 'First Citizen:\nBefore we proceed any further, hear me speak.';
  await expect(page.getByTestId('lesson-passage')).toHaveText('First␣Citizen:↵▮');
  const rounds = 12;
  const guesses = [...'Baaaaaaaaaaa'];
  for (let r = 0; r < rounds; r++) {
    const guess = page.getByTestId('lesson-guess');
    await guess.fill(guesses[r]);
    if (r % 2) await page.getByTestId('lesson-confidence').selectOption('0.9');
    else await page.getByTestId('lesson-confidence').selectOption('0.5');
    await guess.press('Enter');
    await page.getByTestId('lesson-game-next').click();
  }
  const ref = loadReference(
    new Uint8Array(
      await readFile(new URL('../public/pretrained/baby-shakespeare.safetensors', import.meta.url)),
    ),
  );
  const { perChar } = bitsPerChar(ref, passage.slice(0, 15 + rounds));
  const model = perChar.slice(14, 14 + rounds); // perChar[i−1] is character i's bits; guessing starts at 15
  const V = ref.config.vocab_size;
  const people = guesses.slice(0, rounds).map((g, r) => {
    const c = r % 2 ? 0.9 : 0.5;
    return g === passage[15 + r] ? -Math.log2(c) : -Math.log2((1 - c) / (V - 1));
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const shown = async (id: string) => Number((await page.getByTestId(id).innerText()).split(' ')[0]);
  expect(Math.abs((await shown('lesson-score-model')) - mean(model))).toBeLessThan(0.0006);
  expect(Math.abs((await shown('lesson-score-people')) - mean(people))).toBeLessThan(0.0006);
  await expect(page.getByTestId('lesson-passage')).toHaveText(
    `${passage
      .slice(0, 15 + rounds)
      .replace(/ /g, '␣')
      .replace('\n', '↵')}▮`,
  );
});

for (const [lang, catalogue] of [
  ['es', es],
  ['de', de],
] as const)
  test(`the whole lesson in ${lang}: every stop's text from its catalogue, live figures, numbers in its format`, async ({
    page,
  }) => {
    await page.goto(`/?lesson=1&lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByTestId('lang-select')).toHaveValue(lang);
    const figures = await walk(page, catalogue);
    // Decimal commas: stop 6's entropy reads "2,00 bits" in both languages, not "2.00".
    expect(figures[5]).toMatch(/\d,\d\d/);
    // The language is remembered: a plain link opens in it.
    await page.goto('/');
    await expect(page.getByTestId('lang-select')).toHaveValue(lang);
    await page.getByTestId('lang-select').selectOption('en');
    await expect(page.getByTestId('lesson-open')).toHaveText(en.lesson.open);
  });
