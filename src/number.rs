//! Numbers as text, with integer arithmetic: no float formatting reaches the
//! module. Below both the data (its error messages) and `format` (the
//! reader's numbers), so neither imports the other's direction.

/// A value as a plain machine-readable number: "180000", "8.2", "133300".
pub fn plain_number(value: f64) -> String {
    fixed(value, decimals_of(value))
}

/// Fewest decimals (at most 2) that show the value exactly.
pub fn decimals_of(value: f64) -> usize {
    (0..=2)
        .find(|&d| {
            let scale = 10f64.powi(d as i32);
            ((value * scale).round() - value * scale).abs() < 1e-6
        })
        .unwrap_or(2)
}

/// `value` with exactly `decimals` decimals (at most 3), rounded half away
/// from zero. Integer arithmetic on purpose: it keeps core's float
/// formatting (~16 KB) out of the wasm module.
pub fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let decimals = decimals.min(3);
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64 + 0.5).floor() as u64;
    let negative = value < 0.0 && scaled > 0;
    let (int, frac) = (scaled / scale, scaled % scale);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&int.to_string());
    if decimals > 0 {
        out.push('.');
        let digits = frac.to_string();
        out.push_str(&"0".repeat(decimals - digits.len()));
        out.push_str(&digits);
    }
    out
}
