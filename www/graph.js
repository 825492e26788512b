// The column graph as SVG: columns on a circle in file order (so neighbours in the file are
// neighbours in the picture), edges drawn by weight, nodes sized by PageRank and coloured by
// sensitivity. Plain SVG elements; colours come from style.css classes (the CSP forbids inline
// styles, and classes keep the palette in one place).

const NS = 'http://www.w3.org/2000/svg';
/** Above this many columns the names would overlap: they stay in the tooltips only. */
const MAX_NAMED = 40;

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** `text` cut to `max` characters (not UTF-16 units: an emoji is not split) with an ellipsis. */
function shorten(text, max) {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Node radius: area grows with rank (PageRank sums to 1, so ~1/n each on average). */
const radius = (rank) => Math.min(30, 4 + 46 * Math.sqrt(Math.max(0, rank)));

/**
 * Draws `report`'s column graph into `svg` (its previous content is replaced). The drawing is
 * made in the svg's own pixels (`width` wide), so names keep a readable size on a phone too.
 */
export function drawGraph(svg, report, width = 640) {
  const { columns } = report;
  const edges = report.table.edges ?? [];
  const n = columns.length;
  const named = n <= MAX_NAMED;
  const W = Math.round(Math.min(760, Math.max(280, width)));
  const narrow = W < 460;
  const fontPx = narrow ? 11 : 12.5;
  // Room beside the ring for the names (longer names are cut), then the ring, then the height
  // it needs: a node and a line of text above and below it.
  const room = named ? (narrow ? 68 : 112) : 8;
  const ring = Math.max(40, Math.min(190, W / 2 - room - 26));
  const H = Math.round(2 * ring + 2 * (named ? (narrow ? 44 : 50) : 34));
  const maxChars = Math.floor((room - 4) / (fontPx * 0.6));
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute(
    'aria-label',
    `Column graph: ${n} columns, ${edges.length} links. Larger circles matter more; red is highly sensitive.`,
  );
  svg.append(el('title', {}, 'How the columns relate (hover a circle or a line for details)'));

  const cx = W / 2;
  const cy = H / 2;
  const pos = columns.map((_, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    return { a, x: n === 1 ? cx : cx + ring * Math.cos(a), y: n === 1 ? cy : cy + ring * Math.sin(a) };
  });

  const edgeLayer = el('g', { class: 'edges' });
  // Light edges first, so the strong ones are drawn on top.
  for (const e of [...edges].sort((p, q) => p.weight - q.weight)) {
    const s = pos[e.source];
    const t = pos[e.target];
    if (!s || !t) continue;
    const line = el('line', {
      x1: s.x.toFixed(1), y1: s.y.toFixed(1), x2: t.x.toFixed(1), y2: t.y.toFixed(1),
      class: `edge${e.weight >= 0.5 ? ' strong' : ''}`,
      'stroke-width': (0.6 + 4 * e.weight).toFixed(2),
      'stroke-opacity': (0.12 + 0.7 * e.weight).toFixed(2),
      'data-source': e.source,
      'data-target': e.target,
    });
    const why = e.reasons.length ? e.reasons.join(', ') : 'learned co-occurrence';
    line.append(el('title', {}, `${columns[e.source].name} — ${columns[e.target].name}: ${e.weight} (${why})`));
    edgeLayer.append(line);
  }
  svg.append(edgeLayer);

  const nodeLayer = el('g', { class: 'nodes' });
  columns.forEach((c, i) => {
    const { a, x, y } = pos[i];
    const r = radius(c.rank);
    const g = el('g', { class: `node sens-${c.sensitivity}`, 'data-index': i });
    g.append(el('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }));
    g.append(el('title', {}, `${c.name}: ${c.label} (${c.sensitivity}), rank ${c.rank}`));
    if (named) {
      const cos = Math.cos(a);
      const d = r + 7;
      g.append(
        el(
          'text',
          {
            x: (x + d * cos).toFixed(1),
            y: (y + d * Math.sin(a)).toFixed(1),
            'text-anchor': cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle',
            'dominant-baseline': 'middle',
            'font-size': fontPx,
          },
          shorten(c.name, maxChars),
        ),
      );
    }
    nodeLayer.append(g);
  });
  svg.append(nodeLayer);
}

/** Emphasises column `index` and its edges in the graph (null clears). */
export function highlight(svg, index) {
  svg.classList.toggle('focused', index !== null);
  for (const g of svg.querySelectorAll('.node')) g.classList.toggle('on', Number(g.dataset.index) === index);
  for (const l of svg.querySelectorAll('.edge')) {
    l.classList.toggle('on', Number(l.dataset.source) === index || Number(l.dataset.target) === index);
  }
}
