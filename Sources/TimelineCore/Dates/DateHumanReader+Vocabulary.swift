/// The words dates are written with, folded as tokens are (lower case, no accents): English and
/// French throughout, and the common ones of German, Dutch, Spanish, Italian and Portuguese
/// (months, seasons, thirds, days of the week, open ends, ranges, ordinals of quarters and
/// halves), which sources quote dates in. All are read at once: no word means one thing in one
/// language and another in another (Spanish and Italian abbreviations are left out: `ago` is
/// English, `set` and `dic` too short to be sure of).
extension DateHumanReader {
    static let monthNumbers: [String: Int] = [
        "january": 1, "jan": 1, "janvier": 1, "janv": 1,
        "february": 2, "feb": 2, "fevrier": 2, "fevr": 2, "fev": 2,
        "march": 3, "mar": 3, "mars": 3,
        "april": 4, "apr": 4, "avril": 4, "avr": 4,
        "may": 5, "mai": 5,
        "june": 6, "jun": 6, "juin": 6,
        "july": 7, "jul": 7, "juillet": 7, "juil": 7, "juill": 7,
        "august": 8, "aug": 8, "aout": 8,
        "september": 9, "sep": 9, "sept": 9, "septembre": 9,
        "october": 10, "oct": 10, "octobre": 10,
        "november": 11, "nov": 11, "novembre": 11,
        "december": 12, "dec": 12, "decembre": 12,
        // German (Jänner is Austria's January; `Maerz`, as written without umlauts), with its
        // abbreviations that differ from English.
        "januar": 1, "janner": 1, "jaenner": 1, "februar": 2, "marz": 3, "maerz": 3, "mrz": 3, "juni": 6, "juli": 7,
        "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
        // Dutch.
        "januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5, "augustus": 8,
        // Spanish.
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
        "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
        // Italian.
        "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
        "settembre": 9, "ottobre": 10, "dicembre": 12,
        // Portuguese (março folds to marco).
        "janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
        "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    ]

    /// The months' names and abbreviations in English: a number after them may be a day
    /// (`June 22`, `Oct 21`); after another language's (`Juni 22`), it is a year.
    static let englishMonthWords: Set<String> = [
        "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
        "august", "aug", "september", "sep", "sept", "october", "oct", "november", "nov", "december", "dec",
    ]

    /// 1 spring … 4 winter, as EDTF numbers them 21…24.
    static let seasonNumbers: [String: Int] = [
        "spring": 1, "printemps": 1,
        "summer": 2, "ete": 2,
        "autumn": 3, "fall": 3, "automne": 3,
        "winter": 4, "hiver": 4,
        // German, Dutch, Spanish, Italian, Portuguese.
        "fruhling": 1, "fruhjahr": 1, "fruehling": 1, "fruehjahr": 1, "lente": 1, "voorjaar": 1, "primavera": 1,
        "sommer": 2, "zomer": 2, "verano": 2, "estate": 2, "verao": 2,
        "herbst": 3, "herfst": 3, "najaar": 3, "otono": 3, "autunno": 3, "outono": 3,
        "invierno": 4, "inverno": 4,
    ]

    /// Ordinals as words; `last`/`dernier` is the last of the kind (`lastOrdinal`).
    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "last": lastOrdinal,
        "premier": 1, "premiere": 1, "seconde": 2, "deuxieme": 2, "troisieme": 3, "quatrieme": 4,
        "dernier": lastOrdinal, "derniere": lastOrdinal,
        // German, Spanish, Italian, Dutch, Portuguese (`im ersten Quartal`, `primer trimestre`).
        // Not their words for last (`letzten`, `laatste`, `último`): without a year, `im letzten
        // Quartal` is the quarter before this one, a relative date this reader knows in English
        // and French only.
        "erste": 1, "ersten": 1, "erstes": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3, "vierte": 4, "vierten": 4,
        "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
        "primo": 1, "secondo": 2, "terzo": 3, "quarto": 4,
        "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4,
        "primeiro": 1, "terceiro": 3,
    ]
    static let lastOrdinal = -1

