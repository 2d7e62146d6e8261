import Testing
@testable import TimelineCore

/// Money and counts as papers and accounts write them: a scale word or letter after the number,
/// a currency's code before or after it, brackets for a loss, commas grouping a sum's thousands.
@Suite struct FigureTextTests {
    /// The exact value `text` reads as in `unit` as `--measure` reads it, nil when refused.
    func value(_ text: String, unit: String) -> String? {
        (try? MeasureSpecification.parse("q=\(text):\(unit)"))?.value
    }

    @Test(arguments: [
        ("£1.2m", "GBP", "1200000"), ("£1.2M", "GBP", "1200000"), ("$450k", "USD", "450000"), ("$1.2bn", "USD", "1200000000"),
        ("$1.2 billion", "USD", "1200000000"), ("£1.2 million", "GBP", "1200000"),
        ("1.5 million", "person", "1500000"), ("2 trillion", "USD", "2000000000000"), ("450k", "USD", "450000"),
        ("3 Mio. €", "EUR", "3000000"), ("3 Mrd", "EUR", "3000000000"), ("2 milliards", "EUR", "2000000000"),
        ("500 mil", "BRL", "500000"), ("2 mil millones", "EUR", "2000000000"), ("1.20m", "GBP", "1200000"),
        ("1.2345678m", "GBP", "1234567.8"),
        // A unit counted in millions takes the value in millions.
        ("£1.2m", "GBP-million", "1.2"), ("£450k", "GBP-million", "0.450"), ("£1.2", "GBP-million", "1.2"),
        // A currency's code before or after the number, with or without a space.
        ("GBP 5000", "GBP", "5000"), ("5000 GBP", "GBP", "5000"), ("GBP1.2bn", "GBP", "1200000000"), ("1.2bn USD", "USD", "1200000000"),
        ("usd 40", "USD", "40"), ("-CHF 30", "CHF", "-30"),
        // A loss in brackets; a sum's commas group thousands.
        ("(5000)", "GBP", "-5000"), ("(£5,000)", "GBP", "-5000"), ("( £12 )", "GBP", "-12"), ("£5,000", "GBP", "5000"),
        // Worded in German, French, Spanish or Portuguese, points group thousands and the comma
        // is the decimal mark: `1.500 Mio. €` is one and a half billion.
        ("1.500 Mio. €", "EUR", "1500000000"), ("3,2 Mrd. €", "EUR", "3200000000"), ("R$ 1.500 mil", "BRL", "1500000"),
        ("US$ 1.200 millones", "USD", "1200000000"), ("mehr als 1.000", "person", "1000"), ("rund 1.800", "person", "1800"),
        ("plus de 1.234,5", "EUR", "1234.5"), ("500 mil €", "EUR", "500000"), ("knapp 300", "person", "300"),
        // Currencies by name, singular scale words, Spanish and Indian ones; points between
        // several groups of three can only group thousands.
        ("1.200 millones de euros", "EUR", "1200000000"), ("R$ 2 milhões de reais", "BRL", "2000000"), ("1,2 Mrd. Euro", "EUR", "1200000000"),
        ("R$ 1 bilhão", "BRL", "1000000000"), ("R$ 1,5 bilhão", "BRL", "1500000000"), ("3,5 mill. €", "EUR", "3500000"),
        ("unos 300", "person", "300"), ("2 lakh", "INR", "200000"), ("1.200.000 €", "EUR", "1200000"), ("500 euros", "EUR", "500"),
        // A point after a lone 0 is a decimal one, in any language; both marks say which is which.
        ("3 millions d'euros", "EUR", "3000000"), ("1,5 milliard d’euros", "EUR", "1500000000"), ("0.250 Mio.", "person", "250000"), ("0,250", "MWh", "0.250"), ("-0,125", "fraction", "-0.125"), ("etwa 0.125", "fraction", "0.125"), ("R$ 0.500", "BRL", "0.500"),
        ("1.500,50 €", "EUR", "1500.50"), ("1,500.50", "USD", "1500.50"), ("3 thousands", "person", "3000"),
        // A unit counted in any scale word; currencies by name and the `mil` of Spanish.
        ("3 crore", "INR-crore", "3"), ("3 crore", "INR-lakh", "300"), ("1.2 billion", "USD-bn", "1.2"), ("1,2 Mrd.", "EUR-Mio", "1200"),
        ("10 mil pesos", "MXN", "10000"), ("$5 mil", "MXN", "5000"), ("5 mil millones de dólares", "USD", "5000000000"),
        ("5 mil dólares", "USD", "5000"), ("about (£5m)", "GBP", "-5000000"),
        // German, Dutch and Italian spelled out, with their words before the number.
        ("rund 3,2 Milliarden Euro", "EUR", "3200000000"), ("1,5 Millionen", "person", "1500000"), ("1 Milliarde €", "EUR", "1000000000"),
        ("2 Billionen", "USD", "2000000000000"), ("10 Tausend", "person", "10000"), ("2,5 miljoen euro", "EUR", "2500000"),
        ("ruim 1.500", "person", "1500"), ("ongeveer 3 miljard", "EUR", "3000000000"), ("zo'n 200", "person", "200"),
        ("meer dan 1.200", "store", "1200"), ("tot 500", "person", "500"), ("oltre 2 miliardi", "EUR", "2000000000"),
        ("più di 1.000", "person", "1000"), ("circa 1,5 milioni", "EUR", "1500000"), ("10 mila", "person", "10000"),
        ("almeno 300", "person", "300"), ("quasi 1 miliardo", "EUR", "1000000000"), ("3,5 mld €", "EUR", "3500000000"),
        ("1,5 miliardi di euro", "EUR", "1500000000"), ("1,2 milioni di euro", "EUR", "1200000"),
        ("etwa 0,125", "fraction", "0.125"), ("gut 1.000", "person", "1000"), ("casi 1.000", "person", "1000"),
        // English's billion after a currency sign, or in lower case.
        ("$1 Billion", "USD", "1000000000"), ("€1 Billion", "EUR", "1000000000"), ("1 billion euros", "EUR", "1000000000"),
        // Of things that come whole, a comma before three digits can only group thousands.
        ("5,000", "person", "5000"), ("c. 1,500", "job", "1500"), ("-3,870", "rider", "-3870"), ("more than 1,200", "store", "1200"),
        ("$12,500.50", "USD", "12500.50"), ("£(5,000)", "GBP", "-5000"), ("R$ (1200.00)", "BRL", "-1200.00"), ("GBP 1,234,567", "GBP", "1234567"),
    ])
    func reads(_ text: String, _ unit: String, _ expected: String) {
        #expect(value(text, unit: unit) == expected, "\(text) in \(unit)")
    }

