import type { Plugin } from 'esbuild';

export const MIN_LETTERS: number;
export function frontCode(words: readonly string[]): string;
export function englishWordsPlugin(): Plugin;
