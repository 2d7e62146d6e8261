import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// The import's fast paths (records read from bytes, CHECK constraints checked at the end of a
/// load into an empty timeline) against the general ones: the same events, rows and errors.
@Suite struct ImportFastPathTests {
    /// The seed timeline as `export --format csv` writes it, with rows that exercise the reader
    /// and the mapper added: spaces around values, a non-ASCII space, CRLF, a quoted newline.
    static func sampleCSV(in folder: URL) throws -> String {
        let seeded = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        let exported = folder.appendingPathComponent("seed.csv").path
        let output = try TextOutput.file(exported)
        try seeded.writeEvents(matching: EventQuery(), to: EventListWriter(format: .csv, output: output))
        try output.finish()
        var text = try String(contentsOfFile: exported, encoding: .utf8)
        let header = text.prefix { !$0.isNewline }
        let columns = header.split(separator: ",").map(String.init)
        func row(_ values: [String: String]) -> String {
            DelimitedText.csvLine(columns.map { values[$0] ?? "" })
        }
        text += row(["uid": "  spaced-1 ", "kind": " layoff", "title": "\u{A0}Spaced title\u{A0}", "when": " 2022-03 ",
                     "entities": #" [{"slug":"amazon","role":"employer"}] "#, "tags": #"["b","a","b"]"#,
                     "measures": " [] "])
        text += row(["uid": "quoted-newline", "kind": "launch", "title": "Two\nlines, \"quoted\"", "when": "Q2 2021",
                     "summary": "Résumé — «\u{A0}cité\u{A0}»", "entities": #"["Brand New Entity"]"#,
                     "measures": #"[{"quantity":"positions-cut","value":12.50,"unit":"position","entity":"Brand New Entity"}]"#,
                     "sources": #"[{"url":"https://example.org/a","publisher":"Example","published":"2021-05-02","language":"en","type":"news","quote":"q","quote_language":"en"}]"#])
        text += "\r\n" + row(["uid": "", "kind": "other", "title": "No uid", "when": "2020",
                              "sources": #"[{"url":"https://example.org/a"}]"#]).replacingOccurrences(of: "\r\n", with: "\n")
        let path = folder.appendingPathComponent("sample.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func emptyStore(_ path: String) throws -> TimelineStore {
        let store = try TimelineStore(path: path, migrations: .none)
        _ = try store.migrate(skippingSeeds: true)
        store.recordingTime = "2026-01-02T03:04:05.678Z"
        return store
    }

    /// Every row of every table the import writes, and the search and span indexes, as text.
    static func content(of store: TimelineStore) throws -> [String] {
        var rows: [String] = []
        for table in ["entities", "entity_aliases", "sources", "events", "event_entities", "event_tags", "measures", "citations",
                      "event_history", "event_search", "event_spans"] {
            let statement = try store.database.prepare("SELECT * FROM \(table)")
            try statement.forEachRow { row in
                rows.append(table + ": " + (0..<row.columnCount).map { "\(row.value(at: $0))" }.joined(separator: " | "))
            }
        }
        return rows
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-fast-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theFastPathWritesWhatTheGeneralPathWrites() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.sampleCSV(in: folder)

        let fast = try Self.emptyStore(folder.appendingPathComponent("fast.sqlite").path)
        let fastSummary = try Importer(store: fast, path: csv, options: ImportOptions()).run()

        // Mapping a column to itself and skipping invalid records take the general path:
        // a String per field, the mapper's JSON object, CHECK constraints on every insert.
        var general = ImportOptions()
        general.mappings = [("uid", "uid")]
        general.skipInvalid = true
        let plain = try Self.emptyStore(folder.appendingPathComponent("plain.sqlite").path)
        var rejected: [String] = []
        let plainSummary = try Importer(store: plain, path: csv, options: general).run(reject: { rejected.append($0) })

        #expect(rejected.isEmpty)
        #expect(fastSummary == plainSummary)
        #expect(fastSummary.inserted == 18)
        let fastEvents = try fast.events(matching: EventQuery())
        let plainEvents = try plain.events(matching: EventQuery())
        #expect(fastEvents.count == 18)
        for (fastEvent, plainEvent) in zip(fastEvents, plainEvents) {
            #expect(fastEvent == plainEvent)
        }
        #expect(try Self.content(of: fast) == Self.content(of: plain))
        #expect(try fast.database.integrityCheck() == ["ok"])
    }

    /// A file decoded on the writing thread itself (as with one processor) writes what one read
    /// ahead on a thread of its own writes; with a bad record among good ones, both stop at it
    /// with the same message, or skip it with the same rejection.
    @Test func readingInTurnWritesWhatReadingAheadWrites() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.sampleCSV(in: folder)
        var stores: [TimelineStore] = []
        for readsAhead in [true, false] {
            let store = try Self.emptyStore(folder.appendingPathComponent("ahead-\(readsAhead).sqlite").path)
            var options = ImportOptions()
            options.readsAhead = readsAhead
            let importer = try Importer(store: store, path: csv, options: options)
            #expect(try importer.run().inserted == 18)
            #expect(importer.readAhead == readsAhead)
            stores.append(store)
        }
        #expect(try Self.content(of: stores[0]) == Self.content(of: stores[1]))

        let bad = folder.appendingPathComponent("bad.csv").path
        var text = "kind,title,when\n"
        for index in 0..<600 { text += "launch,Ouverture \(index),2020-0\(1 + index % 9)-01\n" }
        text += "launch,Ouverture mauvaise,2020-13-01\n"
        for index in 600..<1_200 { text += "launch,Ouverture \(index),2021-0\(1 + index % 9)-01\n" }
        try text.write(toFile: bad, atomically: true, encoding: .utf8)
        var stopped: [String] = []
        var skipped: [[String]] = []
        for readsAhead in [true, false] {
            let store = try Self.emptyStore(folder.appendingPathComponent("bad-\(readsAhead).sqlite").path)
            var options = ImportOptions()
            options.readsAhead = readsAhead
            let outcome = try Self.stoppedThenSkipped(bad, into: store, options: options)
            stopped += outcome.stopped.map { [$0] } ?? []
            #expect(outcome.summary.inserted == 1_200)
            skipped.append(outcome.rejected)
        }
        #expect(stopped.count == 2 && stopped[0] == stopped[1] && stopped[0].contains("bad.csv:602"), "\(stopped)")
        #expect(skipped[0].count == 1 && skipped[0] == skipped[1], "\(skipped)")
    }

    /// Imports `path`, a file with bad records, into `store`, which has no events: first as is,
    /// which must stop with an error and leave the store without events, then with
    /// `skipInvalid`. The stopping error, the rejections, and the second import and its summary.
    static func stoppedThenSkipped(_ path: String, into store: TimelineStore, options: ImportOptions) throws
        -> (stopped: String?, rejected: [String], importer: Importer, summary: ImportSummary) {
        var stopped: String?
        #expect {
            try Importer(store: store, path: path, options: options).run()
        } throws: { error in
            stopped = "\(error)"
            return true
        }
        #expect(try store.database.scalar("SELECT count(*) FROM events") == .integer(0))
        var skipping = options
        skipping.skipInvalid = true
        var rejected: [String] = []
        let importer = try Importer(store: store, path: path, options: skipping)
        let summary = try importer.run(reject: { rejected.append($0) })
        return (stopped, rejected, importer, summary)
    }

    /// A small file checks foreign keys row by row, a large one once at the end (which reads
    /// every table whole): both write the same rows, into a timeline that has events already,
    /// adding, and then finding them unchanged.
    @Test func foreignKeysCheckedRowByRowWriteWhatTheEndCheckWrites() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let earlier = try Self.plainCSV(count: 40, in: folder)
        let csv = try Self.sampleCSV(in: folder)
        var stores: [TimelineStore] = []
        for (name, atTheEndFrom) in [("row-by-row", Int.max), ("at-the-end", 0)] {
            let store = try Self.emptyStore(folder.appendingPathComponent("\(name).sqlite").path)
            _ = try Importer(store: store, path: earlier, options: ImportOptions()).run()
            for pass in 0..<2 {
                let importer = try Importer(store: store, path: csv, options: ImportOptions())
                importer.foreignKeysAtTheEndSize = atTheEndFrom
                let summary = try importer.run()
                #expect(pass == 0 ? summary.inserted == 18 : summary.unchanged == 18, "\(name), pass \(pass)")
            }
            #expect(try store.database.scalar("PRAGMA foreign_keys") == .integer(1), "on again after the load")
            #expect(try store.database.firstForeignKeyViolation() == nil)
            stores.append(store)
        }
        #expect(try Self.content(of: stores[0]) == Self.content(of: stores[1]))
    }

    /// A file of `count` plain events (kind, title, when), each with a word of its own.
    static func plainCSV(count: Int, in folder: URL) throws -> String {
        var text = "kind,title,when\n"
        for index in 0..<count {
            text += "launch,Ouverture \(index) à Lyon,\(2000 + index % 25)-0\(1 + index % 9)-1\(index % 10)\n"
        }
        let path = folder.appendingPathComponent("plain-\(count).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A load of many events builds the search index with a large buffer of pending terms (in
    /// the timeline, or aside) and the secondary indexes with sorting threads; the settings are
    /// as they were afterwards, and the span index holds every event.
    @Test(arguments: [nil, 2 << 20], [false, true])
    func settingsAreAsBeforeAndEverySpanIsIndexed(hashSize: Int?, aside: Bool) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = Int(BulkLoad.eventsForLargeSearchBuffer) + 1
        let csv = try Self.plainCSV(count: count, in: folder)
        let store = try Self.emptyStore(folder.appendingPathComponent("settings.sqlite").path)
        if let hashSize {
            try store.database.execute("INSERT INTO event_search (event_search, rank) VALUES ('hashsize', \(hashSize))")
        }
        func settings() throws -> [String] {
            try store.database.prepare("SELECT k, v FROM event_search_config ORDER BY k").map { "\($0.text(at: 0))=\($0.value(at: 1))" }
        }
        let before = try settings()
        #expect(before.contains { $0.hasPrefix("hashsize=") } == (hashSize != nil))
        var options = ImportOptions()
        options.searchIndexAsideFrom = aside ? 0 : nil
        let importer = try Importer(store: store, path: csv, options: options)
        #expect(try importer.run().inserted == count)
        #expect(importer.builtSearchIndexAside == aside)
        #expect(try settings() == before)
        #expect(try store.database.scalar("PRAGMA threads") == .integer(0), "no sorting threads after the index builds")
        #expect(try store.events(matching: EventQuery(search: "ouverture 10000")).map(\.title) == ["Ouverture 10000 à Lyon"])
        // The span index of a load into an empty timeline is filled from the (earliest, latest) index.
        func spans(_ table: String) throws -> [String] {
            try store.database.prepare("SELECT id, earliest_day, latest_day FROM \(table) ORDER BY id").map {
                "\($0.int64(at: 0)) \($0.int64(at: 1)) \($0.int64(at: 2))"
            }
        }
        #expect(try spans("event_spans").count == count)
        #expect(try spans("event_spans") == spans("event_span_rows"))
    }

    /// Into an empty timeline the span R*Tree is packed, not filled an insert at a time: SQLite's
    /// own check passes, and ranges find what the plain span rows give, before and after the
    /// triggers' single inserts and deletes of later edits.
    @Test func aLoadIntoAnEmptyTimelinePacksASoundSpanIndex() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "kind,title,when\n"
        let whens = ["2021-03-1%d", "2021-0%d", "2019-2%d", "200%d", "201%d/2021-06-30", "2020-0%d/..", "../2018-0%d", "199%d~"]
        for index in 0..<3_000 {
            text += "launch,Event \(index),\(whens[index % whens.count].replacingOccurrences(of: "%d", with: String(1 + index % 4)))\n"
        }
        let csv = folder.appendingPathComponent("mixed.csv").path
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let store = try Self.emptyStore(folder.appendingPathComponent("spans.sqlite").path)
        #expect(try Importer(store: store, path: csv, options: ImportOptions()).run().inserted == 3_000)
        func check(_ moment: String) throws {
            #expect(try store.database.scalar("SELECT rtreecheck('event_spans')") == .text("ok"), "\(moment)")
            #expect(try store.database.scalar("SELECT count(*) FROM event_spans") == store.database.scalar("SELECT count(*) FROM events"))
            for (from, to) in [("2021-03-12", "2021-03-12"), ("2019", "2019"), ("1990", "1995"), ("2030", "2031"), ("1900", "2100")] {
                let query = EventQuery(from: CalendarDay(iso: from + (from.count == 4 ? "-01-01" : "")),
                                       to: CalendarDay(iso: to + (to.count == 4 ? "-12-31" : "")))
                let found = try store.events(matching: query).map(\.uid).sorted()
                let plain = try store.database.prepare(
                    """
                    SELECT e.uid FROM events AS e JOIN event_span_rows AS s ON s.id = e.id
                    WHERE s.earliest_day <= CAST(julianday(?2) - 2440587.5 AS INTEGER)
                      AND s.latest_day >= CAST(julianday(?1) - 2440587.5 AS INTEGER) ORDER BY e.uid
                    """).map([.text(query.from!.iso), .text(query.to!.iso)]) { $0.text(at: 0) }
                #expect(found == plain, "\(moment): \(from)...\(to)")
                #expect(!found.isEmpty || from == "2030")
            }
        }
        try check("after the load")
        // Packed: full leaves (51 spans) but for the last of each length class, which one insert
        // at a time (leaves split half full) does not give.
        guard case .integer(let nodes)? = try store.database.scalar("SELECT count(*) FROM event_spans_node") else { return }
        #expect(nodes <= 3_000 / 51 + 12 + 3, "\(nodes) nodes")
        for uid in try store.events(matching: EventQuery(limit: 40)).map(\.uid) { try store.remove(uid: uid) }
        for index in 0..<40 {
            _ = try store.save(Event(uid: "later-\(index)", kind: "launch", status: .occurred, title: "Later \(index)",
                                     when: try TimelineDate(edtf: index % 2 == 0 ? "2019-0\(1 + index % 9)" : "2018/2021")))
        }
        try check("after later edits")
    }

    /// Importing a file again adds nothing, and leaves the search index's pages as they were.
    @Test func aSecondImportOfTheSameFileLeavesTheSearchIndexAlone() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.plainCSV(count: Int(BulkLoad.eventsForLargeSearchBuffer) + 1, in: folder)
        let store = try Self.emptyStore(folder.appendingPathComponent("again.sqlite").path)
        _ = try Importer(store: store, path: csv, options: ImportOptions()).run()
        func searchIndex() throws -> [String] {
            try store.database.prepare("SELECT id, hex(block) FROM event_search_data ORDER BY id").map { "\($0.int64(at: 0)) \($0.text(at: 1))" }
                + store.database.prepare("SELECT k, v FROM event_search_config ORDER BY k").map { "\($0.text(at: 0))=\($0.value(at: 1))" }
        }
        let before = try searchIndex()
        let again = try Importer(store: store, path: csv, options: ImportOptions()).run()
        #expect(again.unchanged == Int(BulkLoad.eventsForLargeSearchBuffer) + 1 && again.inserted == 0)
        #expect(try searchIndex() == before)
    }

    /// A row that breaks a CHECK constraint is found at the end; the import then runs again with
    /// the constraints checked row by row, and fails naming the record, as it always did (or the
    /// saver finds it first, and names its field).
    @Test(arguments: [
        (#"[{"quantity":"Positions Cut","value":"3","unit":"person"}]"#, "measures", "CHECK constraint failed: quantity"),
        // Found before the table's constraint, named by its field.
        (#"[{"key":"new-source","publisher":"P","language":"en","type":"blog"}]"#, "sources",
         "column 'sources' (sources[0].type): 'blog' is not a source type; use news, press-release, filing, memo, dataset, other"),
        (#"[{"key":"other-source","publisher":"P","language":"en","translation":"t"}]"#, "sources",
         "column 'sources' (sources[0].translation): is the translation of a quote, and the citation has none"),
    ])
    func aBrokenConstraintNamesTheRecord(list: String, column: String, message: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = DelimitedText.csvLine(["uid", "kind", "title", "when", column])
        text += DelimitedText.csvLine(["good-1", "launch", "A launch", "2021", "[]"])
        text += DelimitedText.csvLine(["bad-2", "launch", "Another launch", "2022", list])
        text += DelimitedText.csvLine(["good-3", "launch", "A third launch", "2023", "[]"])
        let csv = folder.appendingPathComponent("bad.csv").path
        try text.write(toFile: csv, atomically: true, encoding: .utf8)

        let store = try Self.emptyStore(folder.appendingPathComponent("db.sqlite").path)
        var failure: TimelineError?
        do {
            _ = try Importer(store: store, path: csv, options: ImportOptions()).run()
        } catch let error as TimelineError {
            failure = error
        }
        #expect(failure?.message.hasPrefix("\(csv):3: \(message)") == true, "\(String(describing: failure?.message))")
        #expect(try store.database.scalar("SELECT count(*) FROM events") == .integer(0))
        #expect(try store.database.scalar("SELECT count(*) FROM sources") == .integer(0))
        // The load's settings are back: constraints are checked again.
        #expect(throws: SQLiteError.self) {
            try store.database.execute("INSERT INTO event_kinds (name, description) VALUES ('Not A Slug', 'x')")
        }
    }

    /// The mapper's object from a record's bytes is the object from its Strings, or nil.
    @Test func theMapperReadsBytesAsItReadsStrings() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.sampleCSV(in: folder)
        var extra = try String(contentsOfFile: csv, encoding: .utf8)
        extra += "x,y\n"  // the wrong number of fields
        extra += DelimitedText.csvLine(["u", "layoff", "occurred", "2022"] + Array(repeating: "[not json", count: 14))
        try extra.write(toFile: csv, atomically: true, encoding: .utf8)

        let reader = DelimitedReader(input: try InputFile(path: csv), dialect: .csv)
        #expect(try reader.advance())
        let mapper = try RecordMapper(header: reader.currentFields(), options: ImportOptions(), fileName: csv)
        var compared = 0
        var declined = 0
        while try reader.advance() {
            let fields = reader.currentFields()
            let general = try? mapper.object(for: fields)
            if let fast = mapper.object(ofCurrentRecordIn: reader) {
                #expect(fast == general, "line \(reader.recordLine)")
                compared += 1
            } else {
                declined += 1
            }
        }
        #expect(compared == 18)
        #expect(declined == 2)
    }

