/**
 * A CSS colour with another opacity, for canvas fills (the band over the chart's lines). Handles the
 * forms VS Code's theme variables resolve to: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(…), rgba(…). Anything
 * else is returned unchanged (drawn opaque rather than not at all).
 */
export function withAlpha(color: string, alpha: number): string {
  const c = color.trim();
  let m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c);
  if (m) {
    const hex = m[1].length <= 4 ? [...m[1].slice(0, 3)].map((d) => d + d).join('') : m[1].slice(0, 6);
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(c);
  if (m) return `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${alpha})`;
  return c;
}
