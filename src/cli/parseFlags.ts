import { UsageError } from './usageError';

/** An option: `value` options take an argument (`--format json`, `--format=json`, `-f json`), flags do not. */
export interface FlagSpec {
  alias?: string;
  value?: boolean;
  /** Allowed values, checked here so every command words the error the same way. */
  choices?: readonly string[];
  /** May be given several times; the values are collected (comma lists are split). */
  repeat?: boolean;
}

export interface ParsedFlags {
  values: Map<string, string[]>;
  positionals: string[];
  help: boolean;
}

/** Parses a command's arguments against its options; anything unknown or malformed is a UsageError. */
export function parseFlags(argv: readonly string[], spec: Record<string, FlagSpec>): ParsedFlags {
  const byAlias = new Map(Object.entries(spec).flatMap(([name, s]) => (s.alias ? [[s.alias, name]] : [])));
  const out: ParsedFlags = { values: new Map(), positionals: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      out.help = true;
      continue;
    }
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      out.positionals.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const given = eq > 0 ? a.slice(0, eq) : a;
    const name = spec[given] ? given : byAlias.get(given);
    if (!name) throw new UsageError(`unknown option ${given}`);
    const s = spec[name];
    if (!s.value) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      out.values.set(name, ['true']);
      continue;
    }
    const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined || (eq < 0 && v.startsWith('-') && v !== '-')) throw new UsageError(`${name} needs a value`);
    if (s.choices && !s.choices.includes(v)) throw new UsageError(`${name} must be one of ${s.choices.join('|')}, not "${v}"`);
    const list = s.repeat ? v.split(',').map((x) => x.trim()).filter(Boolean) : [v];
    out.values.set(name, s.repeat ? [...(out.values.get(name) ?? []), ...list] : list);
  }
  return out;
}

/** The last value of an option, or the fallback. */
export function flagValue(p: ParsedFlags, name: string, fallback?: string): string | undefined {
  return p.values.get(name)?.at(-1) ?? fallback;
}
