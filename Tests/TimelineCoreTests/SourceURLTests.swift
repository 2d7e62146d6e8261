import Testing
@testable import TimelineCore

/// A source's URL or key that holds several web addresses: counted from its bytes for the common
/// one-address case, and the same answer as splitting it into pieces and counting them.
@Suite struct SourceURLTests {
    /// The plain count: pieces between white space, `;` and `,` that hold `://` or start with `www.`.
    private func piecesCounted(_ text: String) -> Int? {
        let count = text.split(whereSeparator: { $0.isWhitespace || $0 == ";" || $0 == "," })
            .count(where: { $0.contains("://") || $0.lowercased().hasPrefix("www.") })
        return count > 1 ? count : nil
    }

    @Test func severalAddressesAreCountedAsTheirPiecesAre() {
        let cases: [(String, Int?)] = [
            ("https://www.lemonde.fr/economie/article/2022/08/26/x.html", nil),
            ("HTTPS://WWW.EXAMPLE.ORG/a", nil),
            ("https://web.archive.org/web/2021/https://example.org/a?u=http://t.co/x", nil),
            ("www.statnews.com/2023/x", nil),
            ("foo-www.bar www.baz.example", nil),
            ("https://i.example/files/annual report.pdf/view", nil),
            ("https://a.example/www.x", nil),
            ("sd-2022-08-26", nil),
            ("", nil),
            ("https://a.example.org/p; https://b.example.org/q", 2),
            ("https://a.example.org/p;https://b.example.org/q", 2),
            ("https://a.example.org/p,https://b.example.org/q", 2),
            ("www.a.example/x www.b.example/y", 2),
            ("WWW.A.example/x;Www.b.example/y", 2),
            ("https://a.example/x\nhttps://b.example/y https://c.example/z", 3),
            ("https://a.example/x\u{00A0}https://b.example/y", 2),
            ("https://a.example/x\u{3000}www.b.example", 2),
            ("https://a.example/x https://b.example/y?ref=https://c.example", 2),
            ("www.a.example/?u=https://b.example", nil),
            ("https://a.example/x https://", 2),
            ("a:// b://", 2),
            ("x www.", nil),
            ("www. www.", 2),
        ]
        for (text, expected) in cases {
            #expect(SourceURL.severalAddresses(in: text) == expected, "\(text)")
            #expect(piecesCounted(text) == expected, "\(text)")
        }
    }
}
