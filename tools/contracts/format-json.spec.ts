import { formatContractJson, PRINT_WIDTH } from './format-json';

describe(formatContractJson.name, () => {
  it('sorts keys at every level and ends with a newline', () => {
    expect(formatContractJson({ b: 1, a: { d: true, c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": true\n  },\n  "b": 1\n}\n',
    );
  });

  it('keeps array order and prints short arrays of scalars on one line', () => {
    expect(formatContractJson({ required: ['z', 'a'], empty: [], none: {} })).toBe(
      '{\n  "empty": [],\n  "none": {},\n  "required": ["z", "a"]\n}\n',
    );
  });

  it('prints arrays of objects one element per line', () => {
    expect(formatContractJson({ anyOf: [{ type: 'string' }, { type: 'number' }] })).toBe(
      '{\n  "anyOf": [\n    {\n      "type": "string"\n    },\n    {\n      "type": "number"\n    }\n  ]\n}\n',
    );
  });

  it('breaks an array that would pass the print width, counting the comma after it', () => {
    // `  "k": ["…"]` is exactly PRINT_WIDTH characters long.
    const text = 'x'.repeat(PRINT_WIDTH - '  "k": [""]'.length);
    expect(formatContractJson({ k: [text] })).toBe(`{\n  "k": ["${text}"]\n}\n`);
    expect(formatContractJson({ k: [text], l: 1 })).toBe(
      `{\n  "k": [\n    "${text}"\n  ],\n  "l": 1\n}\n`,
    );
  });

  it('is deterministic', () => {
    const value = { b: [1, 2], a: 'x' };
    expect(formatContractJson(value)).toBe(formatContractJson({ a: 'x', b: [1, 2] }));
  });
});
