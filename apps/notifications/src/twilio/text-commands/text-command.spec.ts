import { textCommandOf, textReplies } from './text-command';

describe('textCommandOf', () => {
  it.each([
    ['LEADS OFF', 'pause'],
    ['leads off', 'pause'],
    ['  Leads   Off \n', 'pause'],
    ['LEADS ON', 'resume'],
    ['\tleads on ', 'resume'],
  ] as const)('reads %j as %s', (body, command) => {
    expect(textCommandOf(body)).toBe(command);
  });

  it.each(['', 'LEADS', 'LEADS OFF NOW', 'LEADSOFF', 'OFF', 'hello', 'HELP', 'leads offf'])(
    'answers %j with help',
    (body) => {
      expect(textCommandOf(body)).toBe('help');
    },
  );

  it.each(['STOP', 'stop', ' Unsubscribe ', 'START', 'yes'])(
    'leaves the carrier keyword %j to the carrier',
    (body) => {
      expect(textCommandOf(body)).toBe('carrier-keyword');
    },
  );

  it('keeps a long name short in a reply', () => {
    const reply = textReplies.paused(`Acme ${'Mortgages '.repeat(10)}Ltd`);
    expect(reply).toContain('leads to Acme Mortgages Mortgages Mortgages Mo... are paused.');
    expect(reply.length).toBeLessThanOrEqual(160);
  });
});
