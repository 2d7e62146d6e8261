/// Names stored in a text column that stand for the cases of an enum, matched on their bytes:
/// reading a row then builds no String for them.
struct StoredCaseNames<Case: RawRepresentable & CaseIterable & Sendable>: Sendable where Case.RawValue == String {
    private let names: [(bytes: [UInt8], value: Case)]

    init() {
        names = Case.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The case named by these UTF-8 bytes, if any.
    func value(named bytes: UnsafeBufferPointer<UInt8>) -> Case? {
        for name in names where name.bytes.count == bytes.count {
            if name.bytes.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return name.value }
        }
        return nil
    }
}

extension EventStatus {
    static let storedNames = StoredCaseNames<EventStatus>()
}

extension Citation.Stance {
    static let storedNames = StoredCaseNames<Citation.Stance>()
}
