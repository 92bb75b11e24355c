/**
 * Reads the value of an MDX prop written in braces, `{['u20', 'u60']}` or `{2018}`, without
 * running it: content holds no code, so only literals are accepted (strings, numbers, true,
 * false, null, and lists and objects of those).
 */
export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

export function parseLiteral(source: string): { ok: true; value: Literal } | { ok: false } {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError('not a literal');
  };
  const space = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  const value = (): Literal => {
    space();
    const c = source[i];
    if (c === '[') {
      i++;
      const list: Literal[] = [];
      for (;;) {
        space();
        if (source[i] === ']') break;
        list.push(value());
        space();
        if (source[i] === ',') i++;
        else if (source[i] !== ']') fail();
      }
      i++;
      return list;
    }
    if (c === '{') {
      i++;
      const obj: Record<string, Literal> = {};
      for (;;) {
        space();
        if (source[i] === '}') break;
        const key = source[i] === '"' || source[i] === "'" ? (value() as string) : identifier();
        space();
        if (source[i++] !== ':') fail();
        obj[key] = value();
        space();
        if (source[i] === ',') i++;
        else if (source[i] !== '}') fail();
      }
      i++;
      return obj;
    }
    if (c === '"' || c === "'" || c === '`') {
      const quote = c;
      i++;
      let out = '';
      while (i < source.length && source[i] !== quote) {
        if (quote === '`' && source[i] === '$' && source[i + 1] === '{') fail();
        if (source[i] === '\\') {
          const next = source[i + 1] ?? '';
          out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else out += source[i++];
      }
      if (source[i] !== quote) fail();
      i++;
      return out;
    }
    const number = /^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    const word = identifier();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return fail();
  };
  const identifier = () => {
    const m = /^[A-Za-z_$][\w$]*/.exec(source.slice(i));
    if (!m) fail();
    i += m![0].length;
    return m![0];
  };
  try {
    const v = value();
    space();
    return i === source.length ? { ok: true, value: v } : { ok: false };
  } catch {
    return { ok: false };
  }
}
