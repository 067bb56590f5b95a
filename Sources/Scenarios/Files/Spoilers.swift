import Yams

/// What `gameday scenarios show` prints without `--spoilers`: the scenario file
/// as written, minus what the team is not told — unannounced timeline faults and
/// spikes, and the random deck — with a line that says how much was left out.
public enum Spoilers {
    public static func redacted(_ text: String) -> String {
        guard let root = try? Yams.compose(yaml: text), let top = root.mapping else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Line ranges (0-based, half open) to drop, and what they held.
        var drop: [Range<Int>] = []
        var hiddenFaults = 0, hiddenSpikes = 0, hasDeck = false
        let keys = top.map { $0.key }
        func startLine(_ node: Node) -> Int { (node.mark?.line ?? 1) - 1 }
        func nextTopLine(after key: Node) -> Int {
            let later = keys.map(startLine).filter { $0 > startLine(key) }
            return later.min() ?? lines.count
        }
        func hideUnannounced(in list: Node, end: Int, count: inout Int) {
            guard let items = list.sequence.map(Array.init) else { return }
            for (n, item) in items.enumerated() where item.mapping?["announced"]?.bool != true {
                // A "- " item starts two columns before its first key.
                let from = startLine(item), to = n + 1 < items.count ? startLine(items[n + 1]) : end
                drop.append(from..<max(from + 1, to))
                count += 1
            }
        }
        for (key, value) in top {
            switch key.string {
            case "timeline"?:
                let before = hiddenFaults
                hideUnannounced(in: value, end: nextTopLine(after: key), count: &hiddenFaults)
                // Nothing left to show: drop the key too, so the file stays valid.
                if hiddenFaults - before == (value.sequence?.count ?? 0) { drop.append(startLine(key)..<startLine(key) + 1) }
            case "deck"?:
                hasDeck = true
                drop.append(startLine(key)..<nextTopLine(after: key))
            case "traffic"?:
                if let spikes = value.mapping?["spikes"] {
                    let end = value.mapping?.map { startLine($0.key) }.filter { $0 > startLine(spikes) }.min() ?? nextTopLine(after: key)
                    hideUnannounced(in: spikes, end: end, count: &hiddenSpikes)
                }
            default: break
            }
        }
        for range in drop.sorted(by: { $0.lowerBound > $1.lowerBound }) where range.upperBound <= lines.count {
            lines.removeSubrange(range)
        }
        var hidden: [String] = []
        if hiddenFaults > 0 { hidden.append("\(hiddenFaults) unannounced fault\(hiddenFaults == 1 ? "" : "s")") }
        if hiddenSpikes > 0 { hidden.append("\(hiddenSpikes) unannounced traffic spike\(hiddenSpikes == 1 ? "" : "s")") }
        if hasDeck { hidden.append("a deck of random faults") }
        guard !hidden.isEmpty else { return text }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return (lines + ["", "# Not shown: \(hidden.joined(separator: ", ")). They are part of the game; see them with --spoilers."])
            .joined(separator: "\n")
    }
}
