/// One character cell: a character (a whole grapheme cluster, so an emoji
/// with its variation selector or a letter with its combining marks stays
/// together), the role that styles it and extra attributes.
///
/// A character two columns wide takes two cells: the first holds it, the
/// second is a continuation cell (a space with `isContinuation` set) that
/// renderers skip and `CellBuffer.text` leaves out.
///
/// A cell is a plain value (its first scalar and the rest of the cluster
/// inline, see `ClusterTail`), so a frame's cells fill, copy and free
/// without reference counting: composing a frame stays fast.
public struct Cell: Sendable, Hashable {
    /// The character's first scalar: all of it when `isSingleScalar`.
    /// Setting it makes the character that one scalar.
    public var scalar: Unicode.Scalar {
        get { base }
        set { (base, tail) = (newValue, .empty) }
    }
    private var base: Unicode.Scalar
    private var tail: ClusterTail
    public var role: Role
    public var attributes: CellAttributes
    /// Whether this is the right half of the wide character in the cell before it.
    public internal(set) var isContinuation = false

    public init(_ character: Character = " ", role: Role = .text, attributes: CellAttributes = []) {
        (base, tail) = Self.split(character)
        self.role = role
        self.attributes = attributes
    }

    /// A cell of one scalar (border and sparkline glyphs). Literals pick the `Character` initialiser.
    @_disfavoredOverload
    public init(_ scalar: Unicode.Scalar, role: Role = .text, attributes: CellAttributes = []) {
        base = scalar
        tail = .empty
        self.role = role
        self.attributes = attributes
    }

    public static let blank = Cell()

    /// The character in the cell (a space in a continuation cell).
    public var character: Character {
        get {
            guard !tail.isEmpty else { return Character(base) }
            var text = String(base)
            tail.append(to: &text)
            return Character(text)
        }
        set { (base, tail) = Self.split(newValue) }
    }

    /// Whether the character is a single scalar (then `scalar` is all of it).
    public var isSingleScalar: Bool { tail.isEmpty }

    private static func split(_ character: Character) -> (Unicode.Scalar, ClusterTail) {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        return (first, scalars.index(after: scalars.startIndex) == scalars.endIndex ? .empty : ClusterTail(after: scalars))
    }

    /// The right half of a wide character styled like its left half.
    static func continuation(of lead: Cell) -> Cell {
        var cell = Cell(" " as Unicode.Scalar, role: lead.role, attributes: lead.attributes)
        cell.isContinuation = true
        return cell
    }

    /// The cell blanked to a space, keeping its style (what is left of a wide
    /// character when its other half is overwritten).
    var blanked: Cell { Cell(" " as Unicode.Scalar, role: role, attributes: attributes) }

    /// The columns the character takes (see `DisplayWidth`).
    var width: Int { tail.isEmpty ? DisplayWidth.of(scalar) : DisplayWidth.of(character) }

    /// Whether the character is a single ASCII scalar.
    var isASCII: Bool { tail.isEmpty && scalar.isASCII }
}

/// A rectangle of cells, in columns and rows.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The area inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}
