//! Small, dependency-free SVG charts for the HTML report: bars, a line, a Lorenz curve.
//!
//! Coordinates are `f64` (geometry, not money): amounts are converted only to place a bar, and
//! every figure printed on a chart is the exact decimal string passed in. Text is escaped.

/// Escapes text for HTML and SVG.
///
/// ```
/// assert_eq!(arrears::report::svg::escape("<b>A & B</b>"), "&lt;b&gt;A &amp; B&lt;/b&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One bar: a label, its value (for the height) and the text printed above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Label under the bar.
    pub label: String,
    /// Value that sets the height (non-negative).
    pub value: f64,
    /// Text printed above the bar (an exact amount).
    pub text: String,
}

/// Round tick values for a value axis from 0 to at least `max`: 0, s, 2s, ... with s one of 1, 2,
/// 2.5 or 5 times a power of ten, four or five ticks in all.
fn ticks(max: f64) -> Vec<f64> {
    if max.is_nan() || max <= 0.0 {
        return vec![0.0, 1.0];
    }
    let rough = max / 4.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    let mut out = vec![0.0];
    let mut v = 0.0;
    while v < max && out.len() < 12 {
        v += step;
        out.push(v);
    }
    out
}

/// A tick label: whole numbers grouped by thousands with a narrow space, else one decimal.
fn tick_label(v: f64) -> String {
    if v.fract().abs() < 1e-9 {
        // Whole numbers of an axis: group them like the amounts they stand for.
        let whole = rust_decimal::Decimal::from_f64_retain(v.round()).unwrap_or_default();
        crate::money::group_thousands(whole.trunc(), '\u{202f}')
    } else {
        format!("{v:.1}")
    }
}

/// The horizontal gridlines and labels of a value axis at `x` from `base` (value 0) up to `top`
/// (the last tick).
fn value_axis(out: &mut String, ticks: &[f64], x: f64, x2: f64, base: f64, top: f64, unit: &str) {
    let last = ticks.last().copied().unwrap_or(1.0).max(1e-9);
    for t in ticks {
        let y = base - (t / last) * (base - top);
        out.push_str(&format!(
            r##"<line x1="{x}" y1="{y:.1}" x2="{x2}" y2="{y:.1}" stroke="#e5e7eb"/><text x="{tx}" y="{ty:.1}" text-anchor="end" font-size="11" fill="#4b5563">{}</text>"##,
            escape(&tick_label(*t)),
            tx = x - 6.0,
            ty = y + 4.0
        ));
    }
    out.push_str(&format!(
        r##"<line x1="{x}" y1="{top}" x2="{x}" y2="{base}" stroke="#9aa3ad"/><text x="{x}" y="{uy}" text-anchor="middle" font-size="11" fill="#4b5563">{}</text>"##,
        escape(unit),
        uy = top - 10.0
    ));
}

/// A vertical bar chart with a value axis in `unit`; the last bars can be highlighted (the oldest
/// buckets of an aging).
pub fn bar_chart(title: &str, bars: &[Bar], highlight_from: usize, unit: &str) -> String {
    let (w, h, left, right, base, top) = (
        640.0_f64, 280.0_f64, 78.0_f64, 16.0_f64, 230.0_f64, 40.0_f64,
    );
    let n = bars.len().max(1) as f64;
    let slot = (w - left - right) / n;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let ticks = ticks(max);
    let scale_top = ticks.last().copied().unwrap_or(1.0).max(1e-9);
    let mut out = format!(
        r#"<svg viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = escape(title)
    );
    value_axis(&mut out, &ticks, left, w - right, base, top, unit);
    out.push_str(&format!(
        r##"<line x1="{left}" y1="{base}" x2="{x2}" y2="{base}" stroke="#9aa3ad"/>"##,
        x2 = w - right
    ));
    for (i, b) in bars.iter().enumerate() {
        let bh = (b.value.max(0.0) / scale_top) * (base - top);
        let x = left + slot * i as f64 + slot * 0.15;
        let bw = slot * 0.7;
        let color = if i >= highlight_from {
            "#c2410c"
        } else {
            "#2563eb"
        };
        out.push_str(&format!(
            r#"<rect x="{x:.1}" y="{y:.1}" width="{bw:.1}" height="{bh:.1}" rx="3" fill="{color}"/>"#,
            y = base - bh
        ));
        out.push_str(&format!(
            r##"<text x="{cx:.1}" y="{ty:.1}" text-anchor="middle" font-size="12" fill="#1f2937">{}</text>"##,
            escape(&b.text),
            cx = x + bw / 2.0,
            ty = base - bh - 6.0
        ));
        out.push_str(&format!(
            r##"<text x="{cx:.1}" y="{ly:.1}" text-anchor="middle" font-size="12" fill="#4b5563">{}</text>"##,
            escape(&b.label),
            cx = x + bw / 2.0,
            ly = base + 18.0
        ));
    }
    out.push_str("</svg>");
    out
}

