import Testing
@testable import TimelineCore

/// One expected reading of a date text: every property a parse must get right.
struct DateVector: Sendable, CustomTestStringConvertible {
    let input: String
    let edtf: String
    let earliest: String?
    let latest: String?
    let precision: DatePrecision
    let approximate: Bool
    let uncertain: Bool

    /// `qualifier` is the EDTF one: "~", "?", "%" or "".
    init(_ input: String, _ edtf: String, _ earliest: String?, _ latest: String?, _ precision: DatePrecision,
         _ qualifier: String = "") {
        self.input = input
        self.edtf = edtf
        self.earliest = earliest
        self.latest = latest
        self.precision = precision
        self.approximate = qualifier == "~" || qualifier == "%"
        self.uncertain = qualifier == "?" || qualifier == "%"
    }

    var testDescription: String { "'\(input)' → \(edtf)" }

    /// Records an issue for each property of `date` that differs from the vector.
    func check(_ date: TimelineDate, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(date.edtf == edtf, "edtf of '\(input)'", sourceLocation: sourceLocation)
        #expect(date.earliest?.iso == earliest, "earliest of '\(input)'", sourceLocation: sourceLocation)
        #expect(date.latest?.iso == latest, "latest of '\(input)'", sourceLocation: sourceLocation)
        #expect(date.precision == precision, "precision of '\(input)'", sourceLocation: sourceLocation)
        #expect(date.approximate == approximate, "approximate of '\(input)'", sourceLocation: sourceLocation)
        #expect(date.uncertain == uncertain, "uncertain of '\(input)'", sourceLocation: sourceLocation)
        #expect(date.isInterval == (precision == .interval), "isInterval of '\(input)'", sourceLocation: sourceLocation)
    }
}

/// A text that must not parse, and words its error's reason must contain.
struct InvalidDateVector: Sendable, CustomTestStringConvertible {
    let input: String
    let reasonContains: String

    init(_ input: String, _ reasonContains: String) {
        self.input = input
        self.reasonContains = reasonContains
    }

    var testDescription: String { "'\(input)' fails" }

    /// Checks that parsing fails with an error naming the input and giving the expected reason.
    func expectParseFailure(context: DateParsingContext = .init(),
                            sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let date = try TimelineDate.parse(input, context: context)
            Issue.record("'\(input)' parsed as \(date.edtf) but should fail", sourceLocation: sourceLocation)
        } catch {
            #expect(error.reason.contains(reasonContains),
                    "reason for '\(input)': \(error.reason)", sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("'"), sourceLocation: sourceLocation)
            #expect(error.description.hasSuffix("."), sourceLocation: sourceLocation)
        }
    }
}