    /// The record reader gives what a byte-at-a-time reader gives, across block boundaries and
    /// for quotes, CR, CRLF and lines in every position.
    @Test func theCSVReaderMatchesAByteAtATimeReading() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = Array("ab,\"\r\n é".utf8) + [0xFF]
        for round in 0..<40 {
            // Long enough to cross the reader's 64 KiB blocks at varied places.
            let count = round < 10 ? Int.random(in: 1...200, using: &generator) : Int.random(in: 65_000...140_000, using: &generator)
            var bytes: [UInt8] = []
            while bytes.count < count {
                // Mostly well-formed fields, with stray bytes now and then.
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: bytes.append(alphabet.randomElement(using: &generator)!)
                case 1...3: bytes += Array("\"q\"\"\r\n,\"".utf8)
                case 4: bytes += Array("\r\n".utf8)
                case 5: bytes += Array("\n".utf8)
                default: bytes += Array("field,".utf8)
                }
                if round % 3 == 0 && bytes.count % 97 == 0 { bytes.append(0xFF) }
            }
            let path = folder.appendingPathComponent("round-\(round).csv").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            let expected = ByteAtATimeCSV.read(bytes)
            var actual: [String] = []
            let reader = DelimitedReader(input: try InputFile(path: path), dialect: .csv)
            do {
                while let record = try reader.next() {
                    actual.append("\(record.line): \(record.fields)")
                }
            } catch let failure as DelimitedReader.Failure {
                actual.append("error \(failure.line): \(failure.reason)")
            }
            #expect(actual == expected, "round \(round)")
        }
    }

    /// TSV written by other tools quotes as CSV does: such a field is read as CSV reads it when
    /// only quoting explains it; anything else stays text, and the lines a stray quote read past
    /// are read again as records of their own.
    @Test(arguments: [
        // Python's csv module with a tab delimiter (QUOTE_MINIMAL), lines in CRLF.
        ("h1\th2\r\na\t\"say \"\"hi\"\"\"\r\nb\t\"two\r\nlines\"\r\nc\t\"tab\there\"\r\n",
         ["1: [\"h1\", \"h2\"]", "2: [\"a\", \"say \\\"hi\\\"\"]", "3: [\"b\", \"two\\r\\nlines\"]", "5: [\"c\", \"tab\\there\"]"]),
        // Export's own: a leading quote that quoting does not explain is text; escapes still apply.
        ("h1\th2\n\"Hi\"\t\"Hello\" he said\nx\\ty\t\"\"\n",
         ["1: [\"h1\", \"h2\"]", "2: [\"\\\"Hi\\\"\", \"\\\"Hello\\\" he said\"]", "3: [\"x\\ty\", \"\\\"\\\"\"]"]),
        // A quote never closed: the lines it read past come back as records, on their lines.
        ("h1\th2\n\"open\tb\nc\td\ne\tf\n",
         ["1: [\"h1\", \"h2\"]", "2: [\"\\\"open\", \"b\"]", "3: [\"c\", \"d\"]", "4: [\"e\", \"f\"]"]),
        // A header that quotes every field: every quoted field is read as quoted, and export's
        // escapes inside quotes still count (Python's QUOTE_ALL over an export's `\n`).
        ("\"h1\"\t\"h2\"\n\"a\"\t\"b\\n\"\n",
         ["1: [\"h1\", \"h2\"]", "2: [\"a\", \"b\\n\"]"]),
    ])
    func quotedTSVFieldsAreReadAsOtherToolsWriteThem(text: String, expected: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("quoted.tsv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        let reader = DelimitedReader(input: try InputFile(path: path), dialect: .tsv)
        var records: [String] = []
        while let record = try reader.next() {
            records.append("\(record.line): \(record.fields.debugDescription)")
        }
        #expect(records == expected)
    }

    /// What export writes reads back the same, a field that starts with a quote included.
    @Test func tsvWrittenByExportReadsBackTheSame() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [["\"Hi\"", "\"a\tb\r\nc\"", "plain \"q\""], ["\"", "\\n", ""], ["\"\"", "x\ty", "\"open"]]
        let path = folder.appendingPathComponent("export.tsv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(rows.map(DelimitedText.tsvLine).joined().utf8)))
        let reader = DelimitedReader(input: try InputFile(path: path), dialect: .tsv)
        var read: [[String]] = []
        while let record = try reader.next() { read.append(record.fields) }
        #expect(read == rows)
    }

    @Test func theUTF8CheckAgreesWithSwift() {
        var generator = SeededGenerator(seed: 11)
        var samples: [[UInt8]] = [[], [0], [0x41, 0], [0xC3, 0xA9], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80],
                                  [0xF0, 0x9F, 0x98, 0x80], [0xC0, 0xAF], Array("plain ASCII text, longer than eight".utf8)]
        for first in 0x80...0xFF {
            for second in stride(from: 0x00, through: 0xFF, by: 0x0F) {
                samples.append([UInt8(first), UInt8(second), 0x80, 0x80])
                samples.append([0x61, UInt8(first), UInt8(second)])
            }
        }
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...24, using: &generator)
            samples.append((0..<length).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x20...0x7E, using: &generator) : UInt8.random(in: 0...255, using: &generator)
            })
        }
        for bytes in samples {
            let expected: UTF8Check.Problem? = String(validating: bytes, as: UTF8.self) == nil ? .invalidUTF8 : bytes.contains(0) ? .nul : nil
            #expect(bytes.withUnsafeBufferPointer { UTF8Check.problem(in: $0) } == expected, "\(bytes)")
        }
    }
}

