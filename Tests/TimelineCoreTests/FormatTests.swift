import Testing
@testable import TimelineCore

@Suite struct FormatTests {
    @Test func quotesTakeTheMarksOfTheirLanguageUnlessTheyHaveTheirOwn() {
        #expect(QuoteMarks.quoted("Bonjour", language: "fr-CA") == "«\u{a0}Bonjour\u{a0}»")
        #expect(QuoteMarks.quoted("Hello", language: "en") == "“Hello”")
        for marked in ["« Bonjour »", "\"Hello\"", "„Hallo“", "“Hello”", "「こんにちは」"] {
            #expect(QuoteMarks.quoted(marked, language: "fr") == marked)
        }
        for unmarked in ["\"", "«", "“Hello", "Hello”", "« Bonjour » dit-il"] {
            #expect(!QuoteMarks.isMarked(unmarked), "\(unmarked)")
        }
    }

    @Test func csvQuotesWhatNeedsQuoting() {
        #expect(DelimitedText.csvLine(["a", "b,c", "say \"hi\"", "two\nlines"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
    }

    @Test func tsvEscapesTabsAndNewlines() {
        #expect(DelimitedText.tsvLine(["a\tb", "c\nd", "e\\f"]) == "a\\tb\tc\\nd\te\\\\f\n")
        // A leading quote: quoted as CSV does, so that readers that take quoting from CSV agree;
        // escaped too, so that the record is one line and a backslash reads back as one.
        #expect(DelimitedText.tsvLine(["\"Hi\" a\tb", "x \"y\""]) == "\"\"\"Hi\"\" a\\tb\"\tx \"y\"\n")
        #expect(DelimitedText.tsvLine(["\"C:\\new\"\nnext"]) == "\"\"\"C:\\\\new\"\"\\nnext\"\n")
    }

    @Test func jsonEscapesControlCharactersAndKeepsUnicode() {
        var json = JSONText()
        json.beginObject()
        json.field("quote", "« é » \"q\" \u{1} \n")
        json.field("none", nil as String?)
        json.key("list")
        json.beginArray()
        json.string("a")
        json.string("b")
        json.endArray()
        json.endObject()
        #expect(json.text == #"{"quote":"« é » \"q\" \u0001 \n","none":null,"list":["a","b"]}"#)
    }

    @Test(arguments: ["one\ntwo\n\nfour", "one\r\ntwo\r\n\r\nfour", "one\rtwo\r\rfour", "one\u{2028}two\n\nfour"])
    func showIndentsEveryLineWhateverEndsIt(text: String) {
        #expect(EventDetailText.indent(text, by: "  ") == "  one\n  two\n  \n  four")
    }

    @Test func markdownEscapesPipes() {
        #expect(MarkdownText.row(["a|b", "c\nd"]) == "| a\\|b | c<br>d |\n")
        #expect(MarkdownText.escape("a|\u{301}b") == "a\\|\u{301}b", "a combining mark after the pipe")
        #expect(MarkdownText.escape("x\r\ny\rz") == "x<br>y<br>z")
        #expect(MarkdownText.escape(#"*stars* `code` _u_ [l](x) <b> a\b"#) == #"\*stars\* \`code\` \_u\_ \[l\](x) \<b\> a\\b"#)
        #expect(MarkdownText.escape("AT&amp;T &copy;") == #"AT\&amp;T \&copy;"#, "an entity shows as written")
    }

