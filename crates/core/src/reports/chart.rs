//! The geometry of the charts, computed once for every renderer: the radar of pillar indices,
//! the heatmap's cell classes, and the line of each pillar's index over time. The browser draws
//! these shapes with Leptos and the standalone report writes them as SVG text; both read the
//! same numbers from here, so the printed report and the screen never disagree.
//!
//! Coordinates are already formatted (`"12.3"`), because SVG attributes are text.

use std::f64::consts::PI;

/// The radar's SVG `viewBox`: room around the chart for the pillars' names.
pub const RADAR_VIEWBOX: &str = "-260 -150 520 300";
const RADIUS: f64 = 100.0;

/// A pillar's name at the end of its axis, on one or two lines.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarLabel {
    pub x: String,
    pub y: String,
    /// `start`, `middle` or `end`: labels on the right start at their point, and so on.
    pub anchor: &'static str,
    pub dy: &'static str,
    pub first: String,
    pub second: Option<String>,
}

/// A radar of values from 0 (centre) to `levels` (edge), one axis per label.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    /// One polygon per stage, from the innermost.
    pub rings: Vec<String>,
    /// The end of each axis.
    pub axes: Vec<(String, String)>,
    /// The polygon of the values.
    pub shape: String,
    pub dots: Vec<(String, String)>,
    pub labels: Vec<RadarLabel>,
}

fn point(i: usize, n: usize, r: f64) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
    (r * angle.cos(), r * angle.sin())
}

fn xy((x, y): (f64, f64)) -> (String, String) {
    (format!("{x:.1}"), format!("{y:.1}"))
}

fn polygon(points: impl Iterator<Item = (f64, f64)>) -> String {
    points
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The radar of `values` (one per label, each from 0 to `levels`). `None` for fewer than three
/// axes, where a radar says nothing and only the table beside it is shown.
pub fn radar(labels: &[&str], values: &[f64], levels: usize) -> Option<Radar> {
    let n = labels.len();
    if n < 3 || values.len() != n {
        return None;
    }
    let levels = levels.max(1);
    let scale = |v: f64| RADIUS * v.clamp(0.0, levels as f64) / levels as f64;
    let rings = (1..=levels)
        .map(|l| polygon((0..n).map(|i| point(i, n, RADIUS * l as f64 / levels as f64))))
        .collect();
    let axes = (0..n).map(|i| xy(point(i, n, RADIUS))).collect();
    let shape = polygon(values.iter().enumerate().map(|(i, v)| point(i, n, scale(*v))));
    let dots = values
        .iter()
        .enumerate()
        .map(|(i, v)| xy(point(i, n, scale(*v))))
        .collect();
    let labels = labels
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let (x, y) = point(i, n, RADIUS + 14.0);
            let anchor = if x.abs() < 1.0 {
                "middle"
            } else if x > 0.0 {
                "start"
            } else {
                "end"
            };
            let dy = if y < -RADIUS {
                "-0.2em"
            } else if y > RADIUS {
                "0.9em"
            } else {
                "0.35em"
            };
            // Long names go on two lines, so no label runs past the edge of the chart.
            let (first, second) = split_label(name);
            let (x, y) = xy((x, y));
            RadarLabel {
                x,
                y,
                anchor,
                dy,
                first,
                second,
            }
        })
        .collect();
    Some(Radar {
        rings,
        axes,
        shape,
        dots,
        labels,
    })
}

/// A label in one line, or split at the space nearest its middle when it is long.
fn split_label(label: &str) -> (String, Option<String>) {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= 14 {
        return (label.to_owned(), None);
    }
    let middle = chars.len() / 2;
    let split = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == ' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => (chars.iter().take(i).collect(), Some(chars.iter().skip(i + 1).collect())),
        None => (label.to_owned(), None),
    }
}

/// Heatmap class of one cell: reached, met but not yet counted, on the way, or nothing yet.
pub fn heat_class(share: f64, met: bool, reached: bool) -> &'static str {
    match (reached, met) {
        (true, _) => "heat heat-reached",
        (false, true) => "heat heat-met",
        _ if share >= 0.35 => "heat heat-mid",
        _ if share > 0.0 => "heat heat-low",
        _ => "heat heat-none",
    }
}

