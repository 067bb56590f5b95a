extension ColorDepth {
    /// The depth a terminal type implies, for a terminal that cannot be asked
    /// (an SSH client sends its TERM and nothing else unless told to):
    /// `*-direct`, `*truecolor*`, `*24bit*` and terminals known to draw RGB
    /// (kitty, alacritty, foot, wezterm) → truecolor; `*256color*` → 256;
    /// `linux`, `ansi`, `screen`, `tmux`, `cons25` → 8; `dumb`, `vt52`, `vt100`,
    /// `vt220` and no TERM → monochrome; any other (`xterm`, `rxvt`, `putty`…) → 16.
    /// `COLORTERM=truecolor|24bit` raises it to truecolor, `NO_COLOR` (any
    /// value) or `noColor` lowers it to monochrome.
    public static func forTerminal(type term: String, environment: [String: String] = [:], noColor: Bool = false) -> ColorDepth {
        if noColor || environment["NO_COLOR"] != nil { return .monochrome }
        let name = term.lowercased()
        let base = name.split(separator: "-").first.map(String.init) ?? name
        let monochrome: Set<String> = ["", "dumb", "unknown", "vt52", "vt100", "vt102", "vt220", "vt320"]
        if monochrome.contains(name) || monochrome.contains(base) { return .monochrome }
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorterm == "truecolor" || colorterm == "24bit" { return .trueColor }
        if name.hasSuffix("-direct") || name.contains("truecolor") || name.contains("24bit") { return .trueColor }
        if ["xterm-kitty", "alacritty", "foot", "wezterm"].contains(name) { return .trueColor }
        if name.contains("256color") || name.contains("256colour") { return .indexed256 }
        if name.contains("88color") || name.contains("16color") { return .basic16 }
        if ["linux", "ansi", "screen", "tmux", "cons25"].contains(base) { return .basic8 }
        return .basic16
    }
}
