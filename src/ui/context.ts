import type { Lang, MessageKey } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import type { Scene } from '../scene/scene.ts';
import type { AppState } from '../state/url-state.ts';

/** What every UI component gets: the model, the current state and scene, and the one way to change state. */
export interface UiContext {
  model: Model;
  dispatch(patch: Partial<AppState>, opts?: { replace?: boolean }): void;
  /** Writes a PNG or SVG of the current view (size null: the map's size on screen); resolves to the file name. */
  exportMap(format: 'png' | 'svg', size: { width: number; height: number } | null): Promise<string>;
  /** Starts presentation mode at the first step of the first story, remembering the view to return to. */
  present(): void;
  /** Leaves the story for the view the user had before it (filters, place, camera). */
  leaveStory(): void;
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
