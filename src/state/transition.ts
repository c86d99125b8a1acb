import type { Story } from '../data/stories.ts';
import { stepPatch } from './story-step.ts';
import type { AppState, Camera, NamedView } from './url-state.ts';

/*
 * Every change of state, in one pure function. The app holds one Session; a user's choice, a link
 * followed back or forward, a story step, present mode and a move of the map all come here, and what
 * comes out says the whole of what follows: the new state, what the camera does, how the address bar
 * records it. One rule for the camera means a click cannot frame the map one way and "back" another.
 */

export interface Session {
  state: AppState;
  /** The view to return to when the story that the Present button started ends. */
  beforeStory: AppState | null;
}

export type Change =
  /** A choice in the page (filters, a place, a named view, a story step); `replace` for a move of the map itself. */
  | { type: 'set'; patch: Partial<AppState>; replace?: boolean }
  /** Back or forward: the state the address bar now names. */
  | { type: 'history'; state: AppState }
  /** Present mode: the first step of a story, remembering the view to come back to. */
  | { type: 'present'; story: Story }
  | { type: 'leave-story' };

export type CameraMove =
  | { type: 'stay' }
  /** Fit a named view into what the panel and caption card leave visible. */
  | { type: 'frame'; view: NamedView; animate: boolean }
  | { type: 'jump'; camera: Camera }
  /** Bring a place out from under the panel, if it is hidden there; the camera then reached is written back with `replace`. */
  | { type: 'reveal'; place: string };

export interface Transition {
  session: Session;
  camera: CameraMove;
  /** How the address bar records the new state: a new entry, in place, or not at all (it already names it). */
  url: 'push' | 'replace' | 'none';
  /** A place was just opened: the panel takes the keyboard focus. */
  focusPanel: boolean;
}

const STAY: CameraMove = { type: 'stay' };

export function transition(session: Session, change: Change): Transition {
  switch (change.type) {
    case 'set':
      return set(session, change.patch, change.replace === true);
    case 'present': {
      const step = set({ state: session.state, beforeStory: null }, stepPatch(change.story, 0), false);
      return { ...step, session: { ...step.session, beforeStory: { ...session.state } } };
    }
    case 'leave-story': {
      // Back to the user's own view; a story opened from a link keeps its last step's filters.
      const state = { ...(session.beforeStory ?? session.state), lang: session.state.lang, story: null, step: 0 };
      return { session: { state, beforeStory: null }, camera: settle(state), url: 'push', focusPanel: false };
    }
    case 'history': {
      const before = session.state;
      const state = change.state;
      const moved = state.view !== before.view || JSON.stringify(state.camera) !== JSON.stringify(before.camera);
      // Back or forward to another place: brought out as when it was opened (a partner city's place
      // has the view composed beside the panel); to none, a named view framed as it was.
      const place: CameraMove =
        state.place === before.place ? STAY : state.place !== null ? { type: 'reveal', place: state.place } : state.camera === null ? settle(state) : STAY;
      return { session: { ...session, state }, camera: moved ? settle(state) : place, url: 'none', focusPanel: false };
    }
  }
}

function set(session: Session, patch: Partial<AppState>, replace: boolean): Transition {
  const before = session.state;
  const state: AppState = { ...before, ...patch };
  // Choosing a named view drops the position the user had moved to.
  if (patch.view !== undefined && patch.camera === undefined) state.camera = null;
  const opened = patch.place !== undefined && patch.place !== null && patch.place !== before.place;
  // The composition stays put while a place opens and closes: Guizhou keeps its scale and the insets
  // their places beside it. An opened place hidden under the panel is brought out by a pan; closing
  // it returns a named view to its frame (undoing that pan), and leaves a moved map where it is.
  const closed = patch.place === null && before.place !== null;
  const camera: CameraMove =
    patch.view !== undefined || (closed && state.camera === null)
      ? { type: 'frame', view: state.view, animate: true }
      : opened
        ? { type: 'reveal', place: state.place! }
        : STAY;
  return { session: { ...session, state }, camera, url: replace ? 'replace' : 'push', focusPanel: opened };
}

/** Where the camera goes for a state reached in one step (back, forward, the end of a story): its own position, else its named view. */
function settle(state: AppState): CameraMove {
  return state.camera ? { type: 'jump', camera: state.camera } : { type: 'frame', view: state.view, animate: false };
}
