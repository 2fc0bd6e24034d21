import { HttpException } from '@nestjs/common';
import { etagOf, revisionFromIfMatch } from './etag';

describe(revisionFromIfMatch.name, () => {
  it('reads strong and weak tags made by etagOf', () => {
    expect(revisionFromIfMatch(etagOf(7n))).toBe(7n);
    expect(revisionFromIfMatch('W/"12"')).toBe(12n);
  });

  it('requires the header (428) and refuses foreign tags (400)', () => {
    const statusOf = (header: string | undefined): number => {
      try {
        revisionFromIfMatch(header);
      } catch (error) {
        return (error as HttpException).getStatus();
      }
      return 200;
    };
    expect(statusOf(undefined)).toBe(428);
    expect(statusOf('*')).toBe(400);
    expect(statusOf('"abc"')).toBe(400);
  });
});
