/// Walks a string a grapheme cluster at a time, with each one's display
/// width, the fast way for ASCII: an ASCII byte followed by ASCII (or the
/// end) is a whole cluster, so grapheme breaking runs only around other text.
/// (Frames are composed every 33 ms: this is the inner loop of every write.)
enum Clusters {
    struct Cluster {
        /// The byte when the cluster is a single ASCII character, else nil.
        var ascii: UInt8?
        /// The cluster when it is not a single ASCII character.
        var character: Character?
        var width: Int
        /// The UTF-8 offset just past the cluster.
        var end: Int
    }

    /// Calls `body` with each cluster of `text` in order until it returns false.
    static func walk(_ text: String, _ body: (Cluster) -> Bool) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte < 0x80 && (offset + 1 == bytes.count || bytes[offset + 1] < 0x80) {
                    offset += 1
                    guard body(Cluster(ascii: byte, character: nil, width: byte >= 0x20 && byte < 0x7F ? 1 : 0, end: offset)) else { return }
                    continue
                }
                let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
                let character = text[start...].first!
                offset += character.utf8.count
                guard body(Cluster(ascii: nil, character: character, width: DisplayWidth.of(character), end: offset)) else { return }
            }
        }
    }
}
