// The benches' seeded generator: the one in shared/random.ts.
export { rng } from '../shared/random';
