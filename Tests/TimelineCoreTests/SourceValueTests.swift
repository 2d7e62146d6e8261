import Testing
@testable import TimelineCore

/// A source keeps its fields in a shared box; it must still behave as a plain value.
@Suite struct SourceValueTests {
    private let original = Source(
        key: "sd-2022-08-26", url: "https://example.org/a", title: "Amazon ferme Amazon Care", publisher: "Siècle Digital",
        published: try! TimelineDate(edtf: "2022-08-26"), language: "fr", type: "news", note: nil)

    @Test func settingAFieldOfACopyLeavesTheOriginal() {
        var copy = original
        copy.publisher = "Other"
        copy.note = "second look"
        copy.published = nil
        #expect(original.publisher == "Siècle Digital" && original.note == nil && original.published?.edtf == "2022-08-26")
        #expect(copy.publisher == "Other" && copy.note == "second look" && copy.published == nil)
        #expect(copy.key == original.key && copy.title == original.title && copy.url == original.url)
    }

    @Test func equalityComparesFieldsNotBoxes() {
        let twin = Source(
            key: "sd-2022-08-26", url: "https://example.org/a", title: "Amazon ferme Amazon Care", publisher: "Siècle Digital",
            published: try! TimelineDate(edtf: "2022-08-26"), language: "fr", type: "news")
        #expect(twin == original)
        var changed = original
        changed.language = "en"
        #expect(changed != original)
        changed.language = "fr"
        #expect(changed == original)
        for edit in [{ (s: inout Source) in s.key = "x" }, { $0.url = nil }, { $0.title = "t" }, { $0.type = "memo" }] {
            var other = original
            edit(&other)
            #expect(other != original)
        }
    }
}
