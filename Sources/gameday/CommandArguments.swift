/// The command line before swift-argument-parser sees it. The parser removes
/// each argument it consumes from an array, O(n) apiece, so n repeated options
/// cost O(n²): 8,000 `--command` took 6 s. The values of `simulate --command`
/// are taken out here in one pass, and handed to the command after parsing.
enum CommandArguments {
    /// Removes every `NAME VALUE` and `NAME=VALUE` from `arguments` (up to a `--`)
    /// and returns the values in order. A trailing `NAME` without a value stays,
    /// for the parser to report.
    static func extract(_ name: String, from arguments: inout [String]) -> [String] {
        var values: [String] = []
        var kept: [String] = []
        kept.reserveCapacity(arguments.count)
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                kept += arguments[index...]
                break
            }
            if argument == name, index + 1 < arguments.count {
                values.append(arguments[index + 1])
                index += 2
                continue
            }
            if argument.hasPrefix(name + "=") {
                values.append(String(argument.dropFirst(name.count + 1)))
                index += 1
                continue
            }
            kept.append(argument)
            index += 1
        }
        arguments = kept
        return values
    }
}
