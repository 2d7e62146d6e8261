import Testing
@testable import MigrationRunner

@Suite struct MigrationFileTests {
    @Test(arguments: ["0001_initial.sql", "0042_add-tags.sql", "12345_big_version.sql"])
    func acceptsWellFormedNames(_ name: String) throws {
        _ = try MigrationFile(kind: .migration, fileName: name, contents: Array("SELECT 1;".utf8))
    }

    @Test(arguments: ["1_short.sql", "0001.sql", "0001_.sql", "0000_zero.sql", "0001_Upper.sql", "0001_space name.sql",
                      "abcd_name.sql", "0001_name", "0001_name.txt"])
    func refusesBadlyFormedMigrationNames(_ name: String) {
        #expect(throws: MigrationError.self) { try MigrationFile(kind: .migration, fileName: name, contents: []) }
    }

    @Test func seedsMayHaveOtherExtensions() throws {
        let file = try MigrationFile(kind: .seed, fileName: "0003_people.json", contents: Array("{}".utf8))
        #expect(file.version == 3)
        #expect(file.name == "people")
        #expect(file.fileExtension == "json")
        #expect(file.displayPath == "Seeds/0003_people.json")
    }

    @Test func checksumIgnoresBOMAndCRLF() throws {
        let plain = try MigrationFile(kind: .migration, fileName: "0001_a.sql", contents: Array("SELECT 1;\nSELECT 2;\n".utf8))
        let windows = try MigrationFile(
            kind: .migration, fileName: "0001_a.sql", contents: [0xEF, 0xBB, 0xBF] + Array("SELECT 1;\r\nSELECT 2;\r\n".utf8))
        #expect(plain.checksum == windows.checksum)
        #expect(plain.checksum == SHA256.hexDigest(of: "SELECT 1;\nSELECT 2;\n".utf8))
        #expect(windows.text == plain.text)
    }

    @Test func duplicateVersionsAreRefused() throws {
        let first = try MigrationFile(kind: .migration, fileName: "0001_a.sql", contents: [])
        let second = try MigrationFile(kind: .migration, fileName: "0001_b.sql", contents: [])
        let error = try #require(throws: MigrationError.self) { try MigrationSet(files: [first, second]) }
        #expect(error.description.contains("0001_a.sql") && error.description.contains("0001_b.sql"))
    }

    @Test func fingerprintChangesWithAnyChecksum() throws {
        let a = try MigrationSet(files: [try MigrationFile(kind: .migration, fileName: "0001_a.sql", contents: Array("SELECT 1;".utf8))])
        let b = try MigrationSet(files: [try MigrationFile(kind: .migration, fileName: "0001_a.sql", contents: Array("SELECT 2;".utf8))])
        #expect(a.fingerprint != b.fingerprint)
        #expect(a.fingerprint > 0)
    }
}
