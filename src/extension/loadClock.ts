/** Evaluated first in the bundle (main.ts imports it first): the start of the extension's load. */
export const LOAD_START = performance.now();
