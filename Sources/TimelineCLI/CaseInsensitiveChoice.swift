import ArgumentParser

/// A choice among lower-case words (`--format csv`), read in any case: `CSV` is `csv`, as kinds,
/// statuses and an import's field names are.
public protocol CaseInsensitiveChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseInsensitiveChoice {
    public init?(argument: String) {
        let word = argument.lowercased()
        guard let choice = Self.allCases.first(where: { $0.rawValue == word }) else { return nil }
        self = choice
    }
}
