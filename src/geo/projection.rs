//! The map projection, shared by build.rs (county outlines), the runtime
//! (markers) and the tests, so every point on the map goes through one formula.
//!
//! Spherical Albers equal-area conic (Snyder, "Map Projections: A Working
//! Manual", eqs. 14-1 to 14-6). Equal-area, so a county's area on screen is
//! proportional to its true area: the choropleth never flatters a county by its
//! latitude. The standard parallels 32° and 33.5° N bracket Ankang (31.7–33.8° N),
//! which keeps the scale error along any direction below 0.01 % across the city. The sphere is
//! the IUGG mean radius; against the WGS84 ellipsoid it gives areas about 0.05 %
//! too large at this latitude, well inside what the map can show.

/// Mean Earth radius, km.
const RADIUS_KM: f64 = 6371.0088;
const PARALLEL_1: f64 = 32.0;
const PARALLEL_2: f64 = 33.5;
const ORIGIN_LAT: f64 = 32.75;
const CENTRAL_MERIDIAN: f64 = 109.0;

/// Projects WGS84 degrees to kilometres: x east, y north, (0, 0) at 109° E 32.75° N.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    let (phi1, phi2) = (PARALLEL_1.to_radians(), PARALLEL_2.to_radians());
    let n = (phi1.sin() + phi2.sin()) / 2.0;
    let c = phi1.cos().powi(2) + 2.0 * n * phi1.sin();
    let rho = |lat: f64| RADIUS_KM * (c - 2.0 * n * lat.to_radians().sin()).sqrt() / n;
    let theta = n * (lon - CENTRAL_MERIDIAN).to_radians();
    let r = rho(lat);
    (r * theta.sin(), rho(ORIGIN_LAT) - r * theta.cos())
}
