import type { Lang, MessageKey } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import type { Scene } from '../scene/scene.ts';
import type { AppState } from '../state/url-state.ts';
import type { Story } from '../data/stories.ts';

/** What every UI component gets: the model, the current state and scene, and the one way to change state. */
export interface UiContext {
  model: Model;
  dispatch(patch: Partial<AppState>, opts?: { replace?: boolean }): void;
  /** Writes a PNG or SVG of the current view; resolves to the file name. */
  exportMap(format: 'png' | 'svg', request?: ExportRequest): Promise<string>;
  /** The SVG text an export would have (the dialog's preview). */
  exportPreview(request: ExportRequest): Promise<string>;
  /** The export's title, subtitle and note before the user edits them, in a language. */
  exportTexts(lang: Lang): Promise<{ title: string; subtitle: string; note: string }>;
  /** Starts presentation mode at the first step of the first story, remembering the view to return to. */
  present(): void;
  /** Leaves the story for the view the user had before it (filters, place, camera). */
  leaveStory(): void;
  /** The stories in use: built-in and made in the app. */
  stories(): readonly Story[];
  /** Puts the stories made in the app that pass every check in use (the editor keeps its drafts in the tab). */
  setUserStories(stories: Story[]): void;
  /** Writes a PowerPoint deck in `lang`: a story's steps, or (no story) the current view; resolves to the file name. */
  exportSlides(storyId: string | null, lang: Lang): Promise<string>;
  /** Writes the single-file offline map with the data and stories in use; resolves to the file name. */
  saveOfflineCopy(): Promise<string>;
}

/** What an export should be; anything left out takes its default (the map's size on screen, the state's language and texts). */
export interface ExportRequest {
  size?: { width: number; height: number } | null;
  lang?: Lang;
  title?: string;
  subtitle?: string;
  note?: string;
  transparent?: boolean;
}

export interface Frame {
  state: AppState;
  scene: Scene;
  tr: (key: MessageKey, vars?: Record<string, string | number>) => string;
  lang: Lang;
}

export interface Component {
  el: HTMLElement;
  update(frame: Frame): void;
}