    /// What would be a guess stays no number: `m` and `b` of a length or a count, a comma of no
    /// sum, a bracketed minus, a scale word glued to other letters.
    @Test(arguments: [
        ("1.2m", "metre"), ("3b", "person"), ("5,000", "metre"), ("5,000", "EUR"), ("(-5)", "GBP"), ("5 millionaires", "person"), ("5km", "metre"),
        ("m", "GBP"), ("GBP", "GBP"), ("5000 XYZ", "GBP"), ("£5,000m", "GBP"),
        // Abbreviations of another unit's: kelvin, minutes, tonnes; `mil` of a dollar is a million in the US.
        ("5k", "metre"), ("300 K", "kelvin"), ("45 mn", "minute"), ("1.2 tn", "tonne"), ("$5 mil", "USD"),
        // A bracketed count could be a footnote's; three decimals are a dinar's.
        ("(5)", "person"), ("2,500 TND", "TND"), ("KWD 1,250", "KWD"),
        // English words, a German number: a thousand times apart, refused.
        ("1.200 million", "EUR"), ("€1.500m", "EUR"), ("$1.250bn", "USD"),
        // A comma before three digits with such words: 1500 in English and Mexican Spanish, 1.5 in German.
        ("$1,500 millones", "MXN"), ("1,500 Mio.", "EUR"), ("mehr als 1,000", "person"), ("3,500 mil", "MXN"),
        // Brackets with a space or a point inside, of a count; a unit's letters that are no
        // currency's code, whose case is meaning; a leading zero before spaced groups; `mm`,
        // millions to a banker and billions to a Spanish paper.
        // A bound of a loss; two currencies; a currency's name in another's unit; long-scale billions;
        // a price in euros to the tenth of a cent, whose comma may be decimal; a lone 0 before points.
        ("more than (£5m)", "GBP"), ("up to (£5m)", "GBP"), ("£5 euros", "EUR"), ("$5 euros", "EUR"), ("500 pesos", "USD"),
        ("500 dollars", "MXN"), ("5 yen", "CNY"), ("2 billions", "EUR"), ("€1,5 billion", "EUR"), ("1,899 €", "EUR"), ("R$ 1,500", "BRL"),
        ("0.500.000", "EUR"),
        // A capitalised Billion after a bare number or among German words may be German's, 10¹².
        ("1 Billion Euro", "EUR"), ("rund 1 Billion Euro", "EUR"), ("1 Billion €", "EUR"), ("2 Trillion", "USD"), ("~1 Billion", "EUR"),
        ("( 5)", "person"), ("(.5)", "person"), ("5 MWh", "mWh"), ("(5) bit", "bit"), ("5m ton", "ton"), ("0 500", "person"), ("30 mm €", "EUR"), ("$3MM", "USD"),
    ])
    func refuses(_ text: String, _ unit: String) {
        #expect(value(text, unit: unit) == nil, "\(text) in \(unit)")
    }

