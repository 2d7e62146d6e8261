import ArgumentParser

/// The words after `sql -p`: parameters as `NAME VALUE` or `NAME=VALUE`, any number of them.
///
/// swift-argument-parser gives `-p` every word up to the next option, so a query written after
/// the parameters (`sql -p n 5 "SELECT :n"`) arrives among them, and a value that starts with
/// '-' (`-1`) does not arrive at all: it reads as an option. `NAME=VALUE` carries such a value.
struct SQLParameterWords {
    private(set) var pairs: [(name: String, value: String)] = []
    /// The last word, when it is left without a value: the query, if none was given elsewhere.
    private(set) var leftover: String?

    init(_ words: [String]) throws {
        var index = 0
        while index < words.count {
            let word = words[index]
            if let equals = word.firstIndex(of: "="), Self.isName(word[..<equals]) {
                pairs.append((String(word[..<equals]), String(word[word.index(after: equals)...])))
                index += 1
            } else if word.hasPrefix("=") {
                throw ValidationError("-p \(word) has no name before its '='; write -p NAME=VALUE.")
            } else if index + 1 == words.count {
                leftover = word
                index += 1
            } else {
                guard Self.isName(word[...]) else {
                    throw ValidationError(Self.notAName(word, "; give each parameter as NAME VALUE or NAME=VALUE."))
                }
                pairs.append((word, words[index + 1]))
                index += 2
            }
        }
    }

    /// Why a last word with no value is wrong when the query was given elsewhere.
    static func missingValue(after word: String) -> String {
        guard isName(word[...]) else { return notAName(word, ", and timeline sql runs one query.") }
        return "-p \(word) has no value: write -p \(word) VALUE, or -p \(word)=VALUE when the value starts with '-' (as -1 does)."
    }

    private static func notAName(_ word: String, _ rest: String) -> String {
        "-p: '\(word)' is no parameter name (letters, digits and _)" + rest
    }

    /// A parameter's name as SQLite writes it after `:`, `@` or `$` (which may lead it here too):
    /// letters, digits and '_'.
    static func isName(_ text: Substring) -> Bool {
        var name = text
        if let first = name.first, first == ":" || first == "@" || first == "$" { name = name.dropFirst() }
        return !name.isEmpty && name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}
