import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstTranslation, lexiconTranslator } from '../../src/qa/lexicon-translator.ts';
import { Lexicon } from '../../src/text/lexicon.ts';

describe('lexiconTranslator', () => {
  const lexicon = new Lexicon({ english: { allowance: ['津贴', '补贴', '零花钱', '备抵'], meal: ['餐'] }, synonyms: {} });

  it('searches the senses the documents use, the most used first', async () => {
    const frequency = (term: string) => ({ 补贴: 12, 餐: 3 })[term] ?? 0;
    assert.equal(await lexiconTranslator(lexicon, frequency)('What is the meal allowance?'), '餐 补贴 津贴 零花钱');
  });

  it('gives no translation when it reads no word, so that the next translator or the question itself is used', async () => {
    assert.equal(await lexiconTranslator(lexicon)('Why?'), null);
    assert.equal(await firstTranslation(lexiconTranslator(lexicon), async () => '备用')('Why?'), '备用');
  });
});