/// The line chart's SVG `viewBox`.
pub const LINES_VIEWBOX: &str = "0 0 400 200";
const LEFT: f64 = 40.0;
const RIGHT: f64 = 350.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 180.0;

/// One line of a [`Lines`] chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The polyline's points.
    pub points: String,
    pub dots: Vec<(String, String)>,
}

/// Values over time: one line per series, the dates spread evenly along the bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Lines {
    pub lines: Vec<Line>,
    /// A horizontal rule and its y for each whole value from 0 to `max`.
    pub grid: Vec<(usize, String)>,
    /// The x of each date, in order.
    pub xs: Vec<String>,
    /// Where the grid's rules start and end.
    pub left: String,
    pub right: String,
}

/// Lines of `series` (each with one value per date, from 0 to `max`) over `dates` points in
/// time. `None` with fewer than two dates: one point is not a line.
pub fn lines(series: &[Vec<f64>], dates: usize, max: usize) -> Option<Lines> {
    if dates < 2 || series.iter().any(|s| s.len() != dates) {
        return None;
    }
    let max = max.max(1);
    let x = |i: usize| LEFT + (RIGHT - LEFT) * i as f64 / (dates - 1) as f64;
    let y = |v: f64| BOTTOM - (BOTTOM - TOP) * v.clamp(0.0, max as f64) / max as f64;
    let lines = series
        .iter()
        .map(|s| Line {
            points: polygon(s.iter().enumerate().map(|(i, v)| (x(i), y(*v)))),
            dots: s.iter().enumerate().map(|(i, v)| xy((x(i), y(*v)))).collect(),
        })
        .collect();
    Some(Lines {
        lines,
        grid: (0..=max).map(|v| (v, format!("{:.1}", y(v as f64)))).collect(),
        xs: (0..dates).map(|i| format!("{:.1}", x(i))).collect(),
        left: format!("{LEFT:.1}"),
        right: format!("{RIGHT:.1}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_radar_needs_three_axes_and_one_value_each() {
        assert!(radar(&["a", "b"], &[1.0, 2.0], 5).is_none());
        assert!(radar(&["a", "b", "c"], &[1.0, 2.0], 5).is_none());
        let r = radar(&["a", "b", "c", "d"], &[5.0, 0.0, 2.5, 9.0], 5).unwrap();
        assert_eq!(r.rings.len(), 5);
        // The first axis points up; a full value reaches the edge, and values past it stop there.
        assert_eq!(r.dots[0], ("0.0".to_owned(), "-100.0".to_owned()));
        assert_eq!(r.dots[1], ("0.0".to_owned(), "0.0".to_owned()));
        assert_eq!(r.dots[3], ("-100.0".to_owned(), "0.0".to_owned()));
        assert_eq!(r.labels[1].anchor, "start");
        assert_eq!(r.labels[3].anchor, "end");
    }

    #[test]
    fn long_labels_split_at_the_space_nearest_the_middle() {
        assert_eq!(split_label("Transparencia"), ("Transparencia".into(), None));
        assert_eq!(
            split_label("Participación ciudadana"),
            ("Participación".into(), Some("ciudadana".into()))
        );
        assert_eq!(
            split_label("Innovación y tecnología"),
            ("Innovación".into(), Some("y tecnología".into()))
        );
    }

    #[test]
    fn lines_spread_dates_and_scale_values() {
        assert!(lines(&[vec![1.0]], 1, 5).is_none());
        assert!(lines(&[vec![1.0, 2.0, 3.0]], 2, 5).is_none());
        let l = lines(&[vec![0.0, 5.0], vec![2.5, 2.5]], 2, 5).unwrap();
        assert_eq!(l.xs, ["40.0", "350.0"]);
        assert_eq!(l.lines[0].points, "40.0,180.0 350.0,10.0");
        assert_eq!(l.lines[1].dots[0].1, "95.0");
        assert_eq!(l.grid.len(), 6);
    }

    #[test]
    fn heat_classes_follow_the_cell_state() {
        assert_eq!(heat_class(1.0, true, true), "heat heat-reached");
        assert_eq!(heat_class(0.8, true, false), "heat heat-met");
        assert_eq!(heat_class(0.4, false, false), "heat heat-mid");
        assert_eq!(heat_class(0.1, false, false), "heat heat-low");
        assert_eq!(heat_class(0.0, false, false), "heat heat-none");
    }
}
