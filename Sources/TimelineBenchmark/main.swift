// timeline-benchmark: in-process figures for the date-range query.
//
//   timeline-benchmark --db PATH [--ranges M] [--width DAYS] [--seed S] [--json]
//
// Runs M seeded random ranges (each `--width` days, starting on the earliest day of a randomly
// picked event, so ranges follow the data's density) through TimelineCore's public
// `TimelineStore.forEachEvent(matching: EventQuery(from:to:))`, and beside it a plain C-API loop
// (sqlite3_prepare_v3 / bind / step / column_* straight from CSQLite) over the SAME SQL the core
// runs: before timing, each range is run once through the core with an SQLite trace on its
// connection, which records every statement it ran (its SQL and the values bound); the C loop then
// replays that log: each distinct SQL prepared once, then for every execution reset, bind, step
// through all rows and read every column. So the C loop follows the core's SQL as it changes.
// The two alternate (core first on even ranges, C first on odd ones); prints p50 and p99 per
// query for both and their ratio, and with --json one line of JSON for Benchmarks/run.py.

import CSQLite
import Foundation
import SQLiteStorage
import TimelineCore

// MARK: - Options

struct Options {
    var db = ""
    var ranges = 200
    var width = 30
    var seed: UInt64 = 1
    var json = false
    var repeats = 1
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    func value(_ name: String) -> String {
        guard let next = arguments.popFirst() else {
            FileHandle.standardError.write("timeline-benchmark: \(name) needs a value.\n".data(using: .utf8)!)
            exit(64)
        }
        return next
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--db": options.db = value(argument)
        case "--ranges": options.ranges = Int(value(argument)) ?? options.ranges
        case "--width": options.width = Int(value(argument)) ?? options.width
        case "--seed": options.seed = UInt64(value(argument)) ?? options.seed
        case "--repeats": options.repeats = max(1, Int(value(argument)) ?? 1)
        case "--json": options.json = true
        case "-h", "--help":
            print("usage: timeline-benchmark --db PATH [--ranges M] [--width DAYS] [--seed S] [--repeats R] [--json]")
            exit(0)
        default:
            FileHandle.standardError.write("timeline-benchmark: unknown argument \(argument).\n".data(using: .utf8)!)
            exit(64)
        }
    }
    if options.db.isEmpty {
        FileHandle.standardError.write("timeline-benchmark: give the database with --db PATH.\n".data(using: .utf8)!)
        exit(64)
    }
    return options
}

/// SplitMix64: small, seeded, the same everywhere.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func fail(_ message: String) -> Never {
    FileHandle.standardError.write("timeline-benchmark: \(message)\n".data(using: .utf8)!)
    exit(70)
}

// MARK: - Capturing the core's connection and its statements

/// A value bound to a statement, as read back from sqlite3_expanded_sql.
enum Bound {
    case null, integer(Int64), real(Double), text(String), blob([UInt8])
}

/// One execution of one statement: its SQL (with parameters) and the values bound.
struct Execution {
    let sql: String
    let values: [Int: Bound]
}

nonisolated(unsafe) var coreConnection: OpaquePointer?
nonisolated(unsafe) var recording = false
nonisolated(unsafe) var recorded: [Execution] = []

/// Called by SQLite for every connection opened after registration: keeps the first (the core's).
let captureConnection: @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeRawPointer?) -> Int32 = { db, _, _ in
    if coreConnection == nil { coreConnection = db }
    return SQLITE_OK
}

