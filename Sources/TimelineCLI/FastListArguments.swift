import TimelineCore

/// A hand-written reader for the common, well-formed `timeline list …` command lines.
///
/// swift-argument-parser builds its picture of every option by reflection, which costs more than
/// the rest of a small `list` put together (measured with callgrind: about 60% of the instructions
/// of `timeline list` on the seed). This reader takes exactly list's options, in both `--name value`
/// and `--name=value` forms; anything else — help, an unknown option, a bad value, an option given
/// twice — returns nil, and swift-argument-parser reads the line and reports as usual. Tests check
/// both readers agree.
///
/// It keeps to arrays and switches: the first `Set<String>` of a run makes the runtime build its
/// metadata, looking up String's Hashable conformance by scanning every conformance in the binary
/// (up to 2% of the instructions of a small `list`).
enum FastListArguments {
    static func parse(_ arguments: [String]) -> ListInvocation? {
        var tokens = arguments[...]
        var invocation = ListInvocation()
        var seen: [String] = []
        var sawCommand = false
        while let token = tokens.popFirst() {
            // The command's name may come before or after the options (`timeline --db x list`).
            if token == "list" && !sawCommand {
                sawCommand = true
                continue
            }
            guard token.hasPrefix("--") else { return nil }
            var name = token
            var inlineValue: String?
            if let equals = token.firstIndex(of: "=") {
                name = String(token[..<equals])
                inlineValue = String(token[token.index(after: equals)...])
            }
            func value() -> String? {
                if let inlineValue { return inlineValue }
                guard let next = tokens.first, !next.hasPrefix("-") else { return nil }
                tokens = tokens.dropFirst()
                return next
            }
            if !Self.isRepeatable(name) {
                guard !seen.contains(name) else { return nil }
                seen.append(name)
            }
            switch name {
            case "--within", "--related", "--rank", "--reverse":
                guard inlineValue == nil else { return nil }
                switch name {
                case "--within": invocation.filters.within = true
                case "--related": invocation.filters.related = true
                case "--rank": invocation.filters.rank = true
                default: invocation.filters.reverse = true
                }
            default:
                guard let value = value() else { return nil }
                switch name {
                case "--db": invocation.db = value
                case "--busy-timeout-ms":
                    guard let number = Int32(value), CountOption.busyTimeout.accepts(Int(number)) else { return nil }
                    invocation.busyTimeoutMilliseconds = number
                case "--from": invocation.filters.from = value
                case "--to": invocation.filters.to = value
                case "--on": invocation.filters.on = value
                case "--as-of": invocation.filters.asOf = value
                case "--today": invocation.filters.today = value
                case "--search": invocation.filters.search = value
                case "--kind": invocation.filters.kind.append(value)
                case "--entity": invocation.filters.entity.append(value)
                case "--tag": invocation.filters.tag.append(value)
                case "--status":
                    guard let status = EventStatus(argument: value) else { return nil }
                    invocation.filters.status.append(status)
                case "--limit":
                    guard let number = Int(value), CountOption.limit.accepts(number) else { return nil }
                    invocation.filters.limit = number
                case "--offset":
                    guard let number = Int(value), CountOption.offset.accepts(number) else { return nil }
                    invocation.filters.offset = number
                case "--by":
                    guard let field = EventQuery.DateField(rawValue: value) else { return nil }
                    invocation.dateField = field
                case "--format":
                    guard let format = OutputFormat(argument: value) else { return nil }
                    invocation.format = format
                case "--lang":
                    guard let lang = DateDisplayLanguage(rawValue: value) else { return nil }
                    invocation.lang = lang
                default:
                    return nil
                }
            }
        }
        // The cross-option rule swift-argument-parser's validation applies.
        if invocation.filters.on != nil && (invocation.filters.from != nil || invocation.filters.to != nil) { return nil }
        return invocation
    }

    /// The options that may be given more than once.
    private static func isRepeatable(_ name: String) -> Bool {
        switch name {
        case "--kind", "--entity", "--status", "--tag": return true
        default: return false
        }
    }
}
