import type { Formatter } from './formatter.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export const FORMATTERS: Record<string, Formatter> = { stylish, json };
