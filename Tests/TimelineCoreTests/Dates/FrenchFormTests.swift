import Testing
@testable import TimelineCore

@Suite("French forms")
struct FrenchFormTests {
    static let vectors: [DateVector] = [
        // Months, with and without accents.
        DateVector("décembre 2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        // A French spreadsheet's display of a month: its abbreviation, a hyphen, two digits.
        DateVector("juin-22", "2022-06", "2022-06-01", "2022-06-30", .month),
        DateVector("semaine du 14 mars 2022", "2022-03-14/2022-03-20", "2022-03-14", "2022-03-20", .interval),
        DateVector("mars-22", "2022-03", "2022-03-01", "2022-03-31", .month),
        DateVector("janv.-22", "2022-01", "2022-01-01", "2022-01-31", .month),
        DateVector("decembre 2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("déc. 2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("Février 2024", "2024-02", "2024-02-01", "2024-02-29", .month),
        DateVector("fevrier 2022", "2022-02", "2022-02-01", "2022-02-28", .month),
        DateVector("août 2022", "2022-08", "2022-08-01", "2022-08-31", .month),
        DateVector("aout 2022", "2022-08", "2022-08-01", "2022-08-31", .month),
        DateVector("en mars 2020", "2020-03", "2020-03-01", "2020-03-31", .month),
        DateVector("dès le mois de décembre 2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        // Days.
        DateVector("1er décembre 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("le 1er décembre 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("1ᵉʳ décembre 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("2 décembre 2022", "2022-12-02", "2022-12-02", "2022-12-02", .day),
        DateVector("jeudi 1er décembre 2022", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("29 février 2024", "2024-02-29", "2024-02-29", "2024-02-29", .day),
        DateVector("14 juill. 2022", "2022-07-14", "2022-07-14", "2022-07-14", .day),
        // Quarters and half-years.
        DateVector("deuxième trimestre 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("2e trimestre 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("2ème trimestre 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("T2 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("le second trimestre 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("lors du second trimestre 2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("au premier trimestre de 2023", "2023-33", "2023-01-01", "2023-03-31", .quarter),
        DateVector("premier semestre 2022", "2022-40", "2022-01-01", "2022-06-30", .halfYear),
        DateVector("S1 2022", "2022-40", "2022-01-01", "2022-06-30", .halfYear),
        DateVector("second semestre 2022", "2022-41", "2022-07-01", "2022-12-31", .halfYear),
        // Seasons.
        DateVector("été 2021", "2021-22", "2021-06-01", "2021-08-31", .season),
        DateVector("ete 2021", "2021-22", "2021-06-01", "2021-08-31", .season),
        DateVector("l'été 2021", "2021-22", "2021-06-01", "2021-08-31", .season),
        DateVector("printemps 2022", "2022-21", "2022-03-01", "2022-05-31", .season),
        DateVector("automne 2022", "2022-23", "2022-09-01", "2022-11-30", .season),
        DateVector("hiver 2021–22", "2021-24", "2021-12-01", "2022-02-28", .season),
        DateVector("l’hiver 2019", "2019-24", "2019-12-01", "2020-02-29", .season),
        // Approximate, uncertain, "en".
        DateVector("vers 2019", "2019~", "2019-01-01", "2019-12-31", .year, "~"),
        DateVector("environ 2019", "2019~", "2019-01-01", "2019-12-31", .year, "~"),
        DateVector("2019 environ", "2019~", "2019-01-01", "2019-12-31", .year, "~"),
        DateVector("vers 2019 ?", "2019%", "2019-01-01", "2019-12-31", .year, "%"),
        DateVector("en 2019", "2019", "2019-01-01", "2019-12-31", .year),
        DateVector("peut-être en 2019", "2019?", "2019-01-01", "2019-12-31", .year, "?"),
        // Thirds.
        DateVector("début 2022", "2022-01~/2022-04~", "2022-01-01", "2022-04-30", .interval, "~"),
        DateVector("mi-2022", "2022-05~/2022-08~", "2022-05-01", "2022-08-31", .interval, "~"),
        DateVector("fin 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("à la fin de 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("fin de l'année 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("mi-mars 2021", "2021-03-11~/2021-03-20~", "2021-03-11", "2021-03-20", .interval, "~"),
        // The hyphen spaced out, as typed in a hurry: still mid-March, not May 2020 to March 2021.
        DateVector("mi - mars 2021", "2021-03-11~/2021-03-20~", "2021-03-11", "2021-03-20", .interval, "~"),
        DateVector("début - 2021", "2021-01~/2021-04~", "2021-01-01", "2021-04-30", .interval, "~"),
        DateVector("vers mi - mars 2021", "2021-03-11~/2021-03-20~", "2021-03-11", "2021-03-20", .interval, "~"),
        DateVector("mi – mars 2021", "2021-03-11~/2021-03-20~", "2021-03-11", "2021-03-20", .interval, "~"),
        // Two thirds, though, are an interval.
        DateVector("mi - fin 2021", "2021-05~/2021-12~", "2021-05-01", "2021-12-31", .interval, "~"),
        DateVector("début décembre 2022", "2022-12-01~/2022-12-10~", "2022-12-01", "2022-12-10", .interval, "~"),
        DateVector("fin déc. 2022", "2022-12-21~/2022-12-31~", "2022-12-21", "2022-12-31", .interval, "~"),
        DateVector("à la fin du mois de juin 2022", "2022-06-21~/2022-06-30~", "2022-06-21", "2022-06-30", .interval, "~"),
        DateVector("2019 ou 2020", "2019?/2020?", "2019-01-01", "2020-12-31", .interval, "?"),
        DateVector("fin 2022 ou début 2023", "2022-09%/2023-04%", "2022-09-01", "2023-04-30", .interval, "%"),
        DateVector("début des années 1990", "1990~/1993~", "1990-01-01", "1993-12-31", .interval, "~"),
        DateVector("au milieu des années 1990", "1994~/1996~", "1994-01-01", "1996-12-31", .interval, "~"),
        DateVector("fin des années 2000", "2007~/2009~", "2007-01-01", "2009-12-31", .interval, "~"),
        // Decades and centuries.
        DateVector("les années 2010", "201X", "2010-01-01", "2019-12-31", .decade),
        DateVector("XXe siècle", "19XX", "1900-01-01", "1999-12-31", .century),
        DateVector("le XXIe siècle", "20XX", "2000-01-01", "2099-12-31", .century),
        DateVector("20e siècle", "19XX", "1900-01-01", "1999-12-31", .century),
        // Intervals.
        DateVector("depuis 2019", "2019/..", "2019-01-01", nil, .interval),
        DateVector("depuis le 1er décembre 2022", "2022-12-01/..", "2022-12-01", nil, .interval),
        DateVector("à partir de mars 2021", "2021-03/..", "2021-03-01", nil, .interval),
        DateVector("de 2019 à 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("entre 2019 et 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("jusqu'en 2022", "../2022", nil, "2022-12-31", .interval),
        DateVector("d'ici 2030", "../2030", nil, "2030-12-31", .interval),
        DateVector("d’ici à 2025", "../2025", nil, "2025-12-31", .interval),
        DateVector("d'ici fin 2023", "../2023-12~", nil, "2023-12-31", .interval, "~"),
        DateVector("mars-juin 2021", "2021-03/2021-06", "2021-03-01", "2021-06-30", .interval),
        DateVector("janv.-mars 2022", "2022-01/2022-03", "2022-01-01", "2022-03-31", .interval),
        DateVector("T1-T3 2022", "2022-33/2022-35", "2022-01-01", "2022-09-30", .interval),
        DateVector("avant 2020", "../2019", nil, "2019-12-31", .interval),
        DateVector("avant le 5 mai 2022", "../2022-05-04", nil, "2022-05-04", .interval),
        DateVector("après l'été 2021", "2021-23/..", "2021-09-01", nil, .interval),
        DateVector("apres 2021", "2022/..", "2022-01-01", nil, .interval),
        DateVector("jusqu’au 31 décembre 2022", "../2022-12-31", nil, "2022-12-31", .interval),
        DateVector("du 1er au 5 décembre 2022", "2022-12-01/2022-12-05", "2022-12-01", "2022-12-05", .interval),
        DateVector("de mars à juin 2022", "2022-03/2022-06", "2022-03-01", "2022-06-30", .interval),
        DateVector("d'avril 2019 à déc. 2022", "2019-04/2022-12", "2019-04-01", "2022-12-31", .interval),
        DateVector("2019 – déc. 2022", "2019/2022-12", "2019-01-01", "2022-12-31", .interval),
    ]

    @Test(arguments: vectors)
    func french(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input))
    }
}
