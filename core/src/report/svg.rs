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

/// A vertical bar chart; the last bars can be highlighted (the oldest buckets of an aging).
pub fn bar_chart(title: &str, bars: &[Bar], highlight_from: usize) -> String {
    let (w, h, pad, base) = (640.0_f64, 260.0_f64, 40.0_f64, 210.0_f64);
    let n = bars.len().max(1) as f64;
    let slot = (w - 2.0 * pad) / n;
    let max = bars
        .iter()
        .map(|b| b.value)
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    let mut out = format!(
        r#"<svg viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = escape(title)
    );
    out.push_str(&format!(
        r##"<line x1="{pad}" y1="{base}" x2="{x2}" y2="{base}" stroke="#9aa3ad"/>"##,
        x2 = w - pad
    ));
    for (i, b) in bars.iter().enumerate() {
        let bh = (b.value.max(0.0) / max) * (base - 40.0);
        let x = pad + slot * i as f64 + slot * 0.15;
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

/// A line chart of labelled points (e.g. DSO month by month); `None` values leave a gap.
pub fn line_chart(title: &str, points: &[(String, Option<f64>)], unit: &str) -> String {
    let (w, h, pad, base) = (640.0_f64, 240.0_f64, 44.0_f64, 200.0_f64);
    let n = points.len().max(2) as f64;
    let step = (w - 2.0 * pad) / (n - 1.0);
    let max = points
        .iter()
        .filter_map(|p| p.1)
        .fold(0.0_f64, f64::max)
        .max(1.0)
        * 1.15;
    let y = |v: f64| base - (v / max) * (base - 20.0);
    let mut out = format!(
        r#"<svg viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = escape(title)
    );
    out.push_str(&format!(
        r##"<line x1="{pad}" y1="{base}" x2="{x2}" y2="{base}" stroke="#9aa3ad"/>"##,
        x2 = w - pad
    ));
    let mut path = String::new();
    let mut pen_up = true;
    for (i, (label, v)) in points.iter().enumerate() {
        let x = pad + step * i as f64;
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
    out.push_str(&format!(
        r##"<text x="{pad}" y="14" font-size="11" fill="#4b5563">{} (max {:.0})</text>"##,
        escape(unit),
        max / 1.15
    ));
    out.push_str("</svg>");
    out
}

/// A Lorenz (Pareto) curve from points (share of customers, share of amount), both in 0..=1,
/// with the diagonal of perfect equality.
pub fn lorenz_chart(title: &str, points: &[(f64, f64)]) -> String {
    let (w, h, pad) = (320.0_f64, 320.0_f64, 36.0_f64);
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
    let mut path = format!("M{:.1},{:.1} ", px(0.0), py(0.0));
    for (x, y) in points {
        path.push_str(&format!("L{:.1},{:.1} ", px(*x), py(*y)));
    }
    out.push_str(&format!(
        r##"<path d="{path}" fill="none" stroke="#c2410c" stroke-width="2"/>"##
    ));
    out.push_str(&format!(
        r##"<text x="{}" y="{}" font-size="11" fill="#4b5563">customers, smallest overdue first →</text><text x="12" y="{}" font-size="11" fill="#4b5563" transform="rotate(-90 12 {})">share of overdue →</text>"##,
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
        );
        assert!(svg.contains("&lt;script&gt;") && svg.contains("1 &amp; 2"));
        assert!(!svg.contains("<script>"));
    }

    #[test]
    fn empty_inputs_do_not_panic() {
        assert!(bar_chart("t", &[], 0).starts_with("<svg"));
        assert!(line_chart("t", &[], "days").starts_with("<svg"));
        assert!(lorenz_chart("t", &[]).starts_with("<svg"));
    }
}