let traceStatement: @convention(c) (UInt32, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Int32 = { _, _, statementPointer, textPointer in
    guard recording, let statementPointer else { return 0 }
    // Trigger sub-programs are reported as "-- ..." comments: not statements of the core's.
    if let textPointer, textPointer.assumingMemoryBound(to: CChar.self).pointee == 0x2D { return 0 }
    let statement = OpaquePointer(statementPointer)
    guard let template = sqlite3_sql(statement).map({ String(cString: $0) }) else { return 0 }
    // Virtual tables (the R*Tree, FTS5) read their shadow tables with SQL of their own, naming
    // them 'main'.'table': SQLite runs those inside the core's statements, and the C loop's
    // statements run them again by themselves, so they are not replayed.
    if template.contains("'main'.'") || template.contains("\"main\".\"") { return 0 }
    // The core reads in one transaction of its own; the C loop runs in one too (see `run`).
    if template.hasPrefix("BEGIN") || template.hasPrefix("COMMIT") || template.hasPrefix("ROLLBACK") { return 0 }
    var values: [Int: Bound] = [:]
    if sqlite3_bind_parameter_count(statement) > 0, let expanded = sqlite3_expanded_sql(statement) {
        values = boundValues(template: template, expanded: String(cString: expanded))
        sqlite3_free(expanded)
    }
    recorded.append(Execution(sql: template, values: values))
    return 0
}

/// Reads the bound values back by walking the SQL and its expanded form side by side: where the
/// SQL has `?N` (or `?`), the expanded text has the literal SQLite put there.
func boundValues(template: String, expanded: String) -> [Int: Bound] {
    let t = Array(template.utf8), x = Array(expanded.utf8)
    var i = 0, j = 0, nextIndex = 1
    var values: [Int: Bound] = [:]
    while i < t.count && j < x.count {
        let c = t[i]
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
            // A literal or quoted name of the SQL itself: identical in both.
            let quote = c
            repeat {
                i += 1; j += 1
                if i < t.count && t[i] == quote {
                    if i + 1 < t.count && t[i + 1] == quote { i += 1; j += 1; continue }
                    break
                }
            } while i < t.count
            i += 1; j += 1
            continue
        }
        if c == UInt8(ascii: "?") {
            i += 1
            var number = 0
            var hasNumber = false
            while i < t.count, t[i] >= 0x30, t[i] <= 0x39 {
                number = number * 10 + Int(t[i] - 0x30)
                hasNumber = true
                i += 1
            }
            let index = hasNumber ? number : nextIndex
            nextIndex = index + 1
            // The literal at x[j...].
            if x[j] == UInt8(ascii: "'") {
                var bytes: [UInt8] = []
                j += 1
                while j < x.count {
                    if x[j] == UInt8(ascii: "'") {
                        if j + 1 < x.count && x[j + 1] == UInt8(ascii: "'") { bytes.append(x[j]); j += 2; continue }
                        j += 1
                        break
                    }
                    bytes.append(x[j]); j += 1
                }
                if values[index] == nil { values[index] = .text(String(decoding: bytes, as: UTF8.self)) }
            } else if x[j] == UInt8(ascii: "x") && j + 1 < x.count && x[j + 1] == UInt8(ascii: "'") {
                j += 2
                var bytes: [UInt8] = []
                while j + 1 < x.count && x[j] != UInt8(ascii: "'") {
                    let hex = String(decoding: x[j...j + 1], as: UTF8.self)
                    bytes.append(UInt8(hex, radix: 16) ?? 0)
                    j += 2
                }
                j += 1
                if values[index] == nil { values[index] = .blob(bytes) }
            } else {
                var k = j
                while k < x.count, x[k] == UInt8(ascii: "-") || x[k] == UInt8(ascii: "+") || x[k] == UInt8(ascii: ".")
                        || (x[k] >= 0x30 && x[k] <= 0x39) || x[k] == UInt8(ascii: "e") || x[k] == UInt8(ascii: "E")
                        || (x[k] >= 0x41 && x[k] <= 0x5A) {
                    k += 1
                }
                let literal = String(decoding: x[j..<k], as: UTF8.self)
                j = k
                if values[index] == nil {
                    if literal == "NULL" {
                        values[index] = .null
                    } else if let integer = Int64(literal) {
                        values[index] = .integer(integer)
                    } else {
                        values[index] = .real(Double(literal) ?? 0)
                    }
                }
            }
            continue
        }
        i += 1; j += 1
    }
    return values
}

// MARK: - The plain C loop

final class CLoop {
    let db: OpaquePointer
    var statements: [String: OpaquePointer] = [:]

    init(path: String) {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle else {
            fail("cannot open \(path) for the C loop.")
        }
        db = handle
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(db)
    }

