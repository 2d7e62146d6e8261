import Testing
@testable import TimelineCore

/// What a header row's separators say: TSV or CSV, and a CSV file's separator.
struct HeaderSeparatorsTests {
    func separators(_ header: String) -> HeaderSeparators { HeaderSeparators(Array(header.utf8)) }

    @Test func onlySeparatorsOutsideQuotesCount() {
        let counted = separators("a;\"b;c, d\te\";e, f,g\th")
        #expect([counted.semicolons, counted.commas, counted.commasBeforeASpace] == [2, 2, 1])
        // Tabs count anywhere: TSV has no quoting.
        #expect(counted.tabs == 2)
    }

    @Test(arguments: [
        ("uid,kind,when", ","), ("titre;date;type", ";"), ("Titre;Date;Montant (k€, HT)", ";"),
        ("Date;Montant (k€,HT)", ","), ("\"a;b;c\",d", ","), ("a;b,c", ","), ("", ","), ("a,", ","), ("a, b;c", ";"),
    ])
    func aCSVSeparatorIsTheOneMoreOften(header: String, separator: String) {
        #expect(separators(header).csvSeparator == UInt8(ascii: Unicode.Scalar(separator)!))
    }

    @Test(arguments: [("a\tb\tc", true), ("a\tb,c", true), ("a\tb,c,d", false), ("a;b;\"c\td\"", false), ("a;b", false), ("\t", true),
                      ("size (\")\ttitle\tkind\twhen", true)])
    func tabsSeparateWhenAtLeastAsMany(header: String, tabs: Bool) {
        #expect(separators(header).separatesByTabs == tabs)
    }
}
