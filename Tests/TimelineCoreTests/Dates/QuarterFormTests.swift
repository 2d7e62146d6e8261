import Testing
@testable import TimelineCore

@Suite("Quarter forms")
struct QuarterFormTests {
    static let validVectors: [DateVector] = [
        DateVector("Q2 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("q1 2022", "2022-33", "2022-01-01", "2022-03-31", .quarter),
        DateVector("2022-Q3", "2022-35", "2022-07-01", "2022-09-30", .quarter),
        DateVector("2022 Q4", "2022-36", "2022-10-01", "2022-12-31", .quarter),
        DateVector("  Q2   2022 ", "2022-34", "2022-04-01", "2022-06-30", .quarter),
    ]

    @Test(arguments: validVectors)
    func quarters(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input))
    }

    @Test(arguments: [
        InvalidDateVector("Q5 2022", "there is no quarter 5"),
        InvalidDateVector("2022-Q0", "there is no quarter 0"),
        InvalidDateVector("garbage", "not a date form"),
    ])
    func rejects(vector: InvalidDateVector) {
        expectParseFailure(vector)
    }
}
