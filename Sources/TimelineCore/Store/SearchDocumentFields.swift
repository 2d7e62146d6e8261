import SQLiteStorage

/// A search document's four fields, as the index's columns take them, in UTF-8: valid only while
/// the call that hands them over runs.
typealias SearchDocumentFields = (
    title: UnsafeRawBufferPointer, summary: UnsafeRawBufferPointer, quotes: UnsafeRawBufferPointer, names: UnsafeRawBufferPointer
)

extension Statement {
    /// Runs an insert of a search document once: `rowID` bound to `?1` and the fields to `?2`
    /// to `?5`, without copying them; reset after.
    func insertSearchDocument(_ rowID: Int64, _ fields: SearchDocumentFields) throws {
        try bind(rowID, at: 1)
        try bindTextNoCopy(fields.title, at: 2)
        try bindTextNoCopy(fields.summary, at: 3)
        try bindTextNoCopy(fields.quotes, at: 4)
        try bindTextNoCopy(fields.names, at: 5)
        defer { reset() }
        try step()
    }
}
