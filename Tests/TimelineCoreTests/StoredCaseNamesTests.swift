import Testing
@testable import TimelineCore

/// Stored status and stance names are matched on their bytes, as `init(rawValue:)` would match them.
@Suite struct StoredCaseNamesTests {
    private func value<Case>(_ names: StoredCaseNames<Case>, _ text: String) -> Case? {
        Array(text.utf8).withUnsafeBufferPointer { names.value(named: $0) }
    }

    @Test func everyCaseIsFoundByItsName() {
        for status in EventStatus.allCases { #expect(value(EventStatus.storedNames, status.rawValue) == status) }
        for stance in Citation.Stance.allCases { #expect(value(Citation.Stance.storedNames, stance.rawValue) == stance) }
    }

    @Test func otherBytesMatchNothing() {
        for text in ["", "occurre", "occurredd", "Occurred", "correctz", "supports ", "contradict"] {
            #expect(value(EventStatus.storedNames, text) == nil && value(Citation.Stance.storedNames, text) == nil, "\(text)")
        }
    }
}