/// A line chart of labelled points (e.g. DSO month by month) with a value axis in `unit`; `None`
/// values leave a gap.
pub fn line_chart(title: &str, points: &[(String, Option<f64>)], unit: &str) -> String {
    let (w, h, left, right, base, top) = (
        640.0_f64, 250.0_f64, 56.0_f64, 20.0_f64, 205.0_f64, 30.0_f64,
    );
    let n = points.len().max(2) as f64;
    let step = (w - left - right) / (n - 1.0);
    let max = points.iter().filter_map(|p| p.1).fold(0.0_f64, f64::max);
    let ticks = ticks(max);
    let scale_top = ticks.last().copied().unwrap_or(1.0).max(1e-9);
    let y = |v: f64| base - (v.max(0.0) / scale_top) * (base - top);
    let mut out = format!(
        r#"<svg viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = escape(title)
    );
    value_axis(&mut out, &ticks, left, w - right, base, top, unit);
    out.push_str(&format!(
        r##"<line x1="{left}" y1="{base}" x2="{x2}" y2="{base}" stroke="#9aa3ad"/>"##,
        x2 = w - right
    ));
    let mut path = String::new();
    let mut pen_up = true;
    for (i, (label, v)) in points.iter().enumerate() {
        let x = left + step * i as f64;
        if let Some(v) = v {
            path.push_str(&format!(
                "{}{x:.1},{:.1} ",
                if pen_up { "M" } else { "L" },
                y(*v)
            ));
            pen_up = false;
            out.push_str(&format!(
                r##"<circle cx="{x:.1}" cy="{:.1}" r="3" fill="#2563eb"><title>{}: {v:.1} {}</title></circle>"##,
                y(*v),
                escape(label),
                escape(unit)
            ));
        } else {
            pen_up = true;
        }
        if points.len() <= 13 || i % 2 == 0 {
            out.push_str(&format!(
                r##"<text x="{x:.1}" y="{ly:.1}" text-anchor="middle" font-size="11" fill="#4b5563">{}</text>"##,
                escape(label),
                ly = base + 16.0
            ));
        }
    }
    out.push_str(&format!(
        r##"<path d="{path}" fill="none" stroke="#2563eb" stroke-width="2"/>"##
    ));
    out.push_str("</svg>");
    out
}

/// A Lorenz (Pareto) curve from points (share of customers, share of amount), both in 0..=1,
/// with the diagonal of perfect equality.
pub fn lorenz_chart(title: &str, points: &[(f64, f64)]) -> String {
    let (w, h, pad) = (330.0_f64, 330.0_f64, 50.0_f64);
    let side = w - 2.0 * pad;
    let px = |x: f64| pad + x.clamp(0.0, 1.0) * side;
    let py = |y: f64| h - pad - y.clamp(0.0, 1.0) * side;
    let mut out = format!(
        r#"<svg viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = escape(title)
    );
    out.push_str(&format!(
        r##"<rect x="{pad}" y="{pad}" width="{side}" height="{side}" fill="none" stroke="#d1d5db"/><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#9aa3ad" stroke-dasharray="4 4"/>"##,
        px(0.0),
        py(0.0),
        px(1.0),
        py(1.0)
    ));
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        out.push_str(&format!(
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#4b5563">{:.0} %</text><text x="{}" y="{}" text-anchor="end" font-size="10" fill="#4b5563">{:.0} %</text>"##,
            px(t),
            h - pad + 13.0,
            t * 100.0,
            pad - 4.0,
            py(t) + 3.0,
            t * 100.0
        ));
    }
    let mut path = format!("M{:.1},{:.1} ", px(0.0), py(0.0));
    for (x, y) in points {
        path.push_str(&format!("L{:.1},{:.1} ", px(*x), py(*y)));
    }
    out.push_str(&format!(
        r##"<path d="{path}" fill="none" stroke="#c2410c" stroke-width="2"/>"##
    ));
    out.push_str(&format!(
        r##"<text x="{}" y="{}" font-size="11" fill="#4b5563">customers, smallest overdue first →</text><text x="11" y="{}" font-size="11" fill="#4b5563" transform="rotate(-90 11 {})">share of overdue →</text>"##,
        pad,
        h - 10.0,
        h / 2.0 + 40.0,
        h / 2.0 + 40.0
    ));
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped() {
        let svg = bar_chart(
            "t",
            &[Bar {
                label: "<script>".into(),
                value: 1.0,
                text: "1 & 2".into(),
            }],
            9,
            "EUR",
        );
        assert!(svg.contains("&lt;script&gt;") && svg.contains("1 &amp; 2"));
        assert!(!svg.contains("<script>"));
    }

    #[test]
    fn value_axes_have_round_ticks() {
        assert_eq!(ticks(94.49), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(
            ticks(371_597.23),
            vec![0.0, 100_000.0, 200_000.0, 300_000.0, 400_000.0]
        );
        assert_eq!(ticks(0.0), vec![0.0, 1.0]);
        assert_eq!(tick_label(300_000.0), "300\u{202f}000");
        assert_eq!(tick_label(2.5), "2.5");
        let svg = line_chart(
            "t",
            &[
                ("2026-05".into(), Some(60.0)),
                ("2026-06".into(), Some(94.5)),
            ],
            "days",
        );
        assert!(svg.contains(">100</text>") && svg.contains(">days</text>"));
    }

    #[test]
    fn empty_inputs_do_not_panic() {
        assert!(bar_chart("t", &[], 0, "EUR").starts_with("<svg"));
        assert!(line_chart("t", &[], "days").starts_with("<svg"));
        assert!(lorenz_chart("t", &[]).starts_with("<svg"));
    }
}
