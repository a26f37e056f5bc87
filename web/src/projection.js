// The map's projection: Natural Earth I (Šavrič, Patterson and Jenny's polynomials) fitted to
// the map's box, written out here so that the page needs no projection library. build.mjs
// projects the base map with d3-geo's geoNaturalEarth1 fitted the same way, and stops if the
// two disagree anywhere on a grid of the globe.

export const mapWidth = 960;
export const mapHeight = 500;
const margin = 4;

// Longitude and latitude in radians -> the projection's plane, y pointing north.
function naturalEarth(lambda, phi) {
  const phi2 = phi * phi;
  const phi4 = phi2 * phi2;
  return [
    lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
    phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))),
  ];
}

// The globe is widest along the equator and tallest at the poles: the scale that fits both.
const [halfWidth] = naturalEarth(Math.PI, 0);
const [, halfHeight] = naturalEarth(0, Math.PI / 2);
const scale = Math.min((mapWidth - 2 * margin) / (2 * halfWidth), (mapHeight - 2 * margin) / (2 * halfHeight));

// [longitude, latitude] in degrees -> [x, y] in the map's SVG coordinates.
export function project([lon, lat]) {
  const [x, y] = naturalEarth((lon * Math.PI) / 180, (lat * Math.PI) / 180);
  return [mapWidth / 2 + scale * x, mapHeight / 2 - scale * y];
}