/// The CSV reading `DelimitedReader` did a byte at a time before it read blocks: the reference.
private enum ByteAtATimeCSV {
    static func read(_ input: [UInt8]) -> [String] {
        var records: [String] = []
        var position = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        func next() -> UInt8? {
            guard position < input.count else { return nil }
            position += 1
            return input[position - 1]
        }
        func peek() -> UInt8? { position < input.count ? input[position] : nil }
        struct Failure: Error { let line: Int; let reason: String }
        func text(_ bytes: [UInt8], _ startLine: Int) throws -> String {
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Failure(line: startLine, reason: "the text is not valid UTF-8 (a file saved as Latin-1 or Windows-1252? import it with --encoding windows-1252, or convert it with iconv -f WINDOWS-1252 -t UTF-8)") }
            if bytes.contains(0) { throw Failure(line: startLine, reason: "a field holds a NUL byte") }
            return text
        }
        func record(_ startLine: Int) throws -> [String] {
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var afterQuote = false
            while let byte = next() {
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if peek() == UInt8(ascii: "\"") {
                            _ = next()
                            field.append(byte)
                        } else {
                            quoted = false
                            afterQuote = true
                        }
                    } else {
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: ","):
                    fields.append(try text(field, startLine))
                    field.removeAll()
                    afterQuote = false
                case 0x0A:
                    line += 1
                    fields.append(try text(field, startLine))
                    return fields
                case 0x0D:
                    if peek() == 0x0A { continue }
                    field.append(byte)
                case UInt8(ascii: "\""):
                    if field.isEmpty && !afterQuote {
                        quoted = true
                    } else {
                        throw Failure(line: startLine, reason: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                    }
                default:
                    if afterQuote {
                        throw Failure(line: startLine, reason: "text after a closing quote; a quoted field must end at a comma or the end of the line")
                    }
                    field.append(byte)
                }
            }
            if quoted { throw Failure(line: startLine, reason: "a quoted field opened on this line is never closed") }
            fields.append(try text(field, startLine))
            return fields
        }
        do {
            while peek() != nil {
                let startLine = line
                let fields = try record(startLine)
                if fields.count == 1 && fields[0].isEmpty { continue }
                records.append("\(startLine): \(fields)")
            }
        } catch let failure as Failure {
            records.append("error \(failure.line): \(failure.reason)")
        } catch {
            records.append("unexpected \(error)")
        }
        return records
    }
}

