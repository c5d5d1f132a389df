import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupCitations } from '../../src/web/source-groups.js';

describe('groupCitations', () => {
  it('puts the citations of one document section in one group, in order of first citation', () => {
    const tasks = ['3.主要任务'];
    const citations = [
      { n: 1, source: 'a.txt', section: tasks },
      { n: 2, source: 'a.txt', section: ['1.目标'] },
      { n: 3, source: 'a.txt', section: [...tasks] },
      { n: 4, source: 'b.txt', section: tasks },
    ];
    assert.deepEqual(
      groupCitations(citations).map((g) => [g.source, g.section.join('/'), g.citations.map((c) => c.n)]),
      [
        ['a.txt', '3.主要任务', [1, 3]],
        ['a.txt', '1.目标', [2]],
        ['b.txt', '3.主要任务', [4]],
      ],
    );
  });
});
