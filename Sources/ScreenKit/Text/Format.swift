/// Number and time formats for the panes, cheap enough to run every frame
/// (no Foundation formatters).
public enum Format {
    /// 1234567 → "1,234,567".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// A count in at most five characters: 950, 30.5k, 1.2M.
    public static func compact(_ n: Int) -> String {
        let m = n.magnitude
        let sign = n < 0 ? "-" : ""
        if m < 1_000 { return sign + "\(m)" }
        if m < 1_000_000 { return sign + fixed(Double(m) / 1_000, m < 10_000 ? 1 : 0) + "k" }
        return sign + fixed(Double(m) / 1_000_000, m < 10_000_000 ? 1 : 0) + "M"
    }

    /// A number with `decimals` places (0…3), grouped: 1234.56 → "1,234.6".
    public static func fixed(_ x: Double, _ decimals: Int = 1) -> String {
        guard x.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        var text = grouped(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return x < 0 && scaled > 0 ? "-" + text : text
    }

    /// A signed number: "+12.3" or "-4.1"; one that rounds to zero is plain "0.0", never "-0.0".
    public static func signed(_ x: Double, _ decimals: Int = 1) -> String {
        let text = fixed(x, decimals)
        if !text.contains(where: { $0 != "0" && $0 != "." && $0 != "-" }) { return fixed(0, decimals) }
        return (x > 0 ? "+" : "") + text
    }

    public static func percent(_ fraction: Double) -> String {
        let p = fraction * 100
        return p > 0 && p < 0.1 ? "<0.1%" : fixed(p, p < 10 ? 1 : 0) + "%"
    }

    /// Milliseconds as "85ms", "1.2s" or "12s".
    public static func latency(_ ms: Double) -> String {
        if ms < 1_000 { return "\(Int(ms.rounded()))ms" }
        return fixed(ms / 1_000, ms < 10_000 ? 1 : 0) + "s"
    }

    /// Seconds as "45s", "3m05s" or "1h02m".
    public static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3_600 { return "\(s / 60)m\(pad(s % 60))s" }
        return "\(s / 3_600)h\(pad(s / 60 % 60))m"
    }

    /// Pads or cuts `text` to exactly `width` display columns (cut text ends
    /// with the first character of `ellipsis`). A wide character is never
    /// split: when only half of it would fit, a space takes that column.
    public static func fit(_ text: String, _ width: Int, ellipsis: String = "…", alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let count = DisplayWidth.of(text)
        if count > width {
            let mark = ellipsis.first.map { DisplayWidth.of($0) <= width ? String($0) : "" } ?? ""
            let markWidth = DisplayWidth.of(mark)
            var (cut, used) = prefix(text, columns: width - markWidth)
            cut += mark
            used += markWidth
            return used < width ? cut + String(repeating: " ", count: width - used) : cut
        }
        let padding = String(repeating: " ", count: width - count)
        return alignRight ? padding + text : text + padding
    }

    /// The longest start of `text` at most `columns` wide, and its width.
    static func prefix(_ text: String, columns: Int) -> (String, Int) {
        var used = 0
        var end = 0
        Clusters.walk(text) { cluster in
            guard used + cluster.width <= columns else { return false }
            used += cluster.width
            end = cluster.end
            return true
        }
        return (String(text.utf8.prefix(end))!, used)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
