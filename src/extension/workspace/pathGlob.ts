// A small matcher for the include/exclude settings (`**`, `*`, `?`, `{a,b}`, `[abc]`), over
// workspace-relative paths with forward slashes. VS Code offers no glob matcher for plain paths.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (re) return re;
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      out += '(?:';
      depth++;
    } else if (c === '}' && depth > 0) {
      out += ')';
      depth--;
    } else if (c === ',' && depth > 0) out += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\/\]]/g, '\\$&');
  }
  re = new RegExp(`^${out}$`);
  cache.set(glob, re);
  return re;
}

/** True when `relPath` matches one of the include globs and none of the exclude globs. */
export function inScope(relPath: string, include: readonly string[], exclude: readonly string[]): boolean {
  const p = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  return include.some((g) => globToRegExp(g).test(p)) && !exclude.some((g) => globToRegExp(g).test(p));
}
