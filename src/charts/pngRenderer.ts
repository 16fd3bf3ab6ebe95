import path from 'node:path';
import { Resvg, ResvgRenderOptions } from '@resvg/resvg-js';
import { RecentResults } from '../recentResults';

/** No chart is drawn bigger than this, whatever the SVG asks for, so an image can never grow a card past Teams' limit. */
export const MAX_CHART_PX = { width: 640, height: 480 } as const;

// The font ships as an npm package and system fonts are ignored, so a chart renders the same on a
// developer's laptop, in CI and on a server image without fonts.
const FONT_FILE = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
const FONT: ResvgRenderOptions['font'] = { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: 'DejaVu Sans' };

/** The same school's chart is asked for again and again until the next import; rasterising it costs milliseconds. */
const rendered = new RecentResults<Buffer>(200);

/** Rasterises an SVG to PNG at its own size, scaled down only if it would pass MAX_CHART_PX (Teams cards cannot show SVG). */
export function svgToPng(svg: string): Buffer {
  return rendered.get(svg, () => rasterise(svg));
}

function rasterise(svg: string): Buffer {
  const natural = new Resvg(svg, { font: FONT });
  const zoom = Math.min(1, MAX_CHART_PX.width / natural.width, MAX_CHART_PX.height / natural.height);
  const resvg = zoom < 1 ? new Resvg(svg, { font: FONT, fitTo: { mode: 'zoom', value: zoom }, background: '#ffffff' }) : new Resvg(svg, { font: FONT, background: '#ffffff' });
  return resvg.render().asPng();
}

export const pngDataUri = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