    func statement(_ sql: String) -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK, let statement else {
            fail("the C loop cannot prepare: \(String(cString: sqlite3_errmsg(db))) in \(sql)")
        }
        statements[sql] = statement
        return statement
    }

    /// One execution ready to run: the prepared statement and the values to bind, in order.
    struct Step {
        let statement: OpaquePointer
        let values: [(Int32, Bound)]
    }

    /// Prepares (once per distinct SQL) what a log runs, so the timed loop is only SQLite calls.
    func compile(_ log: [Execution]) -> [Step] {
        log.map { execution in
            Step(statement: statement(execution.sql),
                 values: execution.values.sorted { $0.key < $1.key }.map { (Int32($0.key), $0.value) })
        }
    }

    /// Binds and runs one execution to the end, reading every column; returns its rows.
    @inline(__always)
    func execute(_ step: Step, _ bytes: inout Int) -> Int {
        let statement = step.statement
        bind(step)
        var rows = 0
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { fail("the C loop failed: \(String(cString: sqlite3_errmsg(db)))") }
            rows += 1
            readColumns(statement, &bytes)
        }
        sqlite3_reset(statement)
        return rows
    }

    @inline(__always)
    func bind(_ step: Step) {
        let statement = step.statement
        sqlite3_reset(statement)
        for (i, value) in step.values {
            switch value {
            case .null: sqlite3_bind_null(statement, i)
            case .integer(let v): sqlite3_bind_int64(statement, i, v)
            case .real(let v): sqlite3_bind_double(statement, i, v)
            case .text(let v): sqlite3_bind_text(statement, i, v, -1, csqlite_transient())
            case .blob(let v): sqlite3_bind_blob(statement, i, v, Int32(v.count), csqlite_transient())
            }
        }
    }

    @inline(__always)
    func readColumns(_ statement: OpaquePointer, _ bytes: inout Int) {
        for column in 0..<sqlite3_column_count(statement) {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: bytes &+= Int(truncatingIfNeeded: sqlite3_column_int64(statement, column)) & 1
            case SQLITE_FLOAT: bytes &+= Int(sqlite3_column_double(statement, column)) & 1
            case SQLITE_NULL: break
            case SQLITE_BLOB:
                _ = sqlite3_column_blob(statement, column)
                bytes &+= Int(sqlite3_column_bytes(statement, column))
            default:
                if let text = sqlite3_column_text(statement, column) { bytes &+= Int(text.pointee) }
                bytes &+= Int(sqlite3_column_bytes(statement, column))
            }
        }
    }

    /// Runs the steps as the core did: the first statement (the ids) stays open while, after each of
    /// its rows, that row's share of the others runs (so all of it is one read transaction, as in the
    /// core). When the log does not split evenly by row, runs it in order inside BEGIN … COMMIT.
    /// Returns (rows of the first statement, a checksum) so nothing is optimised away.
    func run(_ steps: [Step], rowsExpected: Int) -> (rows: Int, bytes: Int) {
        var bytes = 0
        guard let main = steps.first else { return (0, 0) }
        if rowsExpected > 0 && (steps.count - 1) % rowsExpected == 0 {
            let perRow = (steps.count - 1) / rowsExpected
            bind(main)
            var rows = 0
            var next = 1
            while true {
                let code = sqlite3_step(main.statement)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { fail("the C loop failed: \(String(cString: sqlite3_errmsg(db)))") }
                rows += 1
                readColumns(main.statement, &bytes)
                for _ in 0..<perRow where next < steps.count {
                    _ = execute(steps[next], &bytes)
                    next += 1
                }
            }
            sqlite3_reset(main.statement)
            return (rows, bytes)
        }
        sqlite3_exec(db, "BEGIN", nil, nil, nil)
        let rows = execute(main, &bytes)
        for step in steps.dropFirst() { _ = execute(step, &bytes) }
        sqlite3_exec(db, "COMMIT", nil, nil, nil)
        return (rows, bytes)
    }
}

// MARK: - Statistics

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = p / 100 * Double(sorted.count - 1)
    let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
}

func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}

// MARK: - Main

let options = parseOptions()
_ = sqlite3_auto_extension(unsafeBitCast(captureConnection, to: (@convention(c) () -> Void).self))
let store: TimelineStore
do {
    // As `list` opens it: without cell checks (see `Database.init`).
    store = try TimelineStore(path: options.db, checkingCells: false)
} catch {
    fail("cannot open \(options.db): \(error)")
}
sqlite3_reset_auto_extension()
guard let connection = coreConnection else { fail("could not capture the core's SQLite connection.") }
sqlite3_trace_v2(connection, UInt32(SQLITE_TRACE_STMT), traceStatement, nil)

