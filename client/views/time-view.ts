import { partialDateProblem } from '../../src/model/dates';
import { addMonths, clampDate, clampDay, dayOf, fullDay, isoOf, precisionOf, stepDate, type DateUnit } from '../dates';
import { TIME_KEYS, keyStep } from '../time-keys';
import { clear, h, svg, svgShape } from './dom';

const icons = {
  back: () => svg(14, 14, svgShape('rect', { x: 1, y: 2, width: 2, height: 10, fill: 'currentColor' }), svgShape('polygon', { points: '13,2 4,7 13,12', fill: 'currentColor' })),
  forward: () => svg(14, 14, svgShape('polygon', { points: '1,2 10,7 1,12', fill: 'currentColor' }), svgShape('rect', { x: 11, y: 2, width: 2, height: 10, fill: 'currentColor' })),
  play: () => svg(14, 14, svgShape('polygon', { points: '2,1 13,7 2,13', fill: 'currentColor' })),
  pause: () => svg(14, 14, svgShape('rect', { x: 2, y: 1, width: 3.5, height: 12, fill: 'currentColor' }), svgShape('rect', { x: 8.5, y: 1, width: 3.5, height: 12, fill: 'currentColor' })),
};

function setIcon(button: HTMLButtonElement, icon: SVGSVGElement): void {
  clear(button);
  button.appendChild(icon);
}

export interface TimeView {
  /** Shows the date (null: all dates) without telling anyone. */
  set(asOf: string | null): void;
}

/**
 * The date control: off shows all dates; on shows the network as of a date, chosen with the slider, typed in the field
 * (YYYY, YYYY-MM or YYYY-MM-DD, kept as typed: "2015" stays the year 2015), or stepped by day, month or year from the
 * keyboard. Step buttons move a month, play walks from the chosen day to the latest. Changes are reported debounced, so
 * dragging does not flood the API.
 */
export function timeView(container: HTMLElement, range: { earliest: string; latest: string }, onChange: (asOf: string | null) => void): TimeView {
  const lo = dayOf(range.earliest);
  const hi = dayOf(range.latest);
  const help = `Keys: ${TIME_KEYS}`;
  const enabled = h('input', { type: 'checkbox', id: 'time-enabled' });
  const slider = h('input', { type: 'range', id: 'time-slider', min: 0, max: hi - lo, step: 1, value: hi - lo, disabled: true, 'aria-label': 'Date the network is shown as of', 'aria-keyshortcuts': 'ArrowLeft ArrowRight PageUp PageDown Shift+PageUp Shift+PageDown Home End', title: help });
  const input = h('input', { type: 'text', id: 'time-input', className: 'time-input', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', placeholder: 'all dates', size: 10, 'aria-describedby': 'time-error time-help', title: `Type a date: YYYY, YYYY-MM or YYYY-MM-DD, then Enter. ${help}` });
  const error = h('span', { id: 'time-error', className: 'time-error', role: 'alert' });
  const back = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'One month earlier', title: 'One month earlier (PageDown)' }, icons.back());
  const play = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'Play through time', title: 'Play through time', 'aria-pressed': 'false' }, icons.play());
  const forward = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'One month later', title: 'One month later (PageUp)' }, icons.forward());
  container.append(
    h('div', { className: 'time-toggle' }, enabled, h('label', { for: 'time-enabled' }, 'As of a date')),
    back,
    play,
    forward,
    slider,
    h('label', { for: 'time-input', className: 'visually-hidden' }, 'Date (YYYY, YYYY-MM or YYYY-MM-DD)'),
    input,
    error,
    h('span', { className: 'time-range muted' }, `${range.earliest} – ${range.latest}`),
    h('span', { id: 'time-help', className: 'visually-hidden' }, help),
  );

  /** The date as the analyst gave it (its precision kept), or null for all dates. */
  let date: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let player: ReturnType<typeof setInterval> | undefined;

  const render = () => {
    enabled.checked = date !== null;
    slider.disabled = date === null;
    if (date) slider.value = String(dayOf(clampDay(fullDay(date), range.earliest, range.latest)) - lo);
    slider.setAttribute('aria-valuetext', date ?? 'all dates');
    input.value = date ?? '';
  };
  const showError = (message: string | null) => {
    error.textContent = message ?? '';
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
  };
  const report = (delay: number) => {
    render();
    clearTimeout(timer);
    timer = setTimeout(() => onChange(date), delay);
  };
  const moveTo = (next: string | null) => {
    date = next === null ? null : clampDate(next, range.earliest, range.latest);
    showError(null);
  };
  const stop = () => {
    clearInterval(player);
    player = undefined;
    setIcon(play, icons.play());
    play.setAttribute('aria-pressed', 'false');
    play.setAttribute('aria-label', 'Play through time');
  };
  const step = (unit: DateUnit, n: number) => {
    moveTo(date ? stepDate(date, unit, n) : n > 0 ? range.earliest : range.latest);
    report(250);
  };
  /** Applies the typed date; says what is wrong with it instead. */
  const applyTyped = () => {
    const text = input.value.trim();
    if (text === '') {
      showError(null);
      if (date !== null) {
        stop();
        date = null;
        report(0);
      }
      return;
    }
    const problem = partialDateProblem(text);
    if (problem) {
      showError(`${problem}.`);
      return;
    }
    stop();
    moveTo(text);
    report(0);
  };
  const onKey = (event: KeyboardEvent, field: boolean) => {
    let action = keyStep(event.key, event.shiftKey);
    if (field && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const typed = input.value.trim();
      const base = typed && !partialDateProblem(typed) ? typed : date;
      const unit: DateUnit = base ? precisionOf(base) : 'year';
      if (base !== date) moveTo(base);
      action = { unit, n: event.key === 'ArrowUp' ? 1 : -1 };
    } else if (field && (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home' || event.key === 'End')) {
      return; // the caret's keys in a text field
    }
    if (!action) return;
    event.preventDefault();
    stop();
    if (action === 'first' || action === 'last') {
      moveTo(action === 'first' ? range.earliest : range.latest);
      report(250);
    } else step(action.unit, action.n);
  };

  enabled.addEventListener('change', () => {
    stop();
    moveTo(enabled.checked ? isoOf(lo + Number(slider.value)) : null);
    report(0);
  });
  slider.addEventListener('input', () => {
    moveTo(isoOf(lo + Number(slider.value)));
    report(250);
  });
  slider.addEventListener('keydown', (event) => onKey(event, false));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      applyTyped();
    } else if (event.key === 'Escape') {
      input.value = date ?? '';
      showError(null);
    } else onKey(event, true);
  });
  input.addEventListener('change', applyTyped);
  back.addEventListener('click', () => step('month', -1));
  forward.addEventListener('click', () => step('month', 1));
  play.addEventListener('click', () => {
    if (player) {
      stop();
      return;
    }
    const months = Math.max(1, Math.ceil((hi - lo) / 30 / 40));
    if (!date || fullDay(date) >= range.latest) moveTo(range.earliest);
    else moveTo(fullDay(date));
    report(0);
    setIcon(play, icons.pause());
    play.setAttribute('aria-pressed', 'true');
    play.setAttribute('aria-label', 'Pause');
    player = setInterval(() => {
      if (!date || date >= range.latest) {
        stop();
        return;
      }
      moveTo(addMonths(fullDay(date), months));
      report(0);
    }, 1200);
  });

  return {
    set(asOf) {
      date = asOf;
      showError(null);
      render();
    },
  };
}
