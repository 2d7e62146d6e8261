import Testing
@testable import SQLiteStorage

@Suite struct StatementTests {
    let database: Database

    init() throws {
        database = try Database(path: "", mode: .inMemory)
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, b BLOB)")
    }

    @Test func bindsAndReadsEveryStorageClassByIndex() throws {
        let insert = try database.prepare("INSERT INTO t (i, r, s, b) VALUES (?1, ?2, ?3, ?4)")
        try insert.run([.integer(Int64.max), .real(0.1), .text("é « » 🙂 עברית"), .blob([0, 1, 255])])
        try insert.run([nil, nil, nil, nil])
        let rows = try database.prepare("SELECT i, r, s, b FROM t ORDER BY id").map { row in
            [row.value(at: 0), row.value(at: 1), row.value(at: 2), row.value(at: 3)]
        }
        #expect(rows[0] == [.integer(Int64.max), .real(0.1), .text("é « » 🙂 עברית"), .blob([0, 1, 255])])
        #expect(rows[1] == [.null, .null, .null, .null])
    }

    @Test func bindsByName() throws {
        let insert = try database.prepare("INSERT INTO t (i, s) VALUES (:number, :label)")
        try insert.bind(named: [":number": 42, ":label": "forty-two"])
        try insert.step()
        let row = try database.prepare("SELECT i, s FROM t").first { ($0.int64(at: 0), $0.text(at: 1)) }
        #expect(row?.0 == 42)
        #expect(row?.1 == "forty-two")
    }

    @Test func parametersAreNamedAsWrittenAndUnboundOnesFound() throws {
        let statement = try database.prepare("SELECT ?, :a, ?3, @b")
        #expect(statement.parameterCount == 4)
        #expect((1...5).map { statement.parameterName(at: $0) } == [nil, ":a", "?3", "@b", nil])
        #expect(statement.unboundParameterName(bound: ["a", "3", "b"]) == "?1")
        // A bare `?` counts as bound when its number is.
        #expect(statement.unboundParameterName(bound: ["1", "a", "b"]) == "?3")
        #expect(statement.unboundParameterName(bound: ["1", "a", "3", "b"]) == nil)
        // Told which numbers the program reads, the bare `?` still counts.
        #expect(try statement.unboundParameterName(bound: ["a", "3", "b"], used: { try database.parameterNumbersRead(by: "SELECT ?, :a, ?3, @b") }) == "?1")
    }

    /// `?3` alone makes three slots; the two below it are no parameters of the query.
    @Test func slotsBelowANumberedParameterAreNoParameters() throws {
        let sql = "SELECT ?3, ?5 + 1"
        let statement = try database.prepare(sql)
        #expect(statement.parameterCount == 5)
        #expect(try database.parameterNumbersRead(by: sql) == [3, 5])
        #expect(try statement.unboundParameterName(bound: ["3", "5"], used: { try database.parameterNumbersRead(by: sql) }) == nil)
        #expect(try statement.unboundParameterName(bound: ["3"], used: { try database.parameterNumbersRead(by: sql) }) == "?5")
        #expect(statement.unboundParameterName(bound: ["3", "5"]) == "?1", "without the numbers read, every slot counts")
    }

    @Test func unknownParameterNameIsAnErrorNamingIt() throws {
        let insert = try database.prepare("INSERT INTO t (i) VALUES (:number)")
        let error = try #require(throws: SQLiteError.self) { try insert.bind(named: [":missing": 1]) }
        #expect(error.message.contains(":missing"))
    }

    @Test func wrongArgumentCountIsAnError() throws {
        let insert = try database.prepare("INSERT INTO t (i, s) VALUES (?1, ?2)")
        #expect(throws: SQLiteError.self) { try insert.run([1]) }
    }

    @Test func textWithNULAndEmbeddedQuotesRoundTrips() throws {
        let text = "a\u{0}b'c\"d\r\n"
        try database.execute("INSERT INTO t (s) VALUES (?1)", [.text(text)])
        #expect(try database.scalar("SELECT s FROM t") == .text(text))
        #expect(try database.scalar("SELECT length(CAST(s AS BLOB)) FROM t") == .integer(Int64(text.utf8.count)))
    }

    @Test func bindsTextWithoutCopyFromABuffer() throws {
        let bytes = Array("from a parser's buffer".utf8)
        let insert = try database.prepare("INSERT INTO t (s) VALUES (?1)")
        try bytes.withUnsafeBytes { buffer in
            try insert.bindTextNoCopy(buffer, at: 1)
            try insert.step()
        }
        #expect(try database.scalar("SELECT s FROM t") == .text("from a parser's buffer"))
    }

    @Test func typedReadsAndOptionalReads() throws {
        try database.execute("INSERT INTO t (i, r, s) VALUES (7, 2.5, NULL)")
        let statement = try database.prepare("SELECT i, r, s FROM t")
        #expect(try statement.step())
        #expect(statement.int(at: 0) == 7)
        #expect(statement.double(at: 1) == 2.5)
        #expect(statement.optionalText(at: 2) == nil)
        #expect(statement.columnNames == ["i", "r", "s"])
        #expect(try statement.step() == false)
    }

    @Test func statementCacheReturnsTheSamePreparedStatementReset() throws {
        let first = try database.cachedStatement("SELECT count(*) FROM t")
        #expect(try first.step())
        let second = try database.cachedStatement("SELECT count(*) FROM t")
        #expect(first === second)
        #expect(try second.step())
        #expect(second.int(at: 0) == 0)
    }

    /// The cache is a short list, then a Dictionary: the same statement comes back for the same
    /// SQL however many are cached.
    @Test func statementCacheKeepsEveryStatementPastItsShortList() throws {
        let sqls = (0..<40).map { "SELECT \($0) FROM t" }
        let first = try sqls.map { try database.cachedStatement($0) }
        for (index, sql) in sqls.enumerated() {
            let again = try database.cachedStatement(sql)
            #expect(again === first[index], "\(sql)")
        }
        #expect(Set(first.map(ObjectIdentifier.init)).count == sqls.count)
        let literals: [StaticString] = [
            "SELECT 1", "SELECT 2", "SELECT 3", "SELECT 4", "SELECT 5", "SELECT 6", "SELECT 7", "SELECT 8", "SELECT 9",
            "SELECT 10", "SELECT 11", "SELECT 12", "SELECT 13", "SELECT 14", "SELECT 15", "SELECT 16", "SELECT 17",
            "SELECT 18", "SELECT 19", "SELECT 20",
        ]
        let literalStatements = try literals.map { try database.statement($0) }
        for (index, literal) in literals.enumerated() {
            let again = try database.statement(literal)
            #expect(again === literalStatements[index])
            #expect(try again.step())
            #expect(again.int(at: 0) == index + 1)
        }
    }

    @Test func prepareRefusesTwoStatements() throws {
        let error = try #require(throws: SQLiteError.self) { try database.prepare("SELECT 1; SELECT 2") }
        #expect(error.message.contains("more than one statement"))
    }
}