    /// What may follow the digits of an ordinal: `2nd`, `1er`, `1re`, `2e`, `2ème`.
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "re", "ere", "e", "eme", "nde", "d", "º", "ª"]

    static let quarterWords: Set<String> = ["quarter", "qtr", "trimestre", "quartal", "kwartaal"]
    /// The letters of `Q2`, `T2` (trimestre), `H1` and `S1` (semestre).
    static let numberedPartLetters: Set<String> = ["q", "t", "h", "s"]
    static let halfWords: Set<String> = ["half", "semester", "semestre", "moitie", "halbjahr", "halfjaar"]
    static let centuryWords: Set<String> = ["century", "siecle"]

    /// early, mid, late: 1, 2, 3 (thirds of a year: January–April, May–August, September–December).
    static let thirdWords: [String: Int] = [
        "early": 1, "beginning": 1, "start": 1, "debut": 1,
        "mid": 2, "middle": 2, "mi": 2, "milieu": 2,
        "late": 3, "end": 3, "fin": 3,
        // German, Spanish, Dutch, Italian, Portuguese (`Ende 2022`, `a mediados de 2021`, `begin 2023`).
        "anfang": 1, "principios": 1, "inicio": 1, "inizio": 1, "begin": 1,
        "mitte": 2, "mediados": 2, "midden": 2, "meados": 2,
        "ende": 3, "finales": 3, "eind": 3, "einde": 3, "fim": 3,
        "inicios": 1, "comienzos": 1, "meta": 2, "medio": 2, "fine": 3, "fines": 3, "finais": 3,
    ]

    /// Words between a third and its month: `end of June`, `début du mois de mars`.
    static let monthLinkWords: Set<String> = ["of", "the", "de", "du", "d", "'", "mois"]

    /// Words between a third and its decade: `end of the 1990s`, `fin des années 1990`.
    static let decadeLinkWords: Set<String> = ["of", "the", "des", "de", "les"]

    static let approximateWords: Set<String> = [
        "circa", "c", "ca", "approx", "approximately", "about", "around", "roughly",
        "vers", "environ", "approximativement", "autour", "alentours",
    ]
    static let uncertainWords: Set<String> = ["probably", "possibly", "perhaps", "maybe", "probablement"]

    /// Words a date may be preceded by that change nothing: `in`, `on`, `le`, `lors du`, `dès le mois de`,
    /// and the days of the week (`weekdays`; `Friday, 19 November 2019`).
    static let fillerWords: Set<String> = Set([
        "in", "on", "at", "the", "of", "during", "month", "year",
        "le", "la", "l", "les", "en", "au", "aux", "a", "lors", "du", "de", "d", "des", "dans", "durant",
        "pendant", "courant", "mois", "annee", "an", "'", ",",
        // am/im (German), op (Dutch), el/en/al (Spanish), il/nel/alla/all' (Italian), em (Portuguese).
        "am", "im", "op", "el", "il", "nel", "em", "al", "alla", "all",
    ]).union(weekdays.keys)

    /// Days of the week, to their ISO number (Monday 1 … Sunday 7): `last Tuesday`, `mardi
    /// dernier`, and the check that `Friday, 19 November 2019` names a Friday.
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
        "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7,
        "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonnabend": 6, "sonntag": 7,
        "maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5, "zaterdag": 6, "zondag": 7,
        "lunes": 1, "martes": 2, "miercoles": 3, "jueves": 4, "viernes": 5, "sabado": 6, "domingo": 7,
        "lunedi": 1, "martedi": 2, "mercoledi": 3, "giovedi": 4, "venerdi": 5, "sabato": 6, "domenica": 7,
    ]

    /// Words that link a part of a date to its year: `first half of 2022`, `été de 2021`.
    /// `del` (Spanish, Italian: `junio del 2022`) and `van` (Dutch: `zomer van 2022`) too.
    static let ofWords: Set<String> = ["of", "de", "d", "du", "'", "l", "the", "year", "annee", ",", "del", "van"]

    /// Words that open an interval, with the words that may separate its two ends.
    static let intervalOpeners: [String: Set<String>] = [
        "from": ["to", "till", "until", "through", "thru", "–", "-"],
        "between": ["and", "&"],
        "de": ["a", "au", "–", "-"],
        "d": ["a", "au", "–", "-"],
        "du": ["au", "a", "–", "-"],
        "entre": ["et", "y", "e"],
        // German, Dutch, Spanish, Italian.
        "von": ["bis", "–", "-"], "vom": ["bis", "–", "-"], "zwischen": ["und"],
        "van": ["tot", "–", "-"], "tussen": ["en"],
        "desde": ["hasta", "a", "–", "-"], "dal": ["al", "–", "-"], "da": ["a", "–", "-"],
    ]
    /// Separators an interval may have without an opening word: `2019 to 2022`, `2019–2022`,
    /// `Q2 2022 / Q4 2022`.
    static let plainSeparators: Set<String> = ["to", "till", "until", "through", "thru", "–", "-", "/", "→", "bis", "tot"]

    /// Words that open an interval with an open end (`since 2019`) or an open start (`until 2022`).
    static let sinceWords: Set<String> = ["since", "from", "depuis", "starting", "seit", "ab", "sinds", "vanaf", "desde", "dal"]
    static let untilWords: Set<String> = ["until", "till", "by", "jusqu", "jusque", "jusqua", "bis", "tot", "hasta", "fino", "ate"]
    /// An interval's end that is still to come: `March 2020 – present`, `2019 to date`, `… to now`.
    static let ongoingWords: Set<[String]> = [["present"], ["the", "present"], ["date"], ["now"], ["ongoing"],
                                              ["heute"], ["vandaag"], ["hoy"], ["oggi"], ["hoje"]]
    /// Words that open an interval that ends before a date (`before 2020`) or starts after it.
    static let beforeWords: Set<String> = ["before", "avant"]
    static let afterWords: Set<String> = ["after", "apres", "après"]
}
