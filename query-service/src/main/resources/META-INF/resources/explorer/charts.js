// Charts with Apache ECharts (org.mvnpm:echarts, served by this service under /_static), loaded
// only by the pages that draw one. SVG rendering keeps labels in the page, readable and testable.
import { ECHARTS } from './versions.js';

let library = null;

/** Starts loading the library (about 1 MB) if it is not loaded yet; a page may call it early. */
export function echarts() {
  library ??= import(`/_static/echarts/${ECHARTS}/dist/echarts.esm.min.js`);
  return library;
}

/** Draws {@code option} into {@code element}; answers a function that disposes of the chart. */
export async function chart(element, option) {
  const lib = await echarts();
  const instance = lib.init(element, null, { renderer: 'svg' });
  instance.setOption({ animation: false, ...option });
  const resize = new ResizeObserver(() => instance.resize());
  resize.observe(element);
  return { instance, dispose: () => { resize.disconnect(); instance.dispose(); } };
}

export const QUAD_CLASSES = [
  { quadClass: 1, name: 'Verbal cooperation', color: '#5b9bd5' },
  { quadClass: 2, name: 'Material cooperation', color: '#2e7d32' },
  { quadClass: 3, name: 'Verbal conflict', color: '#f0a030' },
  { quadClass: 4, name: 'Material conflict', color: '#c62828' },
];

/** Month labels "2024-03" from period dates "2024-03-01". */
export const month = (period) => period.slice(0, 7);
