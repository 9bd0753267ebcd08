import { describe, expect, it } from 'vitest';
import { isPhoneField, maskPhone } from './phone';

describe('maskPhone', () => {
  it.each([
    ['13912345678', '139****5678'],
    [' 13912345678 ', '139****5678'],
    ['010-62001234', '010*****1234'],
    ['62001234', '620*1234'],
    ['6200123', '*******'],
    ['', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('never keeps more than the first 3 and the last 4 characters', () => {
    for (let n = 8; n <= 20; n++) {
      const v = '9'.repeat(n);
      expect(maskPhone(v).replaceAll('*', '').length).toBe(7);
    }
  });
});

describe('isPhoneField', () => {
  it.each([
    ['phone', true],
    ['leader_phone', true],
    ['contact_phone', true],
    ['contactPhone', true],
    ['phones_note', false],
    ['mode', false],
  ])('%s → %s', (name, yes) => {
    expect(isPhoneField(name)).toBe(yes);
  });
});
