import Foundation

/// The one way gameday writes JSON: Codable values with their keys sorted (the same
/// value is always the same text), slashes left alone, and the numbers JSON cannot
/// hold (infinities, NaN) spelled out, so that encoding never fails. Recordings,
/// session files, the wire, the projector page and the command line's reports use it.
public enum JSONText {
    private static let compact = makeEncoder([.sortedKeys, .withoutEscapingSlashes])
    private static let indented = makeEncoder([.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])

    private static func makeEncoder(_ formatting: JSONEncoder.OutputFormatting) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// The value as UTF-8 JSON: one line, or indented when `pretty`.
    public static func data(_ value: some Encodable, pretty: Bool = false) -> Data {
        do {
            return try (pretty ? indented : compact).encode(value)
        } catch {
            // Unreachable: with every number encodable, JSONEncoder refuses only values
            // whose own `encode(to:)` throws, and gameday's never do.
            preconditionFailure("a \(type(of: value)) did not encode as JSON: \(error)")
        }
    }

    /// The value as JSON text: one line, or indented when `pretty`.
    public static func string(_ value: some Encodable, pretty: Bool = false) -> String {
        String(decoding: data(value, pretty: pretty), as: UTF8.self)
    }
}
