/** Where and why a text is not JSON. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9A-Fa-f]{4}/y;
const SIMPLE_ESCAPES = '"\\/bfnrt';
// Templates are written by people; anything deeper is a mistake, not data.
const MAX_DEPTH = 256;

class JsonSyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The first JSON syntax error in `text` (RFC 8259), with its offset, or undefined
 * when it is JSON. `JSON.parse` remains the judge; this exists because its error
 * messages do not reliably carry a position across Node versions.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (parseError) {
    try {
      new JsonReader(text).document();
    } catch (failure) {
      if (failure instanceof JsonSyntaxFailure) {
        return { offset: failure.offset, message: failure.message };
      }
      throw failure;
    }
    return { offset: 0, message: parseError instanceof Error ? parseError.message : 'not JSON' };
  }
}

class JsonReader {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value(0);
    this.whitespace();
    if (this.i < this.text.length) {
      this.fail(`${this.found()} after the end of the JSON value`);
    }
  }

  private value(depth: number): void {
    this.whitespace();
    const c = this.text.charAt(this.i);
    if (depth > MAX_DEPTH) {
      this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    } else if (c === '{') {
      this.object(depth);
    } else if (c === '[') {
      this.array(depth);
    } else if (c === '"') {
      this.string();
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      this.number();
    } else if (!['true', 'false', 'null'].some((word) => this.word(word))) {
      this.fail(`${this.found()} where a value is expected`);
    }
  }

  private object(depth: number): void {
    this.i += 1;
    this.whitespace();
    if (this.take('}')) {
      return;
    }
    for (;;) {
      this.whitespace();
      if (this.text.charAt(this.i) !== '"') {
        this.fail(`${this.found()} where a property name in double quotes is expected`);
      }
      this.string();
      this.whitespace();
      if (!this.take(':')) {
        this.fail(`${this.found()} where ':' is expected`);
      }
      this.value(depth + 1);
      this.whitespace();
      if (this.take('}')) {
        return;
      }
      if (!this.take(',')) {
        this.fail(`${this.found()} where ',' or '}' is expected`);
      }
    }
  }

  private array(depth: number): void {
    this.i += 1;
    this.whitespace();
    if (this.take(']')) {
      return;
    }
    for (;;) {
      this.value(depth + 1);
      this.whitespace();
      if (this.take(']')) {
        return;
      }
      if (!this.take(',')) {
        this.fail(`${this.found()} where ',' or ']' is expected`);
      }
    }
  }

  private string(): void {
    this.i += 1;
    for (;;) {
      const c = this.text.charAt(this.i);
      if (c === '') {
        this.fail('a string is not closed');
      } else if (c === '"') {
        this.i += 1;
        return;
      } else if (c === '\\') {
        this.escape();
      } else if (c.charCodeAt(0) < 0x20) {
        this.fail('a control character (such as a line break) inside a string: write \\n');
      } else {
        this.i += 1;
      }
    }
  }

  private escape(): void {
    const c = this.text.charAt(this.i + 1);
    if (c !== '' && SIMPLE_ESCAPES.includes(c)) {
      this.i += 2;
      return;
    }
    HEX4.lastIndex = this.i + 2;
    if (c === 'u' && HEX4.test(this.text)) {
      this.i += 6;
      return;
    }
    this.fail('an invalid escape: after "\\" JSON allows only " \\ / b f n r t or uXXXX');
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match) {
      return this.fail(`${this.found()} is not a number`);
    }
    this.i += match[0].length;
  }

  private word(word: string): boolean {
    if (this.text.startsWith(word, this.i)) {
      this.i += word.length;
      return true;
    }
    return false;
  }

  private take(c: string): boolean {
    return this.word(c);
  }

  private whitespace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text.charAt(this.i))) {
      this.i += 1;
    }
  }

  private found(): string {
    return this.i < this.text.length ? `'${this.text.charAt(this.i)}'` : 'the end of the text';
  }

  private fail(message: string): never {
    throw new JsonSyntaxFailure(this.i, message);
  }
}
