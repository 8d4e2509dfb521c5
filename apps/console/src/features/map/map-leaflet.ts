// The grid map drawn with Leaflet, loaded on first use with its stylesheet (a chunk of its own).
// Grids are polygons coloured by their open events, events are circle markers; the tile layer is
// optional and is dropped when its tiles cannot be reached, leaving a clean vector map.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { shortUnitName, type MapEvent, type MapGrid } from '@gridwork/core';

export interface MapWords {
  readonly open: string;
  readonly overdue: string;
  readonly village: string;
  readonly openEvent: string;
  readonly overdueEvent: string;
}

export interface MapInput {
  readonly grids: readonly MapGrid[];
  readonly events: readonly MapEvent[];
  readonly tileUrl: string | null;
  readonly words: MapWords;
  /** Opens an event's page (inside the console, without reloading it). */
  readonly openEvent: (id: string) => void;
  /** Told once when the configured tiles cannot be reached and the map goes on without them. */
  readonly onTilesFailed: () => void;
}

/** Green: nothing open; amber: open events; red: some overdue. */
export function gridColour(grid: Pick<MapGrid, 'open' | 'overdue'>): string {
  if (grid.overdue > 0) return '#cf1322';
  return grid.open > 0 ? '#d48806' : '#389e0d';
}

/** A block of text lines built as DOM nodes: titles are users' words, never parsed as HTML. */
function popupOf(lines: readonly (string | HTMLElement)[]): HTMLElement {
  const box = document.createElement('div');
  box.style.minWidth = '160px';
  for (const line of lines) {
    const row = document.createElement('div');
    if (typeof line === 'string') row.textContent = line;
    else row.append(line);
    box.append(row);
  }
  return box;
}

/** Draws the map into `container`; answers a function that removes it. */
export function drawGridMap(container: HTMLElement, input: MapInput): () => void {
  const { words } = input;
  const map = L.map(container, {
    zoomControl: true,
    attributionControl: Boolean(input.tileUrl),
    preferCanvas: false,
  });
  map.setView([30.6, 104.0], 8);

  if (input.tileUrl) {
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    let loaded = false;
    const tiles = L.tileLayer(input.tileUrl, { maxZoom: 18, subdomains: 'abc' });
    tiles.on('tileload', () => {
      loaded = true;
    });
    tiles.on('tileerror', () => {
      if (loaded || !map.hasLayer(tiles)) return;
      map.removeLayer(tiles);
      input.onTilesFailed();
    });
    tiles.addTo(map);
  }

  const bounds = L.latLngBounds([]);
  for (const grid of input.grids) {
    const colour = gridColour(grid);
    const layer = L.geoJSON(grid.boundary, {
      style: { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.25 },
    });
    const name = document.createElement('strong');
    name.textContent = grid.name;
    layer.bindTooltip(`${grid.name}`, { sticky: true });
    layer.bindPopup(
      popupOf([
        name,
        `${words.village}：${shortUnitName(grid.villageName)}`,
        `${words.open}：${grid.open}`,
        `${words.overdue}：${grid.overdue}`,
      ]),
    );
    layer.addTo(map);
    bounds.extend(layer.getBounds());
  }

  for (const event of input.events) {
    const marker = L.circleMarker([event.lat, event.lon], {
      radius: 7,
      color: '#ffffff',
      weight: 2,
      fillColor: event.overdue ? '#cf1322' : '#1458b8',
      fillOpacity: 0.95,
      className: event.overdue ? 'map-event map-event-overdue' : 'map-event',
    });
    const link = document.createElement('a');
    link.href = `/events/${encodeURIComponent(event.id)}`;
    link.textContent = event.title;
    link.addEventListener('click', (click) => {
      click.preventDefault();
      input.openEvent(event.id);
    });
    marker.bindPopup(
      popupOf([link, event.categoryName, event.overdue ? words.overdueEvent : words.openEvent]),
    );
    marker.addTo(map);
    if (input.grids.length === 0) bounds.extend(marker.getLatLng());
  }

  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
  return () => {
    map.remove();
  };
}