/// A small deterministic generator (SplitMix64), so a failing round can be run again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Reading CHECK constraints out of `CREATE TABLE` text, for the check at the end of a bulk load.
@Suite struct CheckConstraintTextTests {
    @Test func findsEveryConstraintAndSkipsStringsNamesAndComments() {
        let sql = """
            CREATE TABLE t (
                a TEXT CHECK (a <> ')' AND a NOT GLOB '*[^a-z]*'), -- CHECK (in a comment)
                "check" INTEGER check(("check" IN (0, 1))),
                b TEXT DEFAULT 'CHECK (x)' /* CHECK (y) */,
                CONSTRAINT named CHECK (length(a) < 10 OR b IS NULL)
            ) STRICT
            """
        #expect(CheckConstraintText.expressions(inCreateTable: sql) == [
            "a <> ')' AND a NOT GLOB '*[^a-z]*'", #"("check" IN (0, 1))"#, "length(a) < 10 OR b IS NULL",
        ])
    }

    @Test func textItCannotReadWithCertaintyGivesNil() {
        #expect(CheckConstraintText.expressions(inCreateTable: "CREATE TABLE t (a CHECK (a > (1)") == nil)
        #expect(CheckConstraintText.expressions(inCreateTable: "CREATE TABLE t (a CHECK /* why */ (a > 1))") == nil)
        #expect(CheckConstraintText.expressions(inCreateTable: "CREATE TABLE t (a CHECK (a <> 'x))") == nil)
    }

    /// Every table of the real schema: as many expressions as CHECK keywords, and each one a
    /// valid expression over its table.
    @Test func readsTheTimelineSchema() throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        let tables = try store.database.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%CHECK%'")
            .map { ($0.text(at: 0), $0.text(at: 1)) }
        #expect(tables.count >= 8)
        for (table, sql) in tables {
            let expressions = try #require(CheckConstraintText.expressions(inCreateTable: sql), "\(table)")
            #expect(expressions.count == sql.components(separatedBy: "CHECK").count - 1, "\(table)")
            for expression in expressions {
                #expect(try store.database.scalar("SELECT count(*) FROM \(table) WHERE NOT (\(expression))") == .integer(0))
            }
        }
    }
}

