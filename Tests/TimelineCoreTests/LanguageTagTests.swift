import Testing
@testable import TimelineCore

/// Language tags are checked for the form RFC 5646 gives them and written in its usual case.
@Suite struct LanguageTagTests {
    @Test(arguments: [
        ("fr", "fr"), ("FR", "fr"), ("en", "en"), ("und", "und"), ("pt-br", "pt-BR"), ("PT-BR", "pt-BR"),
        ("zh-hant-tw", "zh-Hant-TW"), ("sr-LATN", "sr-Latn"), ("es-419", "es-419"), ("de-ch-1996", "de-CH-1996"),
        ("sl-rozaj-biske", "sl-rozaj-biske"), ("zh-yue-HK", "zh-yue-HK"), ("en-US-u-ca-gregory", "en-US-u-ca-gregory"),
        ("EN-a-BBB-x-A-CCC", "en-a-bbb-x-a-ccc"), ("x-whatever", "x-whatever"), ("qaa-X-Private", "qaa-x-private"),
    ])
    func wellFormedTagsTakeTheirUsualCase(_ input: String, _ expected: String) {
        #expect(LanguageTag.canonical(input) == expected)
    }

    @Test(arguments: [
        "", "f", "fr_FR", "fr-", "-fr", "fr--ca", "français", "fr FR", "123", "fr-CA-CA", "en-Latn-Latn",
        "en-a", "en-x", "x", "i-klingon", "en-GB-oed", "toolongtag", "fr-abcdefghi", "en-a-b", "fr-ca-1",
        "english", "French", "francais", "abcd",
    ])
    func otherTextsAreNoTags(_ input: String) {
        #expect(LanguageTag.canonical(input) == nil, "\(input)")
    }

    @Test func aProblemSuggestsTheTagAnUnderscoreOrSpaceMeant() {
        #expect(LanguageTag.problem(with: "fr_FR") == "'fr_FR' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known); write fr-FR")
        #expect(LanguageTag.problem(with: "pt br") == "'pt br' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known); write pt-BR")
        #expect(LanguageTag.problem(with: "english") == "'english' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known)")
    }
}
