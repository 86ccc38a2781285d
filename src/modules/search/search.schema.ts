import { z } from 'zod';
import { id } from '../../platform/http/schemas.ts';

export const SEARCH_TYPES = ['customer', 'contact', 'workOrder', 'article', 'product', 'employee'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SearchQuery = z.object({ q: z.string().trim().min(1).max(50) });

/** One hit: what the result list shows (title, a masked detail line) and the record it opens. */
export const SearchHit = z.object({
  type: z.enum(SEARCH_TYPES),
  id,
  title: z.string(),
  detail: z.string(),
  /** For a contact: the first customer it is linked to (in the caller's scope), whose 360° page it opens. */
  customerId: id.nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  groups: z.array(z.object({ type: z.enum(SEARCH_TYPES), items: z.array(SearchHit) })),
});
export type SearchResult = z.infer<typeof SearchResult>;
