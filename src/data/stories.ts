import { z } from 'zod';

/** data/stories.json: presentation stories, each a list of saved map states with a caption in both languages. */
const stepState = z.object({
  view: z.enum(['overview', 'guizhou']),
  year: z.union([z.literal('all'), z.number().int().min(1996).max(2050)]),
  categories: z.array(z.string().min(1)),
  metric: z.string().min(1),
  place: z.string().regex(/^\d{6}$/).nullable(),
});

export const storiesFile = z.object({
  stories: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        title_en: z.string().min(1),
        title_zh: z.string().min(1),
        steps: z.array(z.object({ state: stepState, caption_en: z.string().min(1), caption_zh: z.string().min(1) })).min(1),
      }),
    )
    .min(1),
});

export type Story = z.infer<typeof storiesFile>['stories'][number];
export type StoryStep = Story['steps'][number];

/** Words a title or caption may leave to the data (filled by the presenter from the sources): {years}, {cities}, {entries}. */
export const STORY_WORDS = ['years', 'cities', 'entries'] as const;

function unknownWords(text: string, at: string): string[] {
  return [...text.matchAll(/\{(\w*)\}/g)]
    .filter((m) => !(STORY_WORDS as readonly string[]).includes(m[1] ?? ''))
    .map((m) => `${at}: unknown placeholder ${m[0]} (expected ${STORY_WORDS.map((w) => `{${w}}`).join(', ')})`);
}

/** Parses the file and checks every step against the data's vocabulary; problems name the story, step and field. */
export function readStories(json: unknown, vocab: { years: readonly number[]; categories: readonly string[]; metrics: readonly string[]; places: ReadonlySet<string> }): { stories: Story[]; problems: string[] } {
  const parsed = storiesFile.safeParse(json);
  if (!parsed.success) return { stories: [], problems: parsed.error.issues.map((i) => `data/stories.json: ${i.path.join('.')}: ${i.message}`) };
  const problems: string[] = [];
  for (const story of parsed.data.stories) {
    story.steps.forEach((step, i) => {
      const at = `data/stories.json: ${story.id} step ${i + 1}`;
      const s = step.state;
      if (s.year !== 'all' && !vocab.years.includes(s.year)) problems.push(`${at}: year: no figure for ${s.year}`);
      for (const c of s.categories) if (!vocab.categories.includes(c)) problems.push(`${at}: categories: unknown category "${c}"`);
      if (!vocab.metrics.includes(s.metric)) problems.push(`${at}: metric: unknown or non-additive metric "${s.metric}"`);
      if (s.place !== null && !vocab.places.has(s.place)) problems.push(`${at}: place: no place ${s.place}`);
      for (const field of ['caption_en', 'caption_zh'] as const) problems.push(...unknownWords(step[field], `${at}: ${field}`));
    });
    for (const field of ['title_en', 'title_zh'] as const) problems.push(...unknownWords(story[field], `data/stories.json: ${story.id}: ${field}`));
  }
  return { stories: problems.length === 0 ? parsed.data.stories : [], problems };
}
