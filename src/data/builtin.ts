import texts from 'virtual:builtin-texts';
import type { DataTexts } from './validate.ts';

/** The shipped data files as text, for joining them with a user's own files (loaded only then). */
export const BUILTIN_TEXTS: DataTexts = texts;
