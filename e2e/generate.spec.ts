import { expect, test } from './fixtures';
import { Lab } from './lab';

test('after training, greedy generation is deterministic, +1 token extends it, and a sampling seed repeats', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=11&maxSteps=60');
  expect(await lab.train()).toBe('done');
  expect(await lab.number('train-step')).toBe(60);

  // Greedy: 40 tokens of a char model are 40 characters, and the same every time.
  const greedy = await lab.generateGreedy('The ', 40);
  expect(greedy.trim().length).toBeGreaterThan(0);
  expect([...greedy]).toHaveLength(40);
  expect(await lab.generateGreedy('The ', 40)).toBe(greedy);
  await expect(lab.id('error')).toBeEmpty();
  // The see-inside panels then explain the text as it now ends: the context strip's newest token
  // is the output's last character (nano's block: the last 32 characters of prompt + output).
  const strip = lab.id('next-token-context').locator('button');
  await expect(strip).toHaveCount(32);
  await expect(strip.last()).toHaveAttribute(
    'title',
    `position 31: ${JSON.stringify(greedy.slice(-1))} (just appended)`,
  );

  // "+1 token" appends exactly one character: the one greedy decoding puts 41st.
  const stepped = await lab.generateStep();
  expect([...stepped]).toHaveLength(41);
  expect(stepped.startsWith(greedy)).toBe(true);
  const greedy41 = await lab.generateGreedy('The ', 41);
  expect(stepped).toBe(greedy41);
  // While tokens stream, panels out of view skip rendering (html.live); a moment later the whole
  // page renders again (printing, full-page screenshots).
  await lab.id('generate-step').click();
  await expect(page.locator('html')).toHaveClass(/\blive\b/);
  await expect(page.locator('html')).not.toHaveClass(/\blive\b/, { timeout: 10_000 });

  // Sampling: the same seed draws the same text; another seed draws another.
  await lab.setSamplingSeed(5);
  const sampled = await lab.generate('The ', 40, 'sample');
  expect([...sampled]).toHaveLength(40);
  expect(await lab.generate('The ', 40, 'sample')).toBe(sampled);
  await lab.setSamplingSeed(6);
  expect(await lab.generate('The ', 40, 'sample')).not.toBe(sampled);
  await lab.setSamplingSeed(5);
  expect(await lab.generate('The ', 40, 'sample')).toBe(sampled);
});
