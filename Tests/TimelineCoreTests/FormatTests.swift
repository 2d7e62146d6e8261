import Testing
@testable import TimelineCore

@Suite struct FormatTests {
    @Test func csvQuotesWhatNeedsQuoting() {
        #expect(DelimitedText.csvLine(["a", "b,c", "say \"hi\"", "two\nlines"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
    }

    @Test func tsvEscapesTabsAndNewlines() {
        #expect(DelimitedText.tsvLine(["a\tb", "c\nd", "e\\f"]) == "a\\tb\tc\\nd\te\\\\f\n")
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
    }

    @Test func figuresAreGroupedAndQualified() {
        #expect(Measure(quantity: "x", value: "3900000000", unit: "USD", approximate: true).display() == "about 3,900,000,000 USD")
        #expect(Measure(quantity: "x", value: "-99000", unit: "person").display() == "-99,000 person")
        #expect(Measure(quantity: "x", value: "30.50", unit: "USD").display() == "30.50 USD")
        #expect(Measure(quantity: "x", value: "125", unit: "office", qualifier: "more-than").display() == "more than 125 office")
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
