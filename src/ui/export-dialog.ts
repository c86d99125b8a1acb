import { PRESETS, SIZE_RANGE } from '../export/layout.ts';
import { LANGS, t, type Lang } from '../i18n/messages.ts';
import type { ExportRequest, Frame, UiContext } from '../view/context.ts';
import { el } from '../view/dom.ts';
import { exportExtras } from './export-extras.ts';
import { openModal } from '../view/modal.ts';

/**
 * "Export": a live preview of the image as it will be written, with its title, subtitle and note
 * (editable; until edited they follow the language), language, size (presets or custom) and
 * background; PNG or SVG at exactly the chosen size. A native <dialog>.
 */
export function openExportDialog(ctx: UiContext, frame: Frame): HTMLDialogElement {
  const { tr } = frame;
  const status = el('p', { class: 'legend-note', role: 'status' });
  const field = (id: string, label: string, control: HTMLElement) => el('div', { class: 'export-field' }, el('label', { for: id, class: 'control-label' }, label), control);
  const text = (id: string) => el('input', { id, type: 'text', class: 'search-input', maxlength: 200 });
  const title = text('export-text-title');
  const subtitle = text('export-text-subtitle');
  const note = el('textarea', { id: 'export-text-note', class: 'search-input', rows: 3, maxlength: 400 });
  const lang = el('select', { id: 'export-lang', class: 'select' }, ...LANGS.map((l) => el('option', { value: l, selected: l === frame.lang }, t(l, 'lang.name'))));
  const size = el(
    'select',
    { id: 'export-size', class: 'select' },
    ...PRESETS.map((p) => el('option', { value: p.id }, `${p.id === 'a4' ? `${tr('export.a4')}: ` : ''}${p.width} × ${p.height}`)),
    el('option', { value: 'custom' }, tr('export.custom')),
  );
  const number = (id: string, value: number) => el('input', { id, type: 'number', class: 'search-input', min: SIZE_RANGE[0], max: SIZE_RANGE[1], step: 1, value });
  const width = number('export-width', 1600);
  const height = number('export-height', 900);
  const custom = el('div', { class: 'export-custom', hidden: true }, field('export-width', tr('export.width'), width), field('export-height', tr('export.height'), height));
  const radio = (value: string, label: string, checked: boolean) =>
    el('label', { class: 'check-row' }, el('input', { type: 'radio', name: 'export-bg', value, checked }), label);
  const background = el(
    'fieldset',
    { class: 'export-bg' },
    el('legend', { class: 'control-label' }, tr('export.background')),
    radio('map', tr('export.bgMap'), !frame.state.transparent),
    radio('transparent', tr('export.bgTransparent'), frame.state.transparent),
  );
  const preview = el('img', { class: 'export-preview', alt: tr('export.preview'), 'data-testid': 'export-preview' });
  const buttons = (['png', 'svg'] as const).map((format) => {
    const b = el('button', { type: 'button', class: 'lang export-option', 'data-format': format }, tr(format === 'png' ? 'export.png' : 'export.svg'));
    b.addEventListener('click', async () => {
      const request = read();
      if (!request) return;
      status.textContent = tr('export.working');
      try {
        status.textContent = tr('export.done', { file: await ctx.exportMap(format, request) });
      } catch (e) {
        status.textContent = `${tr('export.failed')} ${e instanceof Error ? e.message : String(e)}`;
      }
    });
    return b;
  });

  // Texts the user has not edited follow the chosen language's defaults.
  const edited = new Set<HTMLElement>();
  for (const input of [title, subtitle, note]) input.addEventListener('input', () => edited.add(input));
  const fillTexts = async () => {
    const texts = await ctx.exportTexts(lang.value as Lang);
    if (!edited.has(title)) title.value = texts.title;
    if (!edited.has(subtitle)) subtitle.value = texts.subtitle;
    if (!edited.has(note)) note.value = texts.note;
  };

  /** The request the form describes, or null (and a message) when the custom size is out of range. */
  const read = (): ExportRequest | null => {
    const preset = PRESETS.find((p) => p.id === size.value);
    const chosen = preset ? { width: preset.width, height: preset.height } : { width: Math.round(Number(width.value)), height: Math.round(Number(height.value)) };
    const ok = [chosen.width, chosen.height].every((v) => Number.isFinite(v) && v >= SIZE_RANGE[0] && v <= SIZE_RANGE[1]);
    for (const b of buttons) b.disabled = !ok;
    if (!ok) {
      status.textContent = tr('export.sizeRange', { min: SIZE_RANGE[0], max: SIZE_RANGE[1] });
      return null;
    }
    const bg = background.querySelector<HTMLInputElement>('input:checked')?.value;
    return { size: chosen, lang: lang.value as Lang, title: title.value.trim(), subtitle: subtitle.value.trim(), note: note.value.trim(), transparent: bg === 'transparent' };
  };

  let url = '';
  let timer = 0;
  let drawn = 0;
  const refresh = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const request = read();
      if (!request) return;
      const mine = ++drawn;
      const text = await ctx.exportPreview(request);
      if (mine !== drawn || !preview.isConnected) return;
      URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      preview.src = url;
      preview.style.aspectRatio = `${request.size!.width} / ${request.size!.height}`;
      preview.classList.toggle('transparent', request.transparent === true);
      status.textContent = '';
    }, 150);
  };
  lang.addEventListener('change', () => void fillTexts().then(refresh));
  size.addEventListener('change', () => {
    custom.hidden = size.value !== 'custom';
    refresh();
  });
  for (const input of [title, subtitle, note, width, height]) input.addEventListener('input', refresh);
  background.addEventListener('change', refresh);

  const dialog = openModal(
    frame,
    'export',
    tr('export.title'),
    el('p', { class: 'legend-note' }, tr('export.note')),
    el(
      'div',
      { class: 'export-body' },
      el('figure', { class: 'export-figure' }, preview),
      el(
        'div',
        { class: 'export-form' },
        field('export-text-title', tr('export.fieldTitle'), title),
        field('export-text-subtitle', tr('export.fieldSubtitle'), subtitle),
        field('export-text-note', tr('export.fieldNote'), note),
        el('div', { class: 'export-pair' }, field('export-lang', tr('export.language'), lang), field('export-size', tr('export.size'), size)),
        custom,
        background,
        el('div', { class: 'export-options' }, ...buttons),
        status,
      ),
    ),
    ...exportExtras(ctx, frame, status),
  );
  dialog.addEventListener('close', () => URL.revokeObjectURL(url));
  void fillTexts().then(refresh);
  return dialog;
}
