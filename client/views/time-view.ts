import { addMonths, clampDay, dayOf, fullDay, isoOf } from '../dates';
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
 * The date slider: off shows all dates; on shows the network as of the slider's day. Step moves a month, play walks
 * from the chosen day to the latest. Changes are reported debounced, so dragging does not flood the API.
 */
export function timeView(container: HTMLElement, range: { earliest: string; latest: string }, onChange: (asOf: string | null) => void): TimeView {
  const lo = dayOf(range.earliest);
  const hi = dayOf(range.latest);
  const enabled = h('input', { type: 'checkbox', id: 'time-enabled' });
  const slider = h('input', { type: 'range', id: 'time-slider', min: 0, max: hi - lo, step: 1, value: hi - lo, disabled: true, 'aria-label': 'Date the network is shown as of' });
  const output = h('output', { for: 'time-slider', id: 'time-output', className: 'time-output' }, 'all dates');
  const back = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'One month earlier', title: 'One month earlier' }, icons.back());
  const play = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'Play through time', title: 'Play through time', 'aria-pressed': 'false' }, icons.play());
  const forward = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'One month later', title: 'One month later' }, icons.forward());
  container.append(
    h('div', { className: 'time-toggle' }, enabled, h('label', { for: 'time-enabled' }, 'As of a date')),
    back,
    play,
    forward,
    slider,
    output,
    h('span', { className: 'time-range muted' }, `${range.earliest} – ${range.latest}`),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  let player: ReturnType<typeof setInterval> | undefined;
  const current = () => (enabled.checked ? isoOf(lo + Number(slider.value)) : null);
  const render = () => {
    const date = current();
    slider.disabled = !enabled.checked;
    output.textContent = date ?? 'all dates';
    slider.setAttribute('aria-valuetext', date ?? 'all dates');
  };
  const report = (delay: number) => {
    render();
    clearTimeout(timer);
    timer = setTimeout(() => onChange(current()), delay);
  };
  const moveTo = (iso: string) => {
    enabled.checked = true;
    slider.value = String(dayOf(clampDay(iso, range.earliest, range.latest)) - lo);
  };
  const stop = () => {
    clearInterval(player);
    player = undefined;
    setIcon(play, icons.play());
    play.setAttribute('aria-pressed', 'false');
    play.setAttribute('aria-label', 'Play through time');
  };
  const step = (months: number) => {
    const date = current() ?? (months > 0 ? range.earliest : range.latest);
    moveTo(current() ? addMonths(date, months) : date);
    report(250);
  };

  enabled.addEventListener('change', () => {
    stop();
    report(0);
  });
  slider.addEventListener('input', () => report(250));
  back.addEventListener('click', () => step(-1));
  forward.addEventListener('click', () => step(1));
  play.addEventListener('click', () => {
    if (player) {
      stop();
      return;
    }
    const months = Math.max(1, Math.ceil((hi - lo) / 30 / 40));
    if (!current() || current() === range.latest) moveTo(range.earliest);
    report(0);
    setIcon(play, icons.pause());
    play.setAttribute('aria-pressed', 'true');
    play.setAttribute('aria-label', 'Pause');
    player = setInterval(() => {
      const date = current();
      if (!date || date >= range.latest) {
        stop();
        return;
      }
      moveTo(addMonths(date, months));
      report(0);
    }, 1200);
  });

  return {
    set(asOf) {
      enabled.checked = asOf !== null;
      if (asOf) slider.value = String(dayOf(clampDay(fullDay(asOf), range.earliest, range.latest)) - lo);
      render();
    },
  };
}
