import Foundation
import Testing

/// `import --encoding`: files saved in a code page or as UTF-16 are read as such, checked as they
/// are converted, and a file that is UTF-8 after all is not misread.
@Suite struct ImportEncodingTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func sqlite(_ query: String, in database: String? = nil) throws -> String {
        let result = try CLI.shell("sqlite3 '\(database ?? db)' \"\(query)\"")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// `Société Générale’s 1 500 € – plan` as Windows-1252 writes it: é E9, ’ 92, € 80, – 96.
    static let windows1252Title: [UInt8] = Array("Soci".utf8) + [0xE9] + Array("t".utf8) + [0xE9] + Array(" G".utf8) + [0xE9, 0x6E, 0xE9]
        + Array("rale".utf8) + [0x92] + Array("s 1500 ".utf8) + [0x80, 0x20, 0x96] + Array(" plan".utf8)
    static let windows1252CSV: [UInt8] = Array("kind,title,when\n".utf8) + Array("layoff,".utf8) + windows1252Title + Array(",2022-03\n".utf8)

    @Test(arguments: ["windows-1252", "WINDOWS-1252", "cp1252", "latin-1", "ISO-8859-1"])
    func aWindows1252FileIsReadWithItsName(name: String) throws {
        let path = try file("sheet.csv", Self.windows1252CSV)
        let imported = try CLI.run(["--db", db, "import", path, "--encoding", name])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sqlite("SELECT title FROM events WHERE when_edtf = '2022-03'") == "Société Générale’s 1500 € – plan\n")
    }

    @Test func withoutItTheHintNamesTheOption() throws {
        let path = try file("sheet.csv", Self.windows1252CSV)
        let refused = try CLI.run(["--db", db, "import", path])
        #expect(refused.status == 65)
        #expect(refused.stderr == "timeline: \(path):2: column 'title': the text is not valid UTF-8 (a file saved as Latin-1 or Windows-1252? "
                + "import it with --encoding windows-1252, or convert it with iconv -f WINDOWS-1252 -t UTF-8).\n", "\(refused.stderr)")
        // The option the hint names reads it.
        #expect(try CLI.run(["--db", db, "import", path, "--encoding", "windows-1252"]).status == 0)
    }

    @Test func aCyrillicCodePageIsReadAsItsLetters() throws {
        // `Сокращение` in Windows-1251 and in KOI8-R.
        let cp1251: [UInt8] = [209, 238, 234, 240, 224, 249, 229, 237, 232, 229]
        let koi8: [UInt8] = [243, 207, 203, 210, 193, 221, 197, 206, 201, 197]
        for (name, bytes) in [("windows-1251", cp1251), ("koi8-r", koi8)] {
            let path = try file("\(name).csv", Array("kind,title,when\nlayoff,".utf8) + bytes + Array(" \(name),2021\n".utf8))
            let imported = try CLI.run(["--db", db, "import", path, "--encoding", name])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        #expect(try sqlite("SELECT title FROM events WHERE when_edtf = '2021' ORDER BY title") == "Сокращение koi8-r\nСокращение windows-1251\n")
    }

    /// Excel for Mac's "CSV (Macintosh)" is Mac OS Roman; older Unix exports ISO-8859-15 (Latin-9),
    /// Latin-1 with the euro sign.
    @Test func macRomanAndLatin9AreReadWithTheirNames() throws {
        // `Société : l’œuvre coûte 1 500 €` in Mac OS Roman (é 8E, ’ D5, œ CF, û 9E, € DB).
        let mac: [UInt8] = Array("kind,title,when\nlayoff,Soci".utf8) + [0x8E] + Array("t".utf8) + [0x8E] + Array(" : l".utf8) + [0xD5, 0xCF]
            + Array("uvre co".utf8) + [0x9E] + Array("te 1 500 ".utf8) + [0xDB] + Array(",2020\n".utf8)
        let macPath = try file("mac.csv", mac)
        let imported = try CLI.run(["--db", db, "import", macPath, "--encoding", "macroman"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // `Œuvre à 1 500 €` in Latin-9 (Œ BC, à E0, € A4).
        let latin9 = try file("l9.csv", Array("kind,title,when\nlayoff,".utf8) + [0xBC] + Array("uvre ".utf8) + [0xE0]
            + Array(" 1 500 ".utf8) + [0xA4] + Array(",2019\n".utf8))
        let importedLatin9 = try CLI.run(["--db", db, "import", latin9, "--encoding", "latin-9"])
        #expect(importedLatin9.status == 0, "\(importedLatin9.stderr)")
        #expect(try sqlite("SELECT title FROM events WHERE when_edtf IN ('2019', '2020') ORDER BY when_edtf")
                == "Œuvre à 1 500 €\nSociété : l’œuvre coûte 1 500 €\n")
        // Excel for Mac ends its lines in a carriage return alone: they end lines in the copy too.
        let classic = try file("classic.csv", Array("kind,title,when\rlayoff,M".utf8) + [0x9F] + Array("ller schlie".utf8) + [0xA7]
            + Array("t,2018\rlayoff,Zweite,2017\r".utf8))
        let importedClassic = try CLI.run(["--db", db, "import", classic, "--encoding", "macintosh"])
        #expect(importedClassic.status == 0, "\(importedClassic.stderr)")
        #expect(try sqlite("SELECT title FROM events WHERE when_edtf IN ('2017', '2018') ORDER BY when_edtf") == "Zweite\nMüller schließt\n")
        // The Mac file given as Windows-1252 (`SociŽtŽ`) is refused, naming Mac OS Roman.
        let refused = try CLI.run(["--db", folder.path("other.sqlite"), "import", macPath, "--encoding", "windows-1252"])
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("timeline: --encoding windows-1252: \(macPath) reads as Mac OS Roman, not windows-1252, "), "\(refused.stderr)")
        #expect(refused.stderr.contains("give --encoding macintosh"), "\(refused.stderr)")
    }

    /// What spreadsheets save as "Unicode text": UTF-16LE with its byte order mark, tab-separated.
    @Test func utf16WithItsByteOrderMarkIsReadWithoutBeingAsked() throws {
        let text = "kind\ttitle\twhen\nlaunch\tSociété 🚀 launch\t2021-06\n"
        let littleEndian = try file("unicode.txt", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let imported = try CLI.run(["--db", db, "import", littleEndian, "--format", "tsv"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // Big-endian NDJSON too, its emoji's surrogate pair joined again.
        let record = #"{"kind":"launch","title":"Ünïcödé 🚀 big","when":"2021-07"}"# + "\n"
        let bigEndian = try file("big.ndjson", [0xFE, 0xFF] + record.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let importedBig = try CLI.run(["--db", db, "import", bigEndian])
        #expect(importedBig.status == 0, "\(importedBig.stderr)")
        #expect(try sqlite("SELECT title FROM events WHERE when_edtf IN ('2021-06', '2021-07') ORDER BY when_edtf")
                == "Société 🚀 launch\nÜnïcödé 🚀 big\n")
        // Without a mark, ASCII's zero bytes every other byte tell UTF-16 and its byte order.
        let bare = try file("bare.tsv", "kind\ttitle\twhen\nlaunch\tBare\t2021-09\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let importedBare = try CLI.run(["--db", db, "import", bare])
        #expect(importedBare.status == 0, "\(importedBare.stderr)")
        #expect(try sqlite("SELECT count(*) FROM events WHERE title = 'Bare'") == "1\n")
        // Without a mark, given: little-endian as asked.
        let unmarked = try file("unmarked.tsv", "kind\ttitle\twhen\nlaunch\tNo mark\t2021-08\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try CLI.run(["--db", db, "import", unmarked, "--encoding", "utf-16le"]).status == 0)
        #expect(try sqlite("SELECT count(*) FROM events WHERE title = 'No mark'") == "1\n")
    }

    @Test func standardInputIsConvertedToo() throws {
        let imported = try CLI.run(["--db", db, "import", "-", "--format", "csv", "--encoding", "windows-1252"], stdin: Data(Self.windows1252CSV))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sqlite("SELECT count(*) FROM events WHERE title LIKE 'Société Générale%'") == "1\n")
    }

    /// A record's fault is named by its line in the original file, as without --encoding.
    @Test func aBadRecordIsNamedByItsLine() throws {
        let bytes = Self.windows1252CSV + Array("layoff,".utf8) + [0xC9] + Array("chec,not a date\n".utf8)
        let path = try file("bad.csv", bytes)
        let refused = try CLI.run(["--db", db, "import", path, "--encoding", "windows-1252"])
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("timeline: \(path):3: "), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "a failed import into a new database leaves none")
    }

    @Test(arguments: [
        // A file that is UTF-8 after all: reading it in a code page would give `Ã©`.
        ("utf8.csv", Array("kind,title,when\nlayoff,Société,2022\n".utf8), ["--encoding", "windows-1252"], 64,
         "--encoding windows-1252: {FILE} is UTF-8 (its bytes above ASCII all form UTF-8 characters), which windows-1252 would misread, é as Ã©; leave --encoding out.\n"),
        // Named by what the code page would make of its first letter.
        ("russian.csv", Array("kind,title,when\nlayoff,Компания,2022\n".utf8), ["--encoding", "windows-1252"], 64,
         "--encoding windows-1252: {FILE} is UTF-8 (its bytes above ASCII all form UTF-8 characters), which windows-1252 would misread, К as Ðš; "
            + "leave --encoding out.\n"),
        // Latin-9's € is Windows-1252's ¤: a file with that byte and no € of 1252's own is Latin-9.
        ("latin9.csv", Array("kind,title,when\nlayoff,2 Mio. ".utf8) + [0xA4] + Array(",2022\n".utf8), ["--encoding", "windows-1252"], 64,
         "--encoding windows-1252: {FILE} holds the byte A4, which windows-1252 reads as ¤ and ISO-8859-15 (Latin-9) as €; give --encoding iso-8859-15 "
            + "(sure of ¤? `iconv -f WINDOWS-1252 -t UTF-8 {FILE}` converts it, to import what it prints).\n"),
        // UTF-16 given the wrong byte order.
        ("little.tsv", Array("k\0i\0n\0d\0\n\0".utf8), ["--encoding", "utf-16be"], 64,
         "--encoding utf-16be: {FILE} is UTF-16LE (the zero bytes of its first characters come second); give --encoding utf-16le, or leave --encoding out.\n"),
        ("marked.csv", [0xEF, 0xBB, 0xBF] + Array("kind,title,when\nlayoff,x,2022\n".utf8), ["--encoding", "latin-1"], 64,
         "--encoding windows-1252: {FILE} starts with UTF-8's byte order mark, so it is UTF-8; leave --encoding out.\n"),
        ("u16.csv", [0xFF, 0xFE] + Array("k\0".utf8), ["--encoding", "utf-8"], 64,
         "--encoding utf-8: {FILE} starts with UTF-16's byte order mark, so it is UTF-16; leave --encoding out.\n"),
        ("be.csv", [0xFE, 0xFF, 0, 0x6B], ["--encoding", "utf-16le"], 64,
         "--encoding utf-16le: {FILE} starts with the byte order mark of UTF-16BE; give --encoding utf-16, which follows it.\n"),
        // 0x81 is no character in Windows-1252.
        ("undefined.csv", Array("kind,title,when\nlayoff,a".utf8) + [0x81] + Array(",2022\n".utf8), ["--encoding", "windows-1252"], 65,
         "{FILE}:2: the byte 0x81 is no character in windows-1252: the file is damaged, or in another encoding; "
            + "`iconv -f WINDOWS-1252 -t UTF-8 -c {FILE}` drops such bytes, to import what it prints.\n"),
        // The wrong code page named: KOI8-R read as Windows-1251 makes words in the wrong case,
        // French read as Windows-1250 Czech letters no word holds together.
        ("koi8.csv", Array("kind,title,when\nlayoff,".utf8) + [243, 207, 203, 210, 193, 221, 197, 206, 201, 197] + Array(",2022\n".utf8),
         ["--encoding", "windows-1251"], 64,
         "--encoding windows-1251: {FILE} reads as KOI8-R, Cyrillic, not windows-1251, which makes its letters into words no language writes; "
            + "give --encoding koi8-r (sure of windows-1251? `iconv -f WINDOWS-1251 -t UTF-8 {FILE}` converts it, to import what it prints).\n"),
        ("french.csv", Array("kind,title,when\nlayoff,La Bi".utf8) + [0xE8] + Array("vre : gr".utf8) + [0xE8] + Array("ve, co".utf8) + [0xFB, 0x74]
            + Array(" ".utf8) + [0xE9, 0x74, 0xE9] + Array(",2022\n".utf8), ["--encoding", "windows-1250"], 64,
         "--encoding windows-1250: {FILE} reads as Latin-1 or Windows-1252, not windows-1250, which makes its letters into words no language writes; "
            + "give --encoding windows-1252 (sure of windows-1250? `iconv -f WINDOWS-1250 -t UTF-8 {FILE}` converts it, to import what it prints).\n"),
        // A row pasted as UTF-8 into a Windows-1252 file would be stored as `CafÃ©`.
        ("mixed.csv", Array("kind,title,when\nlayoff,Caf".utf8) + [0xE9] + Array(" one,2021\nlayoff,Café two,2022\n".utf8),
         ["--encoding", "windows-1252"], 65,
         "{FILE}:3: the text holds UTF-8 (the bytes C3 A9, which windows-1252 reads as Ã©) in a file of windows-1252: save the whole file in one encoding.\n"),
        ("unicode.txt", [0xFF, 0xFE] + Array("k\0".utf8), ["--encoding", "windows-1252"], 64,
         "--encoding windows-1252: {FILE} starts with UTF-16's byte order mark, so it is UTF-16; leave --encoding out.\n"),
        ("eight-bit.csv", Array("kind,title,when\nlayoff,Caf".utf8) + [0xE9] + Array(",2022\n".utf8), ["--encoding", "utf-16le"], 64,
         "--encoding utf-16le: {FILE} is not UTF-16 (not one zero byte in its first lines, where UTF-16 has one in every line break); "
            + "leave --encoding out to have its encoding named.\n"),
        ("odd.csv", [0xFF, 0xFE] + Array("k\0i\0n".utf8), [], 65,
         "{FILE}:1: the file ends in the middle of a UTF-16 character; it is cut short, or not UTF-16.\n"),
        ("lone.csv", [0xFF, 0xFE, 0x6B, 0, 0x00, 0xDC, 0x0A, 0], [], 65,
         "{FILE}:1: the UTF-16 surrogate 0xDC00 comes without its pair; the file is not UTF-16LE.\n"),
        ("u32.csv", [0xFF, 0xFE, 0, 0, 0x6B, 0, 0, 0], [], 65,
         "{FILE} is UTF-32 text (it starts with a UTF-32 byte order mark); save it as UTF-8, or convert it with iconv -f UTF-32 -t UTF-8.\n"),
        ("any.csv", Array("kind,title,when\n".utf8), ["--encoding", "ebcdic"], 64,
         "--encoding 'ebcdic' is no encoding import reads; use one of utf-8, utf-16, utf-16le, utf-16be, windows-1252, latin-1, iso-8859-15, "
            + "latin-9, macintosh, macroman, windows-1250, windows-1251, windows-1253, windows-1254, windows-1257, koi8-r.\n"),
    ] as [(String, [UInt8], [String], Int32, String)])
    func whatCannotBeReadAsGivenIsNamed(name: String, bytes: [UInt8], options: [String], status: Int32, message: String) throws {
        let path = try file(name, bytes)
        let result = try CLI.run(["--db", db, "import", path] + options)
        #expect(result.status == status)
        #expect(result.stderr == "timeline: " + message.replacingOccurrences(of: "{FILE}", with: path), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "a failed import into a new database leaves none")
    }

    /// Into a timeline that has events, a refused file leaves it as it was.
    @Test func aRefusedFileLeavesTheTimelineAsItWas() throws {
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let before = try sqlite(".dump")
        let path = try file("utf8.csv", Array("kind,title,when\nlayoff,Société,2022\n".utf8))
        #expect(try CLI.run(["--db", db, "import", path, "--encoding", "cp1252"]).status == 64)
        #expect(try sqlite(".dump") == before)
    }

    /// A compressed file given an encoding is still named for what it is.
    @Test func aGzipFileIsNamedWithTheEncodingInTheCommand() throws {
        let path = try file("events.csv.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00])
        let result = try CLI.run(["--db", db, "import", path, "--encoding", "windows-1252"])
        #expect(result.status == 65)
        #expect(result.stderr == "timeline: \(path) is compressed with gzip, not text of events; "
                + "`gunzip -c \(path) | timeline --db \(db) import - --encoding windows-1252` reads what it holds.\n", "\(result.stderr)")
    }
}
