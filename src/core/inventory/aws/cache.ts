/**
 * What one AWS source has read, by section (identity, IAM, each region), so a second collection of the
 * same regions sends nothing; `refresh` drops it. AWS managed policy versions are immutable, so the ones
 * read from IAM are kept across refreshes.
 */
export class SectionCache {
  private readonly sections = new Map<string, unknown>();
  readonly policyVersions = new Map<string, unknown>();

  get<T>(key: string): T | undefined {
    return this.sections.get(key) as T | undefined;
  }

  set<T>(key: string, value: T): void {
    this.sections.set(key, value);
  }

  clear(): void {
    this.sections.clear();
  }
}
