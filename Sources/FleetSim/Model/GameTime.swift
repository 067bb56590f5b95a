/// Game time as people read and type it: `01:05:30`, `10m`, `2h`, `90s`.
public enum GameTime {
    /// Formats seconds as HH:MM:SS.
    public static func format(_ seconds: Int) -> String {
        let s = max(0, seconds)
        return "\(pad(s / 3_600)):\(pad(s / 60 % 60)):\(pad(s % 60))"
    }

    /// Formats seconds as MM:SS, or H:MM:SS past an hour (event and log lines).
    public static func short(_ seconds: Int) -> String {
        let s = max(0, seconds)
        return s >= 3_600 ? "\(s / 3_600):\(pad(s / 60 % 60)):\(pad(s % 60))" : "\(pad(s / 60)):\(pad(s % 60))"
    }

    /// Like `short`, one width for the whole game: H:MM:SS from the start when
    /// the game lasts an hour or more, so a column of times never widens.
    public static func short(_ seconds: Int, within gameSeconds: Int) -> String {
        let s = max(0, seconds)
        return gameSeconds >= 3_600 ? "\(s / 3_600):\(pad(s / 60 % 60)):\(pad(s % 60))" : short(s)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A length of time in words for prose: "45 s", "10 min", "2 min 30 s", "1 h 15 min".
    public static func phrase(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s) s" }
        if s < 3_600 { return s % 60 == 0 ? "\(s / 60) min" : "\(s / 60) min \(s % 60) s" }
        return s % 3_600 == 0 ? "\(s / 3_600) h" : "\(s / 3_600) h \(s / 60 % 60) min"
    }

    /// Parses a duration or time of day: `2h`, `90m`, `45s`, `1h30m`, `3600`
    /// (seconds), `MM:SS` or `HH:MM:SS`. Returns nil for anything else.
    public static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: " ")
        guard !t.isEmpty, t.count <= 32 else { return nil }
        if t.contains(":") {
            let parts = t.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count) else { return nil }
            var total = 0
            for (k, part) in parts.enumerated() {
                guard let n = Int(part), n >= 0, part.count <= 4, k == 0 || n < 60 else { return nil }
                total = total * 60 + n
            }
            return total
        }
        if let seconds = Int(t) { return seconds >= 0 ? seconds : nil }
        var total = 0, number = "", sawUnit = false
        for ch in t {
            if ch.isASCII && ch.isNumber {
                number.append(ch)
                continue
            }
            let unit: Int
            switch ch {
            case "h": unit = 3_600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            guard let n = Int(number), n <= 1_000_000 else { return nil }
            total += n * unit
            number = ""
            sawUnit = true
        }
        return sawUnit && number.isEmpty ? total : nil
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