/// A file large beside the timeline it goes into is loaded as into an empty one (the secondary
/// indexes and the span index built after the load, CHECK constraints checked at the end),
/// keeping the indexes that find an event's figures and citations and the events of a span,
/// which an update and a record without its uid read; it writes what a load keeping every index
/// up to date writes.
@Suite struct LargeLoadTests {
    /// Whether each index exists, by name.
    static func indexes(_ database: Database) throws -> [String: Bool] {
        var found: [String: Bool] = [:]
        for name in ["events_by_when", "events_by_kind", "event_tags_by_tag", "measures_by_event", "citations_by_event",
                     "citations_by_source", "measures_by_quantity", "event_entities_by_entity"] {
            found[name] = try database.scalar("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1", [.text(name)]) != nil
        }
        return found
    }

    static func schema(of store: TimelineStore) throws -> [String] {
        try store.database.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name")
            .map { $0.text(at: 0) }
    }

    @Test func aLargeLoadIntoATimelineWithEventsWritesWhatALoadKeepingTheIndexesWrites() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Fewer than the sample's: the first pass packs the span index anew, the others insert into it.
        let earlier = try ImportFastPathTests.plainCSV(count: 10, in: folder)
        let csv = try ImportJournalTests.sampleWithABadRow(in: folder)
        // The same records again, each changed: every event the first pass added is updated.
        let changed = folder.appendingPathComponent("changed.csv").path
        try String(contentsOfFile: csv, encoding: .utf8).replacingOccurrences(of: "Amazon Care", with: "Amazon Care Services")
            .write(toFile: changed, atomically: true, encoding: .utf8)
        // The first events again, without uids (found by kind, title and date among the events of
        // their span), and a bad row.
        let earlierAgain = folder.appendingPathComponent("earlier-again.csv").path
        try (String(contentsOfFile: earlier, encoding: .utf8) + "launch,A date nobody can read,sometime soonish\n")
            .write(toFile: earlierAgain, atomically: true, encoding: .utf8)
        var options = ImportOptions()
        options.skipInvalid = true
        var stores: [TimelineStore] = []
        for (name, share) in [("indexes-kept", Double.infinity), ("indexes-rebuilt", 0)] {
            let store = try ImportFastPathTests.emptyStore(folder.appendingPathComponent("\(name).sqlite").path)
            _ = try Importer(store: store, path: earlier, options: ImportOptions()).run()
            let schemaBefore = try Self.schema(of: store)
            for (pass, file) in [csv, csv, changed, earlierAgain].enumerated() {
                let importer = try Importer(store: store, path: file, options: options)
                importer.largeLoadShare = share
                #expect(try importer.loadsLargeBesideTimeline() == (share == 0))
                var indexesDuringLoad: [[String: Bool]] = []
                let summary = try importer.run(reject: { _ in indexesDuringLoad.append(try! Self.indexes(store.database)) })
                switch pass {
                case 0: #expect(summary.inserted == 18, "\(name)")
                case 1: #expect(summary.unchanged == 18, "\(name)")
                case 3: #expect(summary.unchanged == 10 && summary.inserted == 0, "\(name): \(summary.unchanged) unchanged, \(summary.inserted) added")
                default: #expect(summary.updated > 0 && summary.inserted == 0, "\(name): \(summary.updated) updated, \(summary.inserted) added")
                }
                // Seen while the bad row is rejected, in the middle of the load.
                let during = try #require(indexesDuringLoad.first, "the bad row is rejected in \(name), pass \(pass)")
                let lookedUp: Set = ["measures_by_event", "citations_by_event", "events_by_when"]
                for (index, exists) in during {
                    #expect(exists == (share != 0 || lookedUp.contains(index)), "\(index) during pass \(pass) of \(name)")
                }
                #expect(try Self.schema(of: store) == schemaBefore, "every index and trigger is back after pass \(pass) of \(name)")
            }
            #expect(try store.database.scalar("SELECT rtreecheck('event_spans')") == .text("ok"))
            #expect(try store.database.integrityCheck() == ["ok"])
            #expect(try store.database.firstForeignKeyViolation() == nil)
            #expect(try store.staleSpans().isEmpty && store.staleSearchEntries().isEmpty, "\(name)")
            stores.append(store)
        }
        // In the order of their tables, but for the span index's entries, packed in another order.
        #expect(try ImportFastPathTests.content(of: stores[0]).filter { !$0.hasPrefix("event_spans:") }
                    == ImportFastPathTests.content(of: stores[1]).filter { !$0.hasPrefix("event_spans:") })
        #expect(try ImportFastPathTests.content(of: stores[0]).sorted() == ImportFastPathTests.content(of: stores[1]).sorted())
        #expect(try stores[0].check() == stores[1].check())
        for query in [EventQuery(), EventQuery(from: CalendarDay(iso: "2005-01-01")!, to: CalendarDay(iso: "2021-12-31")!)] {
            #expect(try stores[0].events(matching: query) == stores[1].events(matching: query))
        }
    }

    /// The default share: a quarter of the database's size.
    @Test func aFileIsLargeFromAQuarterOfTheDatabase() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ImportFastPathTests.emptyStore(folder.appendingPathComponent("sized.sqlite").path)
        _ = try Importer(store: store, path: try ImportFastPathTests.plainCSV(count: 400, in: folder), options: ImportOptions()).run()
        guard case .integer(let pages)? = try store.database.scalar("PRAGMA page_count"),
              case .integer(let pageSize)? = try store.database.scalar("PRAGMA page_size") else {
            Issue.record("no size")
            return
        }
        let quarter = Int(pages * pageSize) / 4
        for (size, large) in [(quarter - 100, false), (quarter + 100, true)] {
            let path = folder.appendingPathComponent("sized-\(size).csv").path
            try ("kind,title,when\nlaunch,Padded,2020\n" + String(repeating: "\n", count: size - 34)).write(toFile: path, atomically: true, encoding: .utf8)
            #expect(try Importer(store: store, path: path, options: ImportOptions()).loadsLargeBesideTimeline() == large, "\(size) bytes")
        }
    }
}
