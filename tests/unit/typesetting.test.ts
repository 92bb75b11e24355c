import { describe, expect, test } from 'vitest';
import { NBSP, typesetNumbers } from '../../src/lib/typesetting.ts';

const nb = (s: string) => s.replaceAll('_', NBSP);

describe('the number style', () => {
  test('every percentage is the number, a no-break space and the sign', () => {
    expect(typesetNumbers('about 20% of oil')).toBe(nb('about 20_% of oil'));
    expect(typesetNumbers('about 20 % of oil')).toBe(nb('about 20_% of oil'));
    expect(typesetNumbers('from 3.67% to 60 %')).toBe(nb('from 3.67_% to 60_%'));
    expect(typesetNumbers(nb('already 20_%'))).toBe(nb('already 20_%'));
  });
  test('a number and its unit are joined; other words and numbers are not', () => {
    expect(typesetNumbers('440.9 kg, 21 miles, 6.8 million barrels, 1,000 centrifuges')).toBe(nb('440.9_kg, 21_miles, 6.8_million barrels, 1,000_centrifuges'));
    expect(typesetNumbers('in 2015 the deal; 3 kilometres; 12 mb/d')).toBe(nb('in 2015 the deal; 3_kilometres; 12_mb/d'));
    expect(typesetNumbers('5 mines and 2 kgs')).toBe('5 mines and 2 kgs');
    expect(typesetNumbers('no numbers here')).toBe('no numbers here');
  });
});
