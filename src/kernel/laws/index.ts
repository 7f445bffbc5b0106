// What modules (and the console, through shared inputs) use: pure name matching, safe in the browser.
// The texts on disk and their routes (law-texts.ts, routes.ts) are the composition root's to register.
export { REFERENCE_LAWS, basisPieces, referenceFor, type BasisPiece } from './law-links.ts';
