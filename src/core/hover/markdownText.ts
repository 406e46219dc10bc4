/** Escapes text from the dataset or a template for Markdown (hovers render it). */
export function mdEscape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

/** `a, b, c and 4 more` */
export function capList(items: readonly string[], max: number): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
