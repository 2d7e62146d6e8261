// libFuzzer target: the date parser (`TimelineDate.parse(_:context:)`, `TimelineDate(edtf:)`, display).
//
// Built by Fuzz/run.sh together with Sources/TimelineCore/Dates/*.swift only, in one module.
// Properties (each violation traps with a message naming the input):
// - nothing crashes;
// - a date that parses has earliest <= latest when it has both, and is consistent (a single date
//   has both days and a precision other than interval; an interval has precision interval);
// - its normalised `edtf` read back with the strict `TimelineDate(edtf:)` (and with `parse`) gives
//   the same date: earliest, latest, precision, qualifiers, interval ends;
// - when the raw bytes are valid UTF-8 and the strict reader accepts them, `parse` agrees with it;
// - `display(.english)` and `display(.french)` do not crash, are not empty, and read back with
//   `parse` as the same days, precision and qualifiers.

let fuzzContext = DateParsingContext(reference: CalendarDay(iso: "2022-09-12"), today: CalendarDay(iso: "2026-11-27"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    DateFuzzChecks.run(bytes)
    return 0
}

enum DateFuzzChecks {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Lossy: invalid UTF-8 becomes U+FFFD.
        let lossy = String(decoding: bytes, as: UTF8.self)
        checkParse(lossy)
        // Exact: only when the bytes are UTF-8 as they stand (then the same text as `lossy`);
        // through the strict reader, which must agree with `parse` when it accepts the text.
        if let exact = String(validating: bytes, as: UTF8.self) {
            if let strict = try? TimelineDate(edtf: exact) {
                checkDate(strict, input: exact, how: "TimelineDate(edtf:)")
                guard let parsed = try? TimelineDate.parse(exact, context: fuzzContext) else {
                    fail("TimelineDate(edtf:) reads it but parse refuses it", input: exact)
                }
                expectSame(parsed, strict, "parse disagrees with TimelineDate(edtf:)", input: exact)
            }
        }
    }

    static func checkParse(_ text: String) {
        guard let date = try? TimelineDate.parse(text, context: fuzzContext) else { return }
        checkDate(date, input: text, how: "parse")
    }

    static func checkDate(_ date: TimelineDate, input: String, how: String) {
        checkShape(date, input: input, how: how)
        // The normalised EDTF reads back strictly as the same date…
        let again: TimelineDate
        do {
            again = try TimelineDate(edtf: date.edtf)
        } catch {
            fail("\(how) gave edtf '\(date.edtf)', which TimelineDate(edtf:) refuses: \(error)", input: input)
        }
        expectSame(again, date, "TimelineDate(edtf: '\(date.edtf)') differs from the \(how) result", input: input)
        // … and through parse.
        guard let reparsed = try? TimelineDate.parse(date.edtf, context: fuzzContext) else {
            fail("parse refuses the normalised edtf '\(date.edtf)'", input: input)
        }
        expectSame(reparsed, date, "parse('\(date.edtf)') differs from the \(how) result", input: input)
        // Display, in both languages; what it prints reads back as the same span.
        for language in DateDisplayLanguage.allCases {
            let shown = date.display(language)
            if shown.isEmpty { fail("display(\(language)) of '\(date.edtf)' is empty", input: input) }
            do {
                let back = try TimelineDate.parse(shown, context: fuzzContext)
                expectSameSpan(back, date, "display(\(language)) of '\(date.edtf)' is '\(shown)', which reads as '\(back.edtf)'", input: input)
            } catch {
                fail("display(\(language)) of '\(date.edtf)' is '\(shown)', which parse refuses: \(error)", input: input)
            }
        }
    }

    static func checkShape(_ date: TimelineDate, input: String, how: String) {
        if let earliest = date.earliest, let latest = date.latest, latest < earliest {
            fail("\(how) gave '\(date.edtf)' with latest \(latest) before earliest \(earliest)", input: input)
        }
        if date.isInterval {
            if date.precision != .interval { fail("interval '\(date.edtf)' has precision \(date.precision)", input: input) }
            if date.startKind == nil || date.endKind == nil { fail("interval '\(date.edtf)' lacks an end kind", input: input) }
            if (date.startKind == .date) != (date.start != nil) || (date.endKind == .date) != (date.end != nil) {
                fail("interval '\(date.edtf)' has end kinds that disagree with its ends", input: input)
            }
            if date.start == nil && date.end == nil { fail("interval '\(date.edtf)' has no date at either end", input: input) }
            if date.start?.earliest != date.earliest || date.end?.latest != date.latest {
                fail("interval '\(date.edtf)' has earliest/latest that are not its ends'", input: input)
            }
            for side in [date.start, date.end].compactMap({ $0 }) {
                if side.isInterval { fail("interval '\(date.edtf)' has an interval as an end", input: input) }
                checkShape(side, input: input, how: how)
            }
        } else {
            if date.precision == .interval { fail("single date '\(date.edtf)' has precision interval", input: input) }
            if date.earliest == nil || date.latest == nil { fail("single date '\(date.edtf)' lacks a day", input: input) }
        }
    }

    /// The same days, precision and qualifiers (the EDTF may be written differently: `2019-12-XX`, `2019-12`).
    static func expectSameSpan(_ actual: TimelineDate, _ expected: TimelineDate, _ what: String, input: String) {
        if actual.earliest != expected.earliest || actual.latest != expected.latest || actual.precision != expected.precision
            || actual.approximate != expected.approximate || actual.uncertain != expected.uncertain {
            fail(what, input: input)
        }
    }

    static func expectSame(_ actual: TimelineDate, _ expected: TimelineDate, _ what: String, input: String) {
        var differences: [String] = []
        if actual.earliest != expected.earliest { differences.append("earliest \(String(describing: actual.earliest)) vs \(String(describing: expected.earliest))") }
        if actual.latest != expected.latest { differences.append("latest \(String(describing: actual.latest)) vs \(String(describing: expected.latest))") }
        if actual.precision != expected.precision { differences.append("precision \(actual.precision) vs \(expected.precision)") }
        if actual.approximate != expected.approximate { differences.append("approximate \(actual.approximate) vs \(expected.approximate)") }
        if actual.uncertain != expected.uncertain { differences.append("uncertain \(actual.uncertain) vs \(expected.uncertain)") }
        if actual.isInterval != expected.isInterval { differences.append("isInterval \(actual.isInterval) vs \(expected.isInterval)") }
        if actual.startKind != expected.startKind || actual.endKind != expected.endKind { differences.append("interval end kinds") }
        if actual.edtf != expected.edtf { differences.append("edtf '\(actual.edtf)' vs '\(expected.edtf)'") }
        if actual != expected && differences.isEmpty { differences.append("interval ends") }
        if !differences.isEmpty { fail(what + ": " + differences.joined(separator: ", "), input: input) }
    }

    static func fail(_ message: String, input: String) -> Never {
        fatalError("date fuzz property violated: \(message) [input: \(input.debugDescription)]")
    }
}
