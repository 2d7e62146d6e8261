import Testing
@testable import TimelineCore

/// Slugs of ASCII text are made from bytes; they must be the slugs the folding path makes.
@Suite struct SlugTests {
    @Test(arguments: [
        ("Oakridge Clinics SA", "oakridge-clinics-sa"),
        ("  AT&T -- Inc. ", "at-t-inc"),
        ("123 Go!", "123-go"),
        ("already-a-slug", "already-a-slug"),
        ("UPPER_case__Mixed", "upper-case-mixed"),
        ("!!!", ""),
    ])
    func asciiText(text: String, slug: String) {
        #expect(EventSaver.slug(text) == slug)
    }

    /// Letters no accent comes off are written as people spell them in Latin letters: Þ as th.
    @Test(arguments: [("Þór Ltd", "thor-ltd"), ("Ðakovo Þing", "dakovo-thing"), ("Hafnarfjörður", "hafnarfjordur"), ("Łódź Straße", "lodz-strasse")])
    func lettersWithoutAccents(text: String, slug: String) {
        #expect(EventSaver.slug(text) == slug)
    }

    /// A trailing no-break space sends the same text down the folding path without changing its
    /// slug (a separator at the end adds nothing): the two paths agree on every printable ASCII text.
    @Test func theASCIIPathAgreesWithTheFoldingPath() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array(" !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~".utf8) + Array("abcXYZ0189".utf8)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
            #expect(EventSaver.slug(text) == EventSaver.slug(text + "\u{A0}"), "\(text)")
        }
    }
}

