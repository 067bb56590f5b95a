extension Format {
    /// Splits text into lines of at most `width` display columns at spaces (a
    /// run of spaces is one break; "\n" starts a new paragraph); a word wider
    /// than a line is broken between characters, and a character wider than
    /// the line gets a line of its own.
    ///
    /// One pass over the text's bytes with `Clusters.walk`: panes wrap quest
    /// titles and inspector lines in every frame of every console a host draws.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var text = text
        text.makeContiguousUTF8()
        var wrap = WordWrap(width: width)
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            Clusters.walk(text) { cluster in
                let byte = cluster.ascii ?? (cluster.character == "\n" ? 0x0A : cluster.character == " " ? 0x20 : 0xFF)
                switch byte {
                case 0x0A: wrap.endParagraph(bytes)
                case 0x20: wrap.endWord(bytes)
                default: wrap.add(start: start, end: cluster.end, width: cluster.width)
                }
                start = cluster.end
                return true
            }
            wrap.endParagraph(bytes)
        }
        return wrap.lines
    }
}

/// The state of `Format.wrap`: the line being filled and the word being read,
/// as byte ranges of the text.
private struct WordWrap {
    let width: Int
    var lines: [String] = []
    var line: [UInt8] = []
    var lineWidth = 0
    /// The current word's clusters: where each ends in the text, and its width.
    var word: [(start: Int, end: Int, width: Int)] = []
    var wordWidth = 0

    init(width: Int) { self.width = width }

    mutating func add(start: Int, end: Int, width: Int) {
        word.append((start, end, width))
        wordWidth += width
    }

    /// A word ends: on the line when it fits, else on a new one (broken when wider than a line).
    mutating func endWord(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = word.first, let last = word.last else { return }
        if line.isEmpty {
            line.append(contentsOf: bytes[first.start..<last.end])
            lineWidth = wordWidth
        } else if lineWidth + 1 + wordWidth <= width {
            line.append(0x20)
            line.append(contentsOf: bytes[first.start..<last.end])
            lineWidth += 1 + wordWidth
        } else {
            lines.append(String(decoding: line, as: UTF8.self))
            line = Array(bytes[first.start..<last.end])
            lineWidth = wordWidth
        }
        // Only a word alone on its line can be wider than the line.
        var next = 0
        while lineWidth > width {
            var used = 0, end = next
            while end < word.count, used + word[end].width <= width {
                used += word[end].width
                end += 1
            }
            if end == next {
                used = word[next].width
                end = next + 1
            }
            lines.append(String(decoding: bytes[word[next].start..<word[end - 1].end], as: UTF8.self))
            lineWidth -= used
            next = end
            line = next < word.count ? Array(bytes[word[next].start..<last.end]) : []
        }
        word.removeAll(keepingCapacity: true)
        wordWidth = 0
    }

    mutating func endParagraph(_ bytes: UnsafeBufferPointer<UInt8>) {
        endWord(bytes)
        lines.append(String(decoding: line, as: UTF8.self))
        line.removeAll(keepingCapacity: true)
        lineWidth = 0
    }
}
