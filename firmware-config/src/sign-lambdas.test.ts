import { describe, expect, it } from 'vitest';
import { cppString, displayLambda } from './sign-lambdas.ts';

describe('sign lambdas', () => {
  it('escapes quotes, backslashes, question marks and control characters in C++ string literals', () => {
    const text = 'a"b\\c?\nd\te\u0001';

    const literal = cppString(text);

    expect(literal).toBe('"a\\"b\\\\c\\?\\012d\\011e\\001"');
  });

  it('keeps UTF-8 text such as Chinese and Norwegian letters as it is', () => {
    const literal = cppString('会议室 Møterom');

    expect(literal).toBe('"会议室 Møterom"');
  });

  it('shows the waiting word until a status arrives and the raw code for a status it does not know', () => {
    const lambda = displayLambda('Room 1', 'nl');

    expect(lambda).toContain('const char *label = "Wacht op status";');
    expect(lambda).toContain('else if (!code.empty()) label = code.c_str();');
  });
});
