/** The rings of path data (absolute M/L/Z, or relative steps M/l/z as the renderer and the first view's compaction write them), as absolute points to a tenth. */
export function rings(d: string): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLlZz])([^MLlZz]*)/g)) {
    if (cmd === 'Z' || cmd === 'z') {
      const ring = out[out.length - 1]!;
      ring.closed = true;
      [x, y] = ring.points[0]!;
      continue;
    }
    const nums = (args!.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    for (let i = 0; i < nums.length; i += 2) {
      if (cmd === 'M' && i === 0) {
        [x, y] = [nums[0]!, nums[1]!];
        out.push({ points: [[x, y]], closed: false });
      } else {
        if (cmd === 'l') [x, y] = [x + nums[i]!, y + nums[i + 1]!];
        else [x, y] = [nums[i]!, nums[i + 1]!];
        out[out.length - 1]!.points.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
      }
    }
  }
  return out;
}
