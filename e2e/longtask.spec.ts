import { expect, test } from './fixtures';
import { Lab } from './lab';

interface LongTask {
  start: number;
  duration: number;
}
type Probe = { longTasks: LongTask[]; longTaskSupported: boolean };

test('training runs in the worker: the longest main-thread task while training is measured', async ({
  page,
}, testInfo) => {
  // Record every long task (> 50 ms on the main thread) from the very first script on.
  await page.addInitScript(() => {
    const w = window as unknown as Probe;
    w.longTasks = [];
    w.longTaskSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=4&maxSteps=100');
  expect(await page.evaluate(() => (window as unknown as Probe).longTaskSupported)).toBe(true);

  const from = await page.evaluate(() => performance.now());
  expect(await lab.train()).toBe('done');
  const to = await page.evaluate(() => performance.now());
  expect(await lab.number('train-step')).toBe(100);

  const tasks = (await page.evaluate(() => (window as unknown as Probe).longTasks)).filter(
    (t) => t.start + t.duration >= from && t.start <= to,
  );
  const max = Math.round(Math.max(0, ...tasks.map((t) => t.duration)));
  const seconds = ((to - from) / 1000).toFixed(1);
  const line = `[longtask] max ${max} ms over ${tasks.length} tasks (> 50 ms) while training 100 steps in ${seconds} s`;
  console.log(line);
  await testInfo.attach('longtask', {
    body: JSON.stringify({ maxMs: max, count: tasks.length, trainingMs: to - from, tasks }, null, 2),
    contentType: 'application/json',
  });
  expect(Number.isFinite(max)).toBe(true);
});