    /// Estimates as reports word them, before or after the number.
    @Test(arguments: ["approx 400", "approx. 400", "est. 400", "an estimated 400", "estimated 400", "nearly 400", "almost 400", "some 400",
                      "close to 400", "400 (approx.)", "400 approx.", "400 (est.)", "400 (estimated)"])
    func estimatesAreApproximate(_ text: String) {
        let reading = FigureText.read(text)
        #expect(reading.digits == "400" && reading.approximate && reading.qualifier == nil, "\(text): \(reading)")
    }

    /// A bound followed by an estimate's word or sign is both, as a figure so bounded is printed
    /// (`more than about 350`, French `plus d’environ 350`).
    @Test(arguments: [
        ("more than about 350", "more-than"), (">~350", "more-than"), ("> ~350", "more-than"), ("plus d’environ 350", "more-than"),
        ("plus d'environ 350", "more-than"), ("over some 350", "more-than"), ("mehr als etwa 350", "more-than"),
        ("moins d’environ 350", "less-than"), ("at least about 350", "at-least"), ("<=~350", "up-to"),
    ])
    func aBoundThatIsAnEstimateIsReadAsBoth(_ text: String, _ qualifier: String) {
        let reading = FigureText.read(text)
        #expect(reading.digits == "350" && reading.approximate && reading.qualifier == qualifier, "\(text): \(reading)")
    }

    /// Only an estimate after a bound: an estimate's word before a bound's, or two bounds, are no figure.
    @Test(arguments: ["about more than 350", "at least at most 350", "~>350"])
    func wordsInAnotherOrderAreNoFigure(_ text: String) {
        #expect(value(text, unit: "person") == nil, "\(text)")
    }

