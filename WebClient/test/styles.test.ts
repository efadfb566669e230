import { describe, expect, it } from 'vitest';
import css from '../src/styles.css?raw';

/** The declarations of the first rule whose selector list is exactly `selector`. */
function rule(selector: string): string {
  const at = css.split('\n').find((line) => line.trim().startsWith(`${selector} {`));
  return at?.slice(at.indexOf('{') + 1, at.lastIndexOf('}')) ?? '';
}

describe('styles', () => {
  it('keeps a hidden box hidden whatever display its class sets (the host controls showed for everyone)', () => {
    expect(rule('[hidden]')).toMatch(/display:\s*none\s*!important/);
    expect(rule('.host-controls')).toMatch(/display:\s*flex/);
  });

  it('cuts a long name within its seat, with an ellipsis', () => {
    expect(rule('.seat .name, .seat .tag, .seat .last')).toMatch(/max-width:\s*\d+px/);
    expect(rule('.seat .name, .seat .tag, .seat .last')).toMatch(/text-overflow:\s*ellipsis/);
    expect(rule('.seat .name, .seat .tag, .seat .last')).toMatch(/white-space:\s*nowrap/);
    // The seat's cards keep their size (a width limit on the seat squeezed four or seven of them to slivers).
    expect(rule('.seat .card')).toMatch(/flex:\s*none/);
  });

  it('lets the hand list\'s and the ledger\'s tracks shrink below their content on a phone', () => {
    for (const selector of ['.row', '.hand-list .row', '#ledger .row']) {
      const tracks = /grid-template-columns:\s*([^;]+);/.exec(rule(selector))?.[1] ?? '';
      expect(tracks, selector).not.toBe('');
      // Every track may shrink: minmax(0, …), never a bare fr (whose minimum is its content).
      expect(tracks.replace(/minmax\(0, [\d.]+fr\)/g, '').trim(), selector).toBe('');
    }
    expect(rule('.row')).toMatch(/overflow-wrap:\s*anywhere/);
  });

  it('gives cards an edge that shows on a white page', () => {
    expect(rule('.card')).toMatch(/border:\s*1px solid/);
  });
});
