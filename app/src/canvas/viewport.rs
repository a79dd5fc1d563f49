//! Pan and zoom: how design coordinates map to the screen. Session state,
//! never saved or undone.

use cloudwright_core::{Point, Rect};

/// Screen = design × `zoom` + (`x`, `y`), in CSS pixels relative to the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Self { x: 0.0, y: 0.0, zoom: 1.0 }
    }
}

impl Viewport {
    pub const MIN_ZOOM: f64 = 0.05;
    pub const MAX_ZOOM: f64 = 4.0;

    /// The design point under a canvas-relative screen point.
    pub fn to_design(&self, sx: f64, sy: f64) -> Point {
        Point::new((sx - self.x) / self.zoom, (sy - self.y) / self.zoom)
    }

    /// Zooms by `factor` keeping the design point under (`sx`, `sy`) where it is.
    pub fn zoomed_at(&self, sx: f64, sy: f64, factor: f64) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let zoom = (self.zoom * factor).clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        let anchor = self.to_design(sx, sy);
        Viewport { x: sx - anchor.x * zoom, y: sy - anchor.y * zoom, zoom }
    }

    /// Moved by a screen distance.
    pub fn panned(&self, dx: f64, dy: f64) -> Viewport {
        Viewport { x: self.x + dx, y: self.y + dy, zoom: self.zoom }
    }

    /// The viewport that shows `bounds` whole and centred in a `width` × `height`
    /// canvas with `margin` pixels around it, never zooming in past 100 %.
    pub fn fit(bounds: Rect, width: f64, height: f64, margin: f64) -> Viewport {
        let (w, h) = ((width - 2.0 * margin).max(1.0), (height - 2.0 * margin).max(1.0));
        if bounds.w <= 0.0 || bounds.h <= 0.0 || !bounds.w.is_finite() || !bounds.h.is_finite() {
            return Viewport { x: width / 2.0 - bounds.x, y: height / 2.0 - bounds.y, zoom: 1.0 };
        }
        let zoom = (w / bounds.w).min(h / bounds.h).clamp(Self::MIN_ZOOM, 1.0);
        let c = bounds.center();
        Viewport { x: width / 2.0 - c.x * zoom, y: height / 2.0 - c.y * zoom, zoom }
    }

    /// The SVG `transform` for the design layer.
    pub fn transform(&self) -> String {
        format!("translate({:.2} {:.2}) scale({:.4})", self.x, self.y, self.zoom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let v = Viewport { x: 30.0, y: -10.0, zoom: 0.8 };
        let before = v.to_design(200.0, 150.0);
        let z = v.zoomed_at(200.0, 150.0, 1.7);
        let after = z.to_design(200.0, 150.0);
        assert!((before.x - after.x).abs() < 1e-9 && (before.y - after.y).abs() < 1e-9);
        assert!((z.zoom - 1.36).abs() < 1e-12);
    }

    #[test]
    fn zoom_is_clamped_and_ignores_nonsense() {
        let v = Viewport::default();
        assert_eq!(v.zoomed_at(0.0, 0.0, 1e9).zoom, Viewport::MAX_ZOOM);
        assert_eq!(v.zoomed_at(0.0, 0.0, 1e-9).zoom, Viewport::MIN_ZOOM);
        assert_eq!(v.zoomed_at(0.0, 0.0, f64::NAN), v);
    }

    #[test]
    fn fit_centres_the_design() {
        let v = Viewport::fit(Rect::new(100.0, 100.0, 1000.0, 500.0), 800.0, 600.0, 50.0);
        assert!((v.zoom - 0.7).abs() < 1e-12);
        let c = v.to_design(400.0, 300.0);
        assert!((c.x - 600.0).abs() < 1e-9 && (c.y - 350.0).abs() < 1e-9);
        // A small design is shown at 100 %, not blown up.
        assert_eq!(Viewport::fit(Rect::new(0.0, 0.0, 10.0, 10.0), 800.0, 600.0, 50.0).zoom, 1.0);
    }
}
