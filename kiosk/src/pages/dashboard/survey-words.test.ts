import { describe, expect, it } from 'vitest';
import { surveyWords } from './survey-words.ts';

describe('a survey\'s words from the dashboard form', () => {
  it('asks every question in the languages its title is written in, choices paired by position', () => {
    const words = surveyWords({ en: 'Lunch', zh: '午饭', nb: '' }, [
      { kind: 'scale', prompt: { en: 'Good?', zh: '好吗？' }, options: {} },
      { kind: 'choice', prompt: { en: 'When?', zh: '何时？' }, options: { en: 'Noon, One', zh: '中午, 一点' } },
    ]);

    expect(words).toEqual({
      title: { en: 'Lunch', zh: '午饭' },
      questions: [
        { id: 'q1', kind: 'scale', prompt: { en: 'Good?', zh: '好吗？' } },
        { id: 'q2', kind: 'choice', prompt: { en: 'When?', zh: '何时？' }, options: [{ en: 'Noon', zh: '中午' }, { en: 'One', zh: '一点' }] },
      ],
    });
  });

  it('needs a title in at least one language', () => {
    expect(surveyWords({ en: '  ' }, [{ kind: 'text', prompt: { en: 'Why?' }, options: {} }])).toEqual({ problem: 'noWords' });
  });

  it('refuses a question missing one of the title\'s languages, or a language with fewer choices', () => {
    const missing = surveyWords({ en: 'A', nl: 'B' }, [{ kind: 'text', prompt: { en: 'Why?' }, options: {} }]);
    const fewer = surveyWords({ en: 'A', nl: 'B' }, [{ kind: 'choice', prompt: { en: 'Q', nl: 'V' }, options: { en: 'x, y', nl: 'x' } }]);

    expect([missing, fewer]).toEqual([{ problem: 'sameLanguages' }, { problem: 'sameLanguages' }]);
  });
});
