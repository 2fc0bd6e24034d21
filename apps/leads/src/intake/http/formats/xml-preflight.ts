import type { BodyProblem } from './lead-body';

// The five entities XML predefines, and character references.
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;

/** Characters XML 1.0 allows in a document (Char production). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** `line L, column C` of an offset, 1-based, as the parser reports positions. */
export function positionOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function problemAt(text: string, offset: number, message: string): BodyProblem {
  return { field: '', message: `${message} (${positionOf(text, offset)})` };
}

/**
 * Refuses, before any XML parser sees it, what a lead never needs and
 * attacks rely on: a DOCTYPE or any other `<!` declaration (so no external
 * entity can be fetched, XXE, and no entity defined, so none can be expanded,
 * the billion laughs), and any entity reference but the five XML predefines
 * and character references to characters XML allows. Comments and CDATA
 * sections are skipped, as their text is not markup.
 */
export function xmlPreflight(xml: string): BodyProblem | undefined {
  for (let index = 0; index < xml.length; index++) {
    const char = xml[index];
    if (char === '<' && xml.startsWith('<!--', index)) {
      const end = xml.indexOf('-->', index + 4);
      index = end < 0 ? xml.length : end + 2;
    } else if (char === '<' && xml.startsWith('<![CDATA[', index)) {
      const end = xml.indexOf(']]>', index + 9);
      index = end < 0 ? xml.length : end + 2;
    } else if (char === '<' && xml.startsWith('<!', index)) {
      return problemAt(
        xml,
        index,
        'a DOCTYPE or other declaration is not accepted: send the <lead> element only',
      );
    } else if (char === '&') {
      REFERENCE.lastIndex = index;
      const match = REFERENCE.exec(xml);
      const code = match?.[1] ?? match?.[2];
      const allowed =
        match !== null &&
        (code === undefined || isXmlChar(Number.parseInt(code, match[1] ? 10 : 16)));
      if (!allowed) {
        return problemAt(
          xml,
          index,
          'only &amp; &lt; &gt; &quot; &apos; and character references to allowed characters may be used',
        );
      }
    }
  }
  return undefined;
}
