extension TerminalInputDecoder {
    /// A CSI sequence after ESC [ (from `start`): its input and length; nil while incomplete.
    static func csi(_ bytes: [UInt8], at start: Int, final: Bool) -> (TerminalInput?, Int)? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case 0x5B: // ESC [ [ A … E: F1–F5 on the Linux console
            guard start + 1 < bytes.count else { return nil }
            let key = bytes[start + 1]
            return ((0x41...0x45).contains(key) ? functionKey(Int(key) - 0x41 + 1) : .unknown, 2)
        case 0x4D: // ESC [ M b x y: an X10 mouse report, three raw bytes
            guard start + 3 < bytes.count else { return nil }
            let code = Int(bytes[start + 1]) - 32, x = Int(bytes[start + 2]) - 33, y = Int(bytes[start + 3]) - 33
            // Button 3 is "released" (X10 does not say which); wheel steps set 64.
            let released = code & 3 == 3 && code & 64 == 0
            return (mouse(button: released ? code & ~3 : code, x: x, y: y, isPress: !released), 4)
        default: break
        }
        var index = start
        while index < bytes.count, (0x20...0x3F).contains(bytes[index]) {
            index += 1
            if index - start > maxSequenceBytes { return (.unknown, index - start) }
        }
        guard index < bytes.count else { return nil }
        let finalByte = bytes[index]
        // A control byte inside a sequence ends it: the sequence was garbage.
        guard (0x40...0x7E).contains(finalByte) else { return (.unknown, index - start) }
        let parameterText = String(decoding: bytes[start..<index], as: UTF8.self)
        return (interpret(parameterText, final: finalByte), index - start + 1)
    }

    private static func interpret(_ parameterText: String, final: UInt8) -> TerminalInput? {
        if parameterText.hasPrefix("<") {
            guard final == 0x4D || final == 0x6D else { return .unknown }
            let numbers = parameterText.dropFirst().split(separator: ";").map { Int($0) ?? -1 }
            guard numbers.count == 3, numbers.allSatisfy({ $0 >= 0 && $0 < 100_000 }) else { return .unknown }
            return mouse(button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1, isPress: final == 0x4D)
        }
        guard parameterText.allSatisfy({ $0.isNumber || $0 == ";" }) else { return .unknown }
        let numbers = parameterText.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 1 }
        // xterm's modifiers: 1 + (shift 1, alt 2, ctrl 4, meta 8) in the second number.
        let modifiers = numbers.count >= 2 ? max(0, numbers[1] - 1) : 0
        let alt = modifiers & 2 != 0 || modifiers & 8 != 0
        func key(_ key: Key) -> TerminalInput { alt ? .alt(key) : .key(key) }
        switch final {
        case 0x41: return key(.up)
        case 0x42: return key(.down)
        case 0x43: return key(.right)
        case 0x44: return key(.left)
        case 0x48: return key(.home)
        case 0x46: return key(.end)
        case 0x5A: return .key(.backTab)
        case 0x50...0x53: return modifiers == 0 || !alt ? functionKey(Int(final) - 0x50 + 1) : .unknown
        case 0x7E:
            switch numbers.first ?? 0 {
            case 1, 7: return key(.home)
            case 4, 8: return key(.end)
            case 3: return key(.delete)
            case 5: return key(.pageUp)
            case 6: return key(.pageDown)
            case 11...15: return functionKey(numbers[0] - 10)
            case 17...21: return functionKey(numbers[0] - 11)
            case 23, 24: return functionKey(numbers[0] - 12)
            case 200: return .paste("")
            default: return .unknown
            }
        default: return .unknown
        }
    }

    static func functionKey(_ number: Int) -> TerminalInput { number == 1 ? .key(.f1) : .function(number) }

    /// A mouse report: a left press is a click; a wheel step and the rest are reports.
    static func mouse(button: Int, x: Int, y: Int, isPress: Bool) -> TerminalInput {
        guard x >= 0, y >= 0 else { return .unknown }
        if button & 64 != 0 { return .mouse(MouseReport(x: x, y: y, button: 0, isPress: true, wheel: button & 1 == 0 ? -1 : 1)) }
        // Motion with a button held (a drag) is not a click.
        if button & 32 != 0 { return .mouse(MouseReport(x: x, y: y, button: button & 3, isPress: false)) }
        if isPress && button & 3 == 0 { return .key(.click(x: x, y: y)) }
        return .mouse(MouseReport(x: x, y: y, button: button & 3, isPress: isPress))
    }
}
