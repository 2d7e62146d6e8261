import Testing
@testable import TimelineCore

@Suite("Display")
struct DisplayTests {
    /// (EDTF, English, French)
    static let vectors: [(String, String, String)] = [
        ("2019", "2019", "2019"),
        ("2019-09", "Sep 2019", "sept. 2019"),
        ("2022-02", "Feb 2022", "févr. 2022"),
        ("2022-08", "Aug 2022", "août 2022"),
        ("2022-34", "Q2 2022", "T2 2022"),
        ("2022-40", "H1 2022", "S1 2022"),
        ("2021-22", "Summer 2021", "été 2021"),
        ("2021-21", "Spring 2021", "printemps 2021"),
        ("2021-23", "Autumn 2021", "automne 2021"),
        ("2021-24", "Winter 2021–22", "hiver 2021–22"),
        ("1999-24", "Winter 1999–2000", "hiver 1999–2000"),
        ("2022-12-01", "1 Dec 2022", "1er déc. 2022"),
        ("2022-12-02", "2 Dec 2022", "2 déc. 2022"),
        ("201X", "2010s", "années 2010"),
        ("200X", "2000s", "années 2000"),
        // "the 1800s" could be the century: English says which.
        ("180X", "1800s decade", "années 1800"),
        ("190X~", "c. 1900s decade", "vers les années 1900"),
        ("1900~/1903~", "early 1900s decade", "début des années 1900"),
        ("180X/..", "since the 1800s decade", "depuis les années 1800"),
        ("19XX", "20th century", "XXe siècle"),
        ("20XX", "21st century", "XXIe siècle"),
        ("00XX", "1st century", "Ier siècle"),
        ("2019-XX", "2019", "2019"),
        ("2019-12-XX", "Dec 2019", "déc. 2019"),
        ("2019~", "c. 2019", "vers 2019"),
        ("2019?", "2019?", "2019 ?"),
        ("2019%", "c. 2019?", "vers 2019 ?"),
        ("2019/2022-12", "2019 – Dec 2022", "2019 – déc. 2022"),
        ("2019/..", "since 2019", "depuis 2019"),
        ("2022-12-01/..", "since 1 Dec 2022", "depuis le 1er déc. 2022"),
        ("../2022", "until 2022", "jusqu'en 2022"),
        ("../2022-12-31", "until 31 Dec 2022", "jusqu'au 31 déc. 2022"),
        ("../2022~", "until c. 2022", "jusque vers 2022"),
        ("2019/", "2019 – ?", "2019 – ?"),
        ("/2022", "? – 2022", "? – 2022"),
        ("2022-01~/2022-04~", "early 2022", "début 2022"),
        ("2022-05~/2022-08~", "mid-2022", "mi-2022"),
        ("2022-09~/2022-12~", "late 2022", "fin 2022"),
        ("2022-01/2022-04", "Jan 2022 – Apr 2022", "janv. 2022 – avr. 2022"),
        ("1990~/1993~", "early 1990s", "début des années 1990"),
        ("2022-12-01~/2022-12-10~", "early Dec 2022", "début déc. 2022"),
        ("2021-03-11~/2021-03-20~", "mid-Mar 2021", "mi-mars 2021"),
        ("2024-02-21%/2024-02-29%", "late Feb 2024?", "fin févr. 2024 ?"),
        ("2023-02-21~/2023-02-28~", "late Feb 2023", "fin févr. 2023"),
        ("2022-12-01~/2022-12-11~", "c. 1 Dec 2022 – c. 11 Dec 2022", "vers 1er déc. 2022 – vers 11 déc. 2022"),
        ("2022-01%/2022-04%", "early 2022?", "début 2022 ?"),
        ("1997%/1999%", "late 1990s?", "fin des années 1990 ?"),
        ("2022-01~/2022-04%", "c. Jan 2022 – c. Apr 2022?", "vers janv. 2022 – vers avr. 2022 ?"),
        ("1994~/1996~", "mid-1990s", "milieu des années 1990"),
        ("2017~/2019~", "late 2010s", "fin des années 2010"),
        ("1990~/1994~", "c. 1990 – c. 1994", "vers 1990 – vers 1994"),
        ("1997~/2000~", "c. 1997 – c. 2000", "vers 1997 – vers 2000"),
        ("1990/1993", "1990 – 1993", "1990 – 1993"),
        // A decade or century after a word takes its article.
        ("199X~", "c. 1990s", "vers les années 1990"),
        ("199X/..", "since the 1990s", "depuis les années 1990"),
        ("../199X", "until the 1990s", "jusqu'aux années 1990"),
        ("19XX~", "c. 20th century", "vers le XXe siècle"),
        ("19XX/..", "since the 20th century", "depuis le XXe siècle"),
        ("../19XX", "until the 20th century", "jusqu'au XXe siècle"),
    ]

    @Test(arguments: vectors)
    func display(edtf: String, english: String, french: String) throws {
        let date = try TimelineDate(edtf: edtf)
        #expect(date.display() == english)
        #expect(date.display(.english) == english)
        #expect(date.display(.french) == french)
    }
}

/// What the tool prints, it reads back as the same date.
@Suite("Display round trip")
struct DisplayRoundTripTests {
    @Test(arguments: DisplayTests.vectors.map(\.0))
    func readsBackWhatItPrints(edtf: String) throws {
        let date = try TimelineDate(edtf: edtf)
        for language in DateDisplayLanguage.allCases {
            let text = date.display(language)
            let reread = try TimelineDate.parse(text)
            #expect(reread.earliest == date.earliest, "\(text)")
            #expect(reread.latest == date.latest, "\(text)")
            #expect(reread.precision == date.precision, "\(text)")
            #expect(reread.approximate == date.approximate, "\(text)")
            #expect(reread.uncertain == date.uncertain, "\(text)")
            if !edtf.contains("-XX") {
                #expect(reread.edtf == date.edtf, "\(text)")
            }
        }
    }

    @Test("human forms print at their precision", arguments: [
        ("Q2 2022", "Q2 2022", "T2 2022"),
        ("deuxième trimestre 2022", "Q2 2022", "T2 2022"),
        ("1er décembre 2022", "1 Dec 2022", "1er déc. 2022"),
        ("circa 2019", "c. 2019", "vers 2019"),
        ("since 2019", "since 2019", "depuis 2019"),
        ("mid 2022", "mid-2022", "mi-2022"),
        ("fin 2022", "late 2022", "fin 2022"),
        ("the 2010s", "2010s", "années 2010"),
        ("hiver 2021", "Winter 2021–22", "hiver 2021–22"),
        ("from early 2022 to late 2023", "c. Jan 2022 – c. Dec 2023", "vers janv. 2022 – vers déc. 2023"),
    ])
    func humanForms(input: String, english: String, french: String) throws {
        let date = try TimelineDate.parse(input)
        #expect(date.display(.english) == english)
        #expect(date.display(.french) == french)
    }
}