    /// Dutch and Italian words before a number bound it or make it approximate, as the other
    /// languages' do (German `gut`, "a good", is more than; Spanish `casi` and Portuguese `quase`
    /// almost); a word that only begins like one (`totaal`) is none.
    @Test(arguments: [
        ("ruim 400", false, "more-than"), ("meer dan 400", false, "more-than"), ("minder dan 400", false, "less-than"),
        ("minstens 400", false, "at-least"), ("ten minste 400", false, "at-least"), ("tot 400", false, "up-to"),
        ("maximaal 400", false, "up-to"), ("ongeveer 400", true, nil), ("bijna 400", true, nil), ("zo’n 400", true, nil),
        ("oltre 400", false, "more-than"), ("più di 400", false, "more-than"), ("meno di 400", false, "less-than"),
        ("almeno 400", false, "at-least"), ("fino a 400", false, "up-to"), ("quasi 400", true, nil), ("intorno a 400", true, nil),
        ("totaal 400", false, nil), ("gut 400", false, "more-than"), ("casi 400", true, nil), ("quase 400", true, nil),
    ] as [(String, Bool, String?)])
    func dutchAndItalianWordsQualify(_ text: String, _ approximate: Bool, _ qualifier: String?) {
        let reading = FigureText.read(text)
        #expect(reading.approximate == approximate && reading.qualifier == qualifier, "\(text): \(reading)")
        #expect(reading.continentalMarks == (qualifier != nil || approximate), "\(text): points group thousands after it")
    }

    /// A word after the number that is no scale word, currency or estimate is what a refusal
    /// names, not the number before it.
    @Test func anUnknownWordAfterTheNumberIsNamed() {
        #expect(FigureText.unknownTrailingWord(in: "1,5 Mio. Kunden") == "Kunden")
        #expect(FigureText.unknownTrailingWord(in: "14 Prozent") == "Prozent")
        #expect(FigureText.unknownTrailingWord(in: "mehr als 2 Mrd. Dollar") == "Dollar")
        for known in ["1,5 Mio.", "500 euros", "5000 CHF", "400 approx.", "1,5 mln.", "abc", "1 200", "£5m", "N/A", "n. a."] {
            #expect(FigureText.unknownTrailingWord(in: known) == nil, "\(known)")
        }
        do {
            _ = try MeasureSpecification.parse("q=1 Billion Euro:EUR")
            Issue.record("1 Billion Euro may be German's")
        } catch {
            #expect("\(error)".contains("'Billion' is a thousand times more in German than in English (10¹² against 10⁹)"), "\(error)")
        }
        do {
            _ = try MeasureSpecification.parse("q=1,5 Mio. Kunden:person")
            Issue.record("1,5 Mio. Kunden is no number")
        } catch {
            #expect("\(error)".contains("('Kunden' after the number is no scale word or currency name this tool reads"), "\(error)")
        }
    }

    @Test func aWordThatOnlyBeginsLikeAnEstimateIsNone() {
        #expect(!FigureText.read("something 400").approximate)
        #expect(!FigureText.read("(approx.)").approximate, "a note with no number before it")
    }

    @Test func aCodeIsACurrencySignThatFitsItsUnit() {
        #expect(FigureText.read("5000 CHF").currencySign == "CHF")
        #expect(FigureText.currencySign("CHF", fits: "chf"))
        #expect(!FigureText.currencySign("GBP", fits: "USD"))
        #expect(FigureText.currencySign("£", fits: "GBP-million"))
        // Three letters that are no currency's are left to the number, to be refused.
        #expect(FigureText.read("5000 abc").currencySign == nil)
        #expect(FigureText.onlyUnit(ofCurrencySign: "£") == "GBP")
        #expect(FigureText.onlyUnit(ofCurrencySign: "$") == nil)
    }

    @Test func multiplyingByAPowerOfTenMovesThePoint() {
        #expect(ExactDecimal("1.2")!.multiplied(byPowerOfTen: 6).description == "1200000")
        #expect(ExactDecimal("1.25")!.multiplied(byPowerOfTen: 1).description == "12.5")
        #expect(ExactDecimal("-0.005")!.multiplied(byPowerOfTen: 3).description == "-5")
        #expect(ExactDecimal("7")!.multiplied(byPowerOfTen: 0).description == "7")
    }
}