// Seeded ranges, starting on the earliest day of random events.
let cloop = CLoop(path: options.db)
let maxID: Int64 = {
    let statement = cloop.statement("SELECT max(id) FROM events")
    defer { sqlite3_reset(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW else { return 0 }
    return sqlite3_column_int64(statement, 0)
}()
guard maxID > 0 else { fail("the database has no events.") }
var generator = SeededGenerator(state: options.seed)
var ranges: [(CalendarDay, CalendarDay)] = []
let startOf = cloop.statement("SELECT when_earliest FROM events WHERE id >= ?1 AND when_earliest IS NOT NULL ORDER BY id LIMIT 1")
while ranges.count < options.ranges {
    let id = Int64.random(in: 1...maxID, using: &generator)
    sqlite3_reset(startOf)
    sqlite3_bind_int64(startOf, 1, id)
    guard sqlite3_step(startOf) == SQLITE_ROW, let text = sqlite3_column_text(startOf, 0),
          let from = CalendarDay(iso: String(cString: text)) else { continue }
    ranges.append((from, CalendarDay(dayNumber: from.dayNumber + options.width - 1)))
}
sqlite3_reset(startOf)

// Record what the core runs for each range (untimed; this also warms both connections' caches).
var logs: [[CLoop.Step]] = []
var expectedRows: [Int] = []
var matches: [Int] = []
var distinctSQL: [String] = []
for (from, to) in ranges {
    recorded = []
    recording = true
    var count = 0
    do {
        try store.forEachEvent(matching: EventQuery(from: from, to: to)) { _ in count += 1 }
    } catch {
        fail("the core's query failed: \(error)")
    }
    recording = false
    let steps = cloop.compile(recorded)
    logs.append(steps)
    expectedRows.append(count)
    matches.append(count)
    for execution in recorded where !distinctSQL.contains(execution.sql) { distinctSQL.append(execution.sql) }
    let replay = cloop.run(steps, rowsExpected: count)
    if replay.rows != count {
        fail("the C loop's replay found \(replay.rows) rows where the core found \(count) events (\(from.iso) … \(to.iso)).")
    }
}
sqlite3_trace_v2(connection, 0, nil, nil)

// Timed: alternate the core and the C loop, range by range.
var coreTimes: [Double] = []
var cTimes: [Double] = []
var sink = 0
for _ in 0..<options.repeats {
    for (index, range) in ranges.enumerated() {
        func timeCore() {
            let start = now()
            var count = 0
            do {
                try store.forEachEvent(matching: EventQuery(from: range.0, to: range.1)) { event in
                    count += event.title.utf8.count
                }
            } catch {
                fail("the core's query failed: \(error)")
            }
            coreTimes.append(Double(now() - start) / 1e3)
            sink &+= count
        }
        func timeC() {
            let start = now()
            let result = cloop.run(logs[index], rowsExpected: expectedRows[index])
            cTimes.append(Double(now() - start) / 1e3)
            sink &+= result.bytes
        }
        if index % 2 == 0 { timeCore(); timeC() } else { timeC(); timeCore() }
    }
}

let core = coreTimes.sorted(), c = cTimes.sorted()
let coreP50 = percentile(core, 50), coreP99 = percentile(core, 99)
let cP50 = percentile(c, 50), cP99 = percentile(c, 99)
let sortedMatches = matches.sorted()
let meanMatches = Double(matches.reduce(0, +)) / Double(max(matches.count, 1))
let statementsPerQuery = Double(logs.map(\.count).reduce(0, +)) / Double(max(logs.count, 1))

if options.json {
    let sqlList = distinctSQL.map(jsonString).joined(separator: ",")
    print("""
        {"ranges":\(ranges.count),"repeats":\(options.repeats),"width_days":\(options.width),"seed":\(options.seed),\
        "matches_mean":\(meanMatches),"matches_p50":\(percentile(sortedMatches.map(Double.init), 50)),\
        "matches_max":\(sortedMatches.last ?? 0),"statements_per_query":\(statementsPerQuery),\
        "core_p50_us":\(coreP50),"core_p99_us":\(coreP99),"c_p50_us":\(cP50),"c_p99_us":\(cP99),\
        "ratio_p50":\(cP50 > 0 ? coreP50 / cP50 : 0),"ratio_p99":\(cP99 > 0 ? coreP99 / cP99 : 0),\
        "sqlite_version":\(jsonString(String(cString: sqlite3_libversion()))),"sql":[\(sqlList)],"sink":\(sink & 1)}
        """)
} else {
    print("timeline-benchmark: \(ranges.count) ranges × \(options.repeats) of \(options.width) days (seed \(options.seed)) on \(options.db)")
    print("events matched per range: mean \(String(format: "%.1f", meanMatches)), median \(Int(percentile(sortedMatches.map(Double.init), 50))), max \(sortedMatches.last ?? 0); statements per query: \(String(format: "%.1f", statementsPerQuery))")
    print(String(format: "core (TimelineStore.forEachEvent): p50 %.1f µs  p99 %.1f µs", coreP50, coreP99))
    print(String(format: "C loop (same SQL, sqlite3_*):      p50 %.1f µs  p99 %.1f µs", cP50, cP99))
    print(String(format: "ratio core / C: p50 %.2f  p99 %.2f", cP50 > 0 ? coreP50 / cP50 : 0, cP99 > 0 ? coreP99 / cP99 : 0))
    print("the SQL the core ran (and the C loop replays):")
    for sql in distinctSQL { print("  " + sql.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")) }
}
