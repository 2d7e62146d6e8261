import Testing
@testable import TimelineCore

@Suite("English forms")
struct EnglishFormTests {
    static let vectors: [DateVector] = [
        // Quarters.
        DateVector("Q2 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("q1 2022", "2022-33", "2022-01-01", "2022-03-31", .quarter),
        DateVector("2022-Q3", "2022-35", "2022-07-01", "2022-09-30", .quarter),
        DateVector("2022 Q4", "2022-36", "2022-10-01", "2022-12-31", .quarter),
        DateVector("  Q2   2022 ", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("2nd quarter 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("second quarter of 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("in the Second Quarter of 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("the last quarter of 2022", "2022-36", "2022-10-01", "2022-12-31", .quarter),
        // Half-years.
        DateVector("H1 2022", "2022-40", "2022-01-01", "2022-06-30", .halfYear),
        DateVector("2022-H2", "2022-41", "2022-07-01", "2022-12-31", .halfYear),
        DateVector("first half of 2022", "2022-40", "2022-01-01", "2022-06-30", .halfYear),
        DateVector("the second half of 2022", "2022-41", "2022-07-01", "2022-12-31", .halfYear),
        // Months.
        DateVector("December 2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("Dec 2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("Dec. 2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("DECEMBER   2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("Feb 2024", "2024-02", "2024-02-01", "2024-02-29", .month),
        DateVector("Sept 2019", "2019-09", "2019-09-01", "2019-09-30", .month),
        // Days.
        DateVector("1 December 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("December 1, 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("Dec. 1st 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("1st Dec 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("the 1st of December 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("on Thursday, 1 December 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("Thu 1 Dec 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("29 February 2024", "2024-02-29", "2024-02-29", "2024-02-29", .day),
        DateVector("Mar 3rd, 2021", "2021-03-03", "2021-03-03", "2021-03-03", .day),
        // Seasons.
        DateVector("summer 2021", "2021-22", "2021-06-01", "2021-08-31", .season),
        DateVector("fall 2021", "2021-23", "2021-09-01", "2021-11-30", .season),
        DateVector("autumn 2021", "2021-23", "2021-09-01", "2021-11-30", .season),
        DateVector("Spring 2020", "2020-21", "2020-03-01", "2020-05-31", .season),
        DateVector("winter 2023", "2023-24", "2023-12-01", "2024-02-29", .season),
        DateVector("Winter 2021–22", "2021-24", "2021-12-01", "2022-02-28", .season),
        DateVector("winter 2021-2022", "2021-24", "2021-12-01", "2022-02-28", .season),
        DateVector("the summer of 2021", "2021-22", "2021-06-01", "2021-08-31", .season),
        // Approximate and uncertain.
        DateVector("circa 2019", "2019~", "2019-01-01", "2019-12-31", .year, "~"),
        DateVector("c. 2019", "2019~", "2019-01-01", "2019-12-31", .year, "~"),
        DateVector("ca. 2019", "2019~", "2019-01-01", "2019-12-31", .year, "~"),
        DateVector("about 2019", "2019~", "2019-01-01", "2019-12-31", .year, "~"),
        DateVector("around 2019", "2019~", "2019-01-01", "2019-12-31", .year, "~"),
        DateVector("c. 2019?", "2019%", "2019-01-01", "2019-12-31", .year, "%"),
        DateVector("2019 ?", "2019?", "2019-01-01", "2019-12-31", .year, "?"),
        DateVector("probably Q2 2022", "2022-34?", "2022-04-01", "2022-06-30", .quarter, "?"),
        DateVector("around December 2022", "2022-12~", "2022-12-01", "2022-12-31", .month, "~"),
        DateVector("circa 2022-12", "2022-12~", "2022-12-01", "2022-12-31", .month, "~"),
        DateVector("c. Winter 2021–22", "2021-24~", "2021-12-01", "2022-02-28", .season, "~"),
        // Thirds of a year.
        DateVector("early 2022", "2022-01~/2022-04~", "2022-01-01", "2022-04-30", .interval, "~"),
        DateVector("mid 2022", "2022-05~/2022-08~", "2022-05-01", "2022-08-31", .interval, "~"),
        DateVector("mid-2022", "2022-05~/2022-08~", "2022-05-01", "2022-08-31", .interval, "~"),
        DateVector("late 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("in late 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("the end of 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        // Decades and centuries.
        DateVector("the 2010s", "201X", "2010-01-01", "2019-12-31", .decade),
        DateVector("1990's", "199X", "1990-01-01", "1999-12-31", .decade),
        DateVector("20th century", "19XX", "1900-01-01", "1999-12-31", .century),
        DateVector("the 21st century", "20XX", "2000-01-01", "2099-12-31", .century),
        DateVector("201x", "201X", "2010-01-01", "2019-12-31", .decade),
        // Intervals.
        DateVector("since 2019", "2019/..", "2019-01-01", nil, .interval),
        DateVector("Since September 2019", "2019-09/..", "2019-09-01", nil, .interval),
        DateVector("from 2019", "2019/..", "2019-01-01", nil, .interval),
        DateVector("until 2022", "../2022", nil, "2022-12-31", .interval),
        DateVector("by 2022", "../2022", nil, "2022-12-31", .interval),
        // Before and after: the period of the same kind next to the date, then open.
        DateVector("before 2020", "../2019", nil, "2019-12-31", .interval),
        DateVector("prior to Q1 2022", "../2021-36", nil, "2021-12-31", .interval),
        DateVector("before 1 March 2024", "../2024-02-29", nil, "2024-02-29", .interval),
        DateVector("before January 2020", "../2019-12", nil, "2019-12-31", .interval),
        DateVector("before the 2010s", "../200X", nil, "2009-12-31", .interval),
        DateVector("after March 2021", "2021-04/..", "2021-04-01", nil, .interval),
        DateVector("after 31 December 2021", "2022-01-01/..", "2022-01-01", nil, .interval),
        DateVector("after winter 2021–22", "2022-21/..", "2022-03-01", nil, .interval),
        DateVector("after H2 2022", "2023-40/..", "2023-01-01", nil, .interval),
        DateVector("2019 to 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("from 2019 to 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("between 2019 and 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("2019–2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("2019-2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("2019 - 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("2019 – Dec 2022", "2019/2022-12", "2019-01-01", "2022-12-31", .interval),
        DateVector("Sep 2019 – 31 Dec 2022", "2019-09/2022-12-31", "2019-09-01", "2022-12-31", .interval),
        DateVector("2019 – ?", "2019/", "2019-01-01", nil, .interval),
        DateVector("? – 2022", "/2022", nil, "2022-12-31", .interval),
        DateVector("March to June 2022", "2022-03/2022-06", "2022-03-01", "2022-06-30", .interval),
        DateVector("December 2021 to February", "2021-12/2022-02", "2021-12-01", "2022-02-28", .interval),
        DateVector("November to February 2023", "2022-11/2023-02", "2022-11-01", "2023-02-28", .interval),
        DateVector("1–5 December 2022", "2022-12-01/2022-12-05", "2022-12-01", "2022-12-05", .interval),
        DateVector("from early 2022 to late 2023", "2022-01~/2023-12~", "2022-01-01", "2023-12-31", .interval, "~"),
        DateVector("since early 2022", "2022-01~/..", "2022-01-01", nil, .interval, "~"),
        DateVector("Q2 2022 to Q4 2022", "2022-34/2022-36", "2022-04-01", "2022-12-31", .interval),
        DateVector("from 2019-09 to 2022-12-31", "2019-09/2022-12-31", "2019-09-01", "2022-12-31", .interval),
        DateVector("Q2 2022 / Q4 2022", "2022-34/2022-36", "2022-04-01", "2022-12-31", .interval),
        DateVector("2019 → 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("2019 / ..", "2019/..", "2019-01-01", nil, .interval),
        DateVector("circa 2019 to 2022", "2019~/2022", "2019-01-01", "2022-12-31", .interval, "~"),
    ]

    @Test(arguments: vectors)
    func english(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input))
    }
}
