import sources from '@data/sources.csv?raw';
import sections from '@data/sections.csv?raw';
import categories from '@data/categories.csv?raw';
import metrics from '@data/metrics.csv?raw';
import places from '@data/places.csv?raw';
import pairings from '@data/pairings.csv?raw';
import figures from '@data/figures.csv?raw';
import discrepancies from '@data/discrepancies.csv?raw';
import type { DataTexts } from './validate.ts';

/** The shipped data files as text, for joining them with a user's own files (loaded only then). */
export const BUILTIN_TEXTS: DataTexts = { sources, sections, categories, metrics, places, pairings, figures, discrepancies };
