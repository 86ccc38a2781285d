import { seededRandom } from '../../platform/demo.ts';
import { THESIS_CENTRES, VARIABLES } from './variables.ts';

export type ThesisSegment = keyof typeof THESIS_CENTRES;
export const THESIS_SEGMENTS = Object.keys(THESIS_CENTRES) as ThesisSegment[];

/**
 * Customers drawn around the thesis's three cluster centres, for the recovery tests, the bench and the demo.
 * Each value is log-normal around its centre (mean kept, coefficient of variation ≈ `spread`), so spend and
 * traffic have the right-skewed tail real bills have. Returns rows in VARIABLES order and each row's true segment.
 */
export function syntheticProfiles(
  n: number,
  seed: number,
  spread = 0.3,
): { matrix: Float64Array; truth: ThesisSegment[] } {
  const random = seededRandom(seed);
  const d = VARIABLES.length;
  const matrix = new Float64Array(n * d);
  const truth: ThesisSegment[] = new Array(n);
  const sigma = Math.sqrt(Math.log(1 + spread * spread));
  for (let i = 0; i < n; i++) {
    const segment = THESIS_SEGMENTS[i % THESIS_SEGMENTS.length];
    truth[i] = segment;
    const centre = THESIS_CENTRES[segment];
    for (let t = 0; t < d; t++)
      matrix[i * d + t] = centre[t] * Math.exp(sigma * gaussian(random) - (sigma * sigma) / 2);
  }
  return { matrix, truth };
}

/** Standard normal by Box–Muller. */
function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