    /// A link's address reads back whole: between <> when it holds what would end it.
    @Test(arguments: [
        ("https://ex.com/a?b=1&c=2#d", "https://ex.com/a?b=1&c=2#d"),
        ("https://ex.com/report (final).pdf", "<https://ex.com/report (final).pdf>"),
        ("https://ex.com/a)b", "<https://ex.com/a)b>"),
        ("https://ex.com/a<b>\\c", #"<https://ex.com/a\<b\>\\c>"#),
        ("https://ex.com/?q=a&amp;b=1&c=2", #"https://ex.com/?q=a\&amp;b=1&c=2"#),
        ("https://ex.com/a&#38;b&#x26;c", #"https://ex.com/a\&#38;b\&#x26;c"#),
        ("https://ex.com/a\rb\nc", "<https://ex.com/a%0Db%0Ac>"),
    ])
    func markdownLinkDestinations(url: String, destination: String) {
        #expect(MarkdownText.linkDestination(url) == destination)
    }

    @Test func figuresAreGroupedAndQualified() {
        #expect(Measure(quantity: "x", value: "3900000000", unit: "USD", approximate: true).display() == "about 3,900,000,000 USD")
        #expect(Measure(quantity: "x", value: "-99000", unit: "person").display() == "-99,000 people")
        #expect(Measure(quantity: "x", value: "30.50", unit: "USD").display() == "30.50 USD")
        #expect(Measure(quantity: "x", value: "125", unit: "office", qualifier: "more-than").display() == "more than 125 offices")
    }

    /// A bound that is itself an estimate keeps both words, the bound first, in both languages
    /// (French `de` elides before `environ`).
    @Test(arguments: [
        ("more-than", "more than about 350 people", "plus d’environ 350 person"),
        ("less-than", "less than about 350 people", "moins d’environ 350 person"),
        ("at-least", "at least about 350 people", "au moins environ 350 person"),
        ("up-to", "up to about 350 people", "jusqu’à environ 350 person"),
    ])
    func aBoundThatIsAnEstimateSaysBoth(qualifier: String, english: String, french: String) {
        let measure = Measure(quantity: "x", value: "350", unit: "person", approximate: true, qualifier: qualifier)
        #expect(measure.display() == english)
        #expect(measure.display(.french) == french)
    }

    /// English counts one in the singular and anything else in the plural: `1 person`, `0 people`,
    /// `1.5 people`; a unit that is a code or abbreviation stays as written.
    @Test(arguments: [
        ("1", "person", "1 person"), ("-1", "person", "-1 person"), ("1.00", "tonne", "1.00 tonnes"),
        ("0.01", "fraction", "1%"), ("0.125", "fraction", "12.5%"), ("1", "fraction", "100%"), ("-0.05", "fraction", "-5%"),
        ("12.5", "fraction", "1,250%"), ("0", "fraction", "0%"), (".5", "fraction", "50%"), ("0.5", "Fraction", "50%"),
        ("0.5", "FRACTION", "50%"), ("2", "fractions", "2 fractions"),
        ("01", "city", "01 city"), ("0", "person", "0 people"), ("1.5", "person", "1.5 people"),
        ("10", "1", "10 1"), ("2", "city", "2 cities"), ("2", "day", "2 days"), ("2", "box", "2 boxes"),
        ("2", "branch", "2 branches"), ("2", "employee", "2 employees"), ("2", "square-metre", "2 square-metres"),
        ("2", "full time post", "2 full time posts"), ("2", "percent", "2 percent"), ("2", "staff", "2 staff"),
        ("2", "jobs", "2 jobs"), ("2", "USD", "2 USD"), ("2", "usd", "2 usd"), ("2", "km", "2 km"),
        ("2", "kwh", "2 kwh"), ("2", "MWh", "2 MWh"), ("2", "employé", "2 employé"), ("2", "job", "2 jobs"),
        ("2", "key", "2 keys"), ("2", "square-", "2 square-"), ("2", "analysis", "2 analyses"),
        ("2", "business", "2 businesses"), ("2", "class", "2 classes"), ("2", "status", "2 status"),
        ("85.5", "BRL-million", "85.5 BRL-million"), ("2", "USD-billion", "2 USD-billion"), ("3", "million", "3 million"),
        ("2", "thousand-tonne", "2 thousand-tonnes"),
    ])
    func unitsCountInEnglish(value: String, unit: String, shown: String) {
        #expect(Measure(quantity: "x", value: value, unit: unit).display() == shown)
    }

    @Test(arguments: [
        ("3900000000", "3,900,000,000"), ("-99000", "-99,000"), ("30.50", "30.50"), ("1234.5678", "1,234.5678"),
        ("100", "100"), ("-100", "-100"), ("1000", "1,000"), ("-1000.25", "-1,000.25"), ("0", "0"), ("123456", "123,456"),
    ])
    func thousandsAreGroupedInTheIntegerPartOnly(value: String, grouped: String) {
        #expect(Measure.groupThousands(value) == grouped)
    }

    /// In French: French words and digits (narrow no-break spaces between thousands, a decimal
    /// comma), and the unit as stored, which English plurals would not make French.
    @Test(arguments: [
        (Measure(quantity: "deal-value", value: "3900000000", unit: "USD", approximate: true), "deal value\u{a0}: environ 3\u{202F}900\u{202F}000\u{202F}000 USD"),
        (Measure(quantity: "share-price", value: "30.50", unit: "USD"), "share price\u{a0}: 30,50 USD"),
        (Measure(quantity: "offices", value: "125", unit: "office", qualifier: "more-than"), "plus de 125 office"),
        (Measure(quantity: "x", value: "-99000", unit: "person", qualifier: "up-to"), "x\u{a0}: jusqu’à -99\u{202F}000 person"),
        (Measure(quantity: "share", value: "0.125", unit: "fraction", qualifier: "at-least"), "share\u{a0}: au moins 12,5\u{202F}%"),
        (Measure(quantity: "x", value: "2", unit: "city", qualifier: "less-than"), "x\u{a0}: moins de 2 city"),
    ])
    func figuresInFrench(measure: Measure, shown: String) {
        #expect(measure.labelledDisplay(.french) == shown)
    }

    /// Lists and charts say what a figure counts, unless its unit already says it.
    @Test(arguments: [
        ("employees-laid-off", "159", "person", "employees laid off: 159 people"),
        ("headcount", "1622000", "person", "headcount: 1,622,000 people"),
        ("states", "50", "state", "50 states"),
        ("members", "767000", "member", "767,000 members"),
        ("offices", "1", "office", "1 office"),
        ("deal-value", "3900000000", "USD", "deal value: 3,900,000,000 USD"),
        ("person", "2", "person", "2 people"),
    ])
    func labelledFiguresNameWhatTheyCount(quantity: String, value: String, unit: String, shown: String) {
        #expect(Measure(quantity: quantity, value: value, unit: unit).labelledDisplay() == shown)
    }

    @Test func alignedTableCountsWideCharactersTwice() {
        #expect(AlignedTable.displayWidth("中文") == 4)
        #expect(AlignedTable.displayWidth("été") == 3)
        #expect(AlignedTable.displayWidth("a 🚀 b") == 6, "an emoji takes two cells")
        #expect(AlignedTable.displayWidth("❤\u{FE0F}") == 2, "drawn as an emoji by its variation selector")
        #expect(AlignedTable.displayWidth("❤") == 1, "drawn as text")
        #expect(AlignedTable.displayWidth("👩‍💻") == 2, "one emoji of several scalars")
    }
}
