// Where a piece of text starts in a test case, as the RuleTester expects it (1-based line and
// column), so helmet rule tests name the token a finding must point at instead of counting columns.

/** Position of the `occurrence`-th (1-based) `needle` in `code`. */
export function at(code: string, needle: string, occurrence = 1): { line: number; column: number } {
  let i = -1;
  for (let n = 0; n < occurrence; n++) {
    i = code.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the case`);
  }
  const before = code.slice(0, i);
  const line = before.split('\n').length;
  return { line, column: i - before.lastIndexOf('\n') };
}
