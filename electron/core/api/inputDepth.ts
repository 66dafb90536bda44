/**
 * The deepest nesting any method's input may have. The contract's deepest inputs (a codebook template, a
 * grid's saved state) stay well under it; a deeper value is a client fault, refused before zod or a handler
 * recurses into it and overflows the stack.
 */
export const MAX_INPUT_DEPTH = 100;

/** Whether `value` nests arrays or objects more than `limit` deep; iterative, so it cannot overflow itself. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    // A cycle (possible over IPC's structured clone) grows the depth at every turn, so it ends here too.
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
