// The five-point stance scale of CONTRACT 6.1, its colours and words, shared by every view.
// Colours: ColorBrewer's PuOr (5 classes, colour-blind safe), orange for oppose, purple for support, with
// distinct lightness; the stance is always written too, so no reader depends on the colour.

export const STANCES = ['OPPOSE', 'LEAN_OPPOSE', 'NEUTRAL', 'LEAN_SUPPORT', 'SUPPORT'];

const SCORE = { OPPOSE: -2, LEAN_OPPOSE: -1, NEUTRAL: 0, LEAN_SUPPORT: 1, SUPPORT: 2 };
const FILL = { OPPOSE: '#e66101', LEAN_OPPOSE: '#fdb863', NEUTRAL: '#f7f7f7', LEAN_SUPPORT: '#b2abd2', SUPPORT: '#5e3c99' };
const INK = { OPPOSE: '#000000', LEAN_OPPOSE: '#000000', NEUTRAL: '#000000', LEAN_SUPPORT: '#000000', SUPPORT: '#ffffff' };
const WORDS = { OPPOSE: 'Oppose', LEAN_OPPOSE: 'Lean oppose', NEUTRAL: 'Neutral', LEAN_SUPPORT: 'Lean support', SUPPORT: 'Support' };

/** SUPPORT = +2 ... OPPOSE = -2. */
export const score = (stance) => SCORE[stance];
/** Background colour of a stance. */
export const fill = (stance) => FILL[stance] ?? '#ffffff';
/** Text colour that reads on {@link fill}. */
export const ink = (stance) => INK[stance] ?? '#000000';
/** "Lean support". */
export const words = (stance) => WORDS[stance] ?? stance;

/** "+2" / "-1": the size and direction of a change (CONTRACT 6.1 shift). */
export const signed = (n) => (n > 0 ? `+${n}` : `${n}`.replace('-', '\u2212'));

// Parties: the Okabe-Ito palette (told apart with colour-blindness) plus a dash pattern, and always a label.
const PARTY_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#f0e442'];
const PARTY_DASHES = ['', '6 3', '2 3', '8 3 2 3', '12 4', '4 4'];

/** The colour and dash of the i-th party of a chart. */
export function partyStyle(i) {
  return { colour: PARTY_COLOURS[i % PARTY_COLOURS.length], dash: PARTY_DASHES[i % PARTY_DASHES.length] };
}
