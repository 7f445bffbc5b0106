export { REFERENCE_LAWS, basisPieces, referenceFor, type BasisPiece } from './law-links.ts';
export { availableLaws, lawText } from './law-texts.ts';
export { registerLawRoutes } from './routes.ts';
