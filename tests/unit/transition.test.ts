import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/data/stories.ts';
import { transition, type Session } from '../../src/state/transition.ts';
import { defaultState, type AppState } from '../../src/state/url-state.ts';

const tour = (JSON.parse(readFileSync('data/stories.json', 'utf8')) as { stories: Story[] }).stories[0]!;
const at = (patch: Partial<AppState> = {}): Session => ({ state: { ...defaultState('en'), ...patch }, beforeStory: null });
const moved = { lon: 107.1, lat: 26.2, zoom: 8 };

describe('state transitions', () => {
  it('a filter change is a new history entry and leaves the camera alone', () => {
    const t = transition(at(), { type: 'set', patch: { year: 2010 } });
    expect(t.session.state.year).toBe(2010);
    expect(t).toMatchObject({ url: 'push', camera: { type: 'stay' }, focusPanel: false });
  });

  it('a move of the map is recorded in place, without moving the camera again', () => {
    const t = transition(at(), { type: 'set', patch: { camera: moved }, replace: true });
    expect(t).toMatchObject({ url: 'replace', camera: { type: 'stay' } });
    expect(t.session.state.camera).toEqual(moved);
  });

  it('opening a place keeps the composition and only brings the place out from under the panel, and gives the panel the focus', () => {
    const t = transition(at(), { type: 'set', patch: { place: '520422' } });
    expect(t).toMatchObject({ camera: { type: 'reveal', place: '520422' }, focusPanel: true });
  });

  it('on a map the user has moved, opening a place reveals it too; another place while one is open too', () => {
    expect(transition(at({ camera: moved }), { type: 'set', patch: { place: '520422' } }).camera).toEqual({ type: 'reveal', place: '520422' });
    const other = transition(at({ place: '520422' }), { type: 'set', patch: { place: '520402' } });
    expect(other.camera).toEqual({ type: 'reveal', place: '520402' });
    expect(other.focusPanel).toBe(true);
  });

  it('closing a place returns a named view to its frame, leaves a moved map where it is, and moves no focus', () => {
    const t = transition(at({ place: '520422' }), { type: 'set', patch: { place: null } });
    expect(t).toMatchObject({ camera: { type: 'frame', view: 'guizhou' }, focusPanel: false });
    expect(transition(at({ place: '520422', camera: moved }), { type: 'set', patch: { place: null } }).camera).toEqual({ type: 'stay' });
  });

  it('choosing a named view drops the moved position', () => {
    const t = transition(at({ camera: moved }), { type: 'set', patch: { view: 'overview' } });
    expect(t.session.state.camera).toBeNull();
    expect(t.camera).toEqual({ type: 'frame', view: 'overview', animate: true });
  });

  it('present mode starts the first step and remembers the view; leaving returns to it, in the language now shown', () => {
    const mine = at({ year: 2011, camera: moved, place: '520422' });
    const started = transition(mine, { type: 'present', story: tour });
    expect(started.session.state).toMatchObject({ story: tour.id, step: 0, camera: null, view: tour.steps[0]!.state.view });
    expect(started.session.beforeStory).toEqual(mine.state);
    expect(started.camera).toMatchObject({ type: 'frame', animate: true });
    const zh = transition(started.session, { type: 'set', patch: { lang: 'zh' } });
    const left = transition(zh.session, { type: 'leave-story' });
    expect(left.session.state).toEqual({ ...mine.state, lang: 'zh' });
    expect(left.session.beforeStory).toBeNull();
    expect(left).toMatchObject({ url: 'push', camera: { type: 'jump', camera: moved } });
  });

  it('leaving a story opened from a link keeps its last step and frames its view', () => {
    const linked = at({ story: tour.id, step: 2, year: 2010 });
    const left = transition(linked, { type: 'leave-story' });
    expect(left.session.state).toMatchObject({ story: null, step: 0, year: 2010 });
    expect(left.camera).toEqual({ type: 'frame', view: 'guizhou', animate: false });
  });

  it('back and forward take the address bar’s state, write no entry, and move the camera only when the view changed', () => {
    const filtered = transition(at(), { type: 'history', state: { ...defaultState('en'), year: 2010 } });
    expect(filtered).toMatchObject({ url: 'none', camera: { type: 'stay' } });
    const jumped = transition(at(), { type: 'history', state: { ...defaultState('en'), camera: moved } });
    expect(jumped.camera).toEqual({ type: 'jump', camera: moved });
    const framed = transition(at({ camera: moved }), { type: 'history', state: defaultState('en') });
    expect(framed.camera).toEqual({ type: 'frame', view: 'guizhou', animate: false });
  });

  it('back or forward to another place brings it out as opening it does; to none, frames a named view again', () => {
    const county = transition(at({ place: '520422' }), { type: 'history', state: { ...defaultState('en'), place: '370212' } });
    expect(county.camera).toEqual({ type: 'reveal', place: '370212' });
    const closed = transition(at({ place: '370212' }), { type: 'history', state: defaultState('en') });
    expect(closed.camera).toEqual({ type: 'frame', view: 'guizhou', animate: false });
    // A map the user moved stays where the link says.
    expect(transition(at({ place: '370212', camera: moved }), { type: 'history', state: { ...defaultState('en'), camera: moved } }).camera).toEqual({ type: 'stay' });
    expect(transition(at({ place: '520422' }), { type: 'history', state: { ...defaultState('en'), place: '520422', year: 2010 } }).camera).toEqual({ type: 'stay' });
  });

  it('never changes the session it is given', () => {
    const s = at({ place: '520422' });
    const copy = structuredClone(s);
    transition(s, { type: 'set', patch: { place: null, year: 2010, view: 'overview' } });
    transition(s, { type: 'present', story: tour });
    expect(s).toEqual(copy);
  });
});
