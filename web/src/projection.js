// The map's projection, shared by the page (placing clusters) and build.mjs (which
// projects the base map once, at build time, into web/basemap.json). Both must agree.
import { geoNaturalEarth1 } from "d3-geo";

export const mapWidth = 960;
export const mapHeight = 500;

export function mapProjection() {
  return geoNaturalEarth1().fitExtent([[4, 4], [mapWidth - 4, mapHeight - 4]], { type: "Sphere" });
}
