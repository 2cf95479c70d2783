/** What an inspection that cannot encode its text says: the prompt's message when the text is the prompt's. */
import { describe, expect, it } from 'vitest';
import { GPT, tinyConfig } from '../model/testkit';
import { type Tokenizer, trainChar } from '../model/tokenizer';
import { ModelCalls } from './model-calls';

class Calls extends ModelCalls {
  private readonly model = GPT.create(tinyConfig(), 1);
  private readonly tokenizer = trainChar('abcdefghij '); // tinyConfig's 11 characters
  protected requireModel(): GPT {
    return this.model;
  }
  protected currentTokenizer(): Tokenizer | null {
    return this.tokenizer;
  }
}

describe('ModelCalls.inspect', () => {
  it('names the prompt when the context is the prompt, the text otherwise; both name the characters', async () => {
    const calls = new Calls();
    await expect(calls.inspect('ab€', { fromPrompt: true })).rejects.toThrow(
      /^The prompt cannot be encoded: .*"€"/,
    );
    await expect(calls.inspect('ab€')).rejects.toThrow(/^The text cannot be encoded: .*"€"/);
    const ok = await calls.inspect('abc', { fromPrompt: true });
    expect(ok.result.ids).toHaveLength(3);
  });
});
