import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { basisPieces } from '../../../src/kernel/laws/law-links.ts';
import { http } from './api.ts';

/** The reference law texts present on the server (法规库), fetched once per session. */
export function useReferenceLaws() {
  return useQuery({ queryKey: ['laws'], queryFn: async () => (await http.get<{ items: string[] }>('/api/laws')).items, staleTime: Infinity });
}

export const lawHref = (ref: string, article?: string) => `/laws/${encodeURIComponent(ref)}${article ? `?article=${encodeURIComponent(article)}` : ''}`;

/** A legal basis with each 《law》 the library holds linked to its text, opened at the first article named. */
export function LawBasis({ text }: { text: string | null | undefined }) {
  const laws = useReferenceLaws();
  if (!text) return null;
  return (
    <>
      {basisPieces(text, laws.data ?? []).map((p, i) =>
        p.ref ? (
          <Link key={i} to={lawHref(p.ref, p.article)} title={`法规库：${p.ref}`}>
            {p.text}
          </Link>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
