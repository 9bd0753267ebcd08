import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MAX_LENGTH } from './password-policy';

describe('checkPassword', () => {
  it.each([
    ['three classes', 'qianqi2025!', undefined],
    ['all four classes', 'Qianqi-2025', undefined],
    ['lower, upper, digit', 'Beijing2025', undefined],
    ['upper, digit, symbol', 'BAST@2025', undefined],
    ['exactly 8 characters', 'Ab1defgh', undefined],
    ['Chinese characters count as symbols', '千企abc2025', undefined],
    ['a username not contained', 'Qianqi-2025', 'haidian'],
    ['a two-letter username is not checked', 'Lisbon-2025', 'li'],
    ['the maximum length', `Aa1${'x'.repeat(PASSWORD_MAX_LENGTH - 3)}`, undefined],
  ])('accepts %s', (_, pw, username) => {
    expect(checkPassword(pw, { username })).toEqual([]);
  });

  it.each([
    ['too short', 'Ab1!xyz', undefined, ['密码长度不能少于 8 位']],
    ['empty', '', undefined, ['密码长度不能少于 8 位', '密码须包含小写字母、大写字母、数字、特殊字符中的至少三类']],
    ['only lowercase', 'qianqiqianqi', undefined, ['密码须包含小写字母、大写字母、数字、特殊字符中的至少三类']],
    ['two classes', 'qianqi2025', undefined, ['密码须包含小写字母、大写字母、数字、特殊字符中的至少三类']],
    ['spaces are not a class', 'qianqi 2025', undefined, ['密码须包含小写字母、大写字母、数字、特殊字符中的至少三类']],
    ['contains the username', 'Haidian-2025', 'haidian', ['密码不能包含用户名']],
    ['contains the username, any case', 'xHAIDIAN#1', ' HaiDian ', ['密码不能包含用户名']],
    ['too long', `Aa1${'x'.repeat(PASSWORD_MAX_LENGTH - 2)}`, undefined, ['密码长度不能超过 128 位']],
  ])('rejects %s', (_, pw, username, messages) => {
    expect(checkPassword(pw, { username })).toEqual(messages);
  });

  it('counts characters, not UTF-16 units', () => {
    // 7 characters, 8 code units: still too short
    expect(checkPassword('Ab1𠀀xyz')).toContain('密码长度不能少于 8 位');
  });
});
