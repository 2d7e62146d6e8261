import CSQLite

/// A statement of a script failed: SQLite's error and the line the statement starts on.
public struct ScriptError: Error, Sendable, CustomStringConvertible {
    public let error: SQLiteError
    /// 1-based line of the failing statement's first character in the script.
    public let line: Int

    public var description: String { "line \(line): \(error.description)" }
}

extension Database {
    /// Runs a script statement by statement, so a failure can name the line it happened on.
    public func executeScript(_ script: String) throws(ScriptError) {
        var utf8 = Array(script.utf8)
        utf8.append(0)
        let count = utf8.count - 1
        try utf8.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(ScriptError) in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var offset = 0
            while offset < count {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let start = base + offset
                let code = sqlite3_prepare_v2(handle, start, Int32(count - offset), &statement, &tail)
                let statementStart = offset + leadingTrivia(buffer, from: offset)
                guard code == SQLITE_OK else {
                    throw ScriptError(
                        error: SQLiteError(connection: handle, resultCode: code, sql: text(buffer, from: statementStart, to: count)),
                        line: lineNumber(buffer, at: statementStart))
                }
                let next = tail.map { $0 - base } ?? count
                defer {
                    sqlite3_finalize(statement)
                    offset = next
                }
                guard let statement else { continue }  // only comments or spaces left
                var stepCode = sqlite3_step(statement)
                while stepCode == SQLITE_ROW { stepCode = sqlite3_step(statement) }
                if stepCode != SQLITE_DONE {
                    throw ScriptError(
                        error: SQLiteError(connection: handle, resultCode: stepCode, sql: text(buffer, from: statementStart, to: next)),
                        line: lineNumber(buffer, at: statementStart))
                }
            }
        }
    }

    /// Spaces and comments before a statement, which SQLite skips, so lines point at the statement.
    private func leadingTrivia(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var index = offset
        let end = buffer.count - 1
        while index < end {
            let byte = buffer[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                index += 1
            } else if byte == UInt8(ascii: "-"), index + 1 < end, buffer[index + 1] == UInt8(ascii: "-") {
                while index < end && buffer[index] != 0x0A { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < end, buffer[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < end && !(buffer[index] == UInt8(ascii: "*") && buffer[index + 1] == UInt8(ascii: "/")) { index += 1 }
                index = min(end, index + 2)
            } else {
                break
            }
        }
        return index - offset
    }

    private func lineNumber(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        var line = 1
        for index in 0..<min(offset, buffer.count) where buffer[index] == 0x0A { line += 1 }
        return line
    }

    private func text(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<max(start, min(end, buffer.count - 1))]), as: UTF8.self)
    }
}
