// Path comparisons as plain string work, the same on every OS: Windows paths (back slashes, `C:` or `c:`,
// as VS Code's fsPath writes them) and POSIX paths compare by one key, so a check that passes on Linux
// cannot fail on Windows because of how a path was spelt.

/** One spelling of a path for comparisons: forward slashes, `.` and `..` resolved, the drive letter lower-case. */
export function pathKey(p: string): string {
  const s = p.replace(/\\/g, '/').replace(/^([A-Za-z]):/, (_m, d: string) => `${d.toLowerCase()}:`);
  const lead = s.startsWith('//') ? '//' : s.startsWith('/') ? '/' : '';
  const parts: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(seg);
  }
  return lead + parts.join('/');
}

export function samePath(a: string, b: string): boolean {
  return pathKey(a) === pathKey(b);
}

/** The folder a relative name is relative to: `C:\ws\` for `C:\ws\lib\a.ts` and `lib/a.ts`; undefined when `abs` does not end with it. */
export function rootOf(abs: string, rel: string): string | undefined {
  if (rel === '' || rel.length >= abs.length || /^([\\/]|[A-Za-z]:)/.test(rel)) return undefined;
  const cut = abs.length - rel.length;
  if (!/[\\/]/.test(abs[cut - 1]) || abs.slice(cut).replace(/\\/g, '/') !== rel.replace(/\\/g, '/')) return undefined;
  return abs.slice(0, cut);
}

/** `root` joined with a relative name, in the root's own separator style (`C:\ws\` + `lib/x.ts` → `C:\ws\lib\x.ts`). */
export function joinUnder(root: string, rel: string): string {
  const sep = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  const base = /[\\/]$/.test(root) ? root : root + sep;
  return base + rel.replace(/[\\/]+/g, sep);
}

/** The path's segments, whichever separator it uses. */
export function pathSegments(p: string): string[] {
  return p.split(/[\\/]+/).filter(Boolean);
}
