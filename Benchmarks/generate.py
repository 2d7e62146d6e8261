#!/usr/bin/python3
"""Deterministic generator of realistic synthetic timelines, for the benchmarks.

    python3 Benchmarks/generate.py --events 1000000 --seed 1 --out DIR

writes DIR/events.csv and DIR/events.ndjson in exactly the shape `timeline export --format
csv|ndjson` writes (same columns and field order, CSV with CRLF line ends and RFC 4180 quoting,
the list columns as JSON arrays), so `timeline import` reads either of them, and each NDJSON line
is byte for byte what `export --format ndjson` prints for that event after an import (the files
list events in generation order; export sorts them chronologically).

Standard library only. The same --events and --seed give the same bytes, whatever --jobs is:
events are made in chunks of CHUNK, chunk k from its own random.Random seeded with (seed, k), and
written in order. Memory stays flat: a few chunks are in flight at a time.

What the data looks like:
- dates from 1990 to 2030, the number of events growing ~20 % a year up to 2025 (news archives do)
  and falling after (fewer plans than facts); mixed precisions: day, month, quarter (`2022-34`),
  season (`2021-22`), year, some approximate (`2019~`, `2019-09~`), some intervals
  (`2019-09/2022-12-31`) and a few open ones (`2019/..`); an announcement date on about a third;
- kinds launch, expansion, customer, shutdown, layoff, headcount-change, acquisition, regulatory,
  with statuses (future events are planned or considered);
- 1-3 entities from a pool of 5,000 names (some French and German, with accents), with roles;
- 0-2 figures (exact decimal strings; person, position, USD, EUR) sourced to a cited source;
- 1-3 citations of sources from a pool of 20,000 (key, url, title, publisher, published date,
  language en/fr/de, type), with quotes in the source's language (employés, licenciés, société,
  économie, Übernahme, …) and English translations;
- a few titles and summaries with commas, double quotes and line breaks, for the CSV quoting.
"""

import argparse
import bisect
import datetime
import multiprocessing
import os
import random
import sys
import time

CHUNK = 5000

CSV_COLUMNS = ["uid", "kind", "status", "when", "earliest", "latest", "precision", "approximate", "uncertain",
               "announced", "announced_earliest", "announced_latest", "title", "summary", "entities", "tags",
               "measures", "sources"]

# ---------------------------------------------------------------------------------------------
# Text helpers: the exact escaping of the Swift writers (JSONText, DelimitedText).


def jstr(text):
    """A JSON string as `timeline` writes it. Generated text has no control characters but \\n."""
    if '"' in text or "\\" in text or "\n" in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + text + '"'


def jopt(text):
    return "null" if text is None else jstr(text)


def csv_field(text):
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


FOLD = {}
for _letters, _base in [("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "A"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "C"),
                        ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("ìíîïĩīĭįı", "i"), ("ÌÍÎÏĨĪĬĮİ", "I"),
                        ("ñńņňŉ", "n"), ("ÑŃŅŇ", "N"), ("òóôõöøōŏő", "o"), ("ÒÓÔÕÖØŌŎŐ", "O"),
                        ("ùúûüũūŭůűų", "u"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ýÿŷ", "y"), ("ÝŸŶ", "Y")]:
    for _ch in _letters:
        FOLD[_ch] = _base
FOLD.update({"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss"})


def slug(text):
    """Lowercase ASCII letters and digits joined by single hyphens, accents dropped (as the tool does)."""
    out = []
    pending = False
    for ch in "".join(FOLD.get(c, c) for c in text):
        if ch.isascii() and ch.isalnum():
            if pending and out:
                out.append("-")
            pending = False
            out.append(ch.lower())
        else:
            pending = True
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Vocabulary.

NAME_FIRST = """Acme Aldebaran Alpine Amber Apex Aquila Arcadia Argent Atlas Aurora Axiom Beacon Birch Blue Boréal
Brightwater Cascade Cedar Celeste Citadel Cobalt Comet Coral Crescent Crystal Delta Double Eagle Eastgate Echo Élan
Emerald Equinox Falcon Fjord Frontier Galaxy Garnet Glacier Golden Granite Harbor Helios Horizon Hudson Indigo Iris
Juniper Kestrel Keystone Lakeside Lumière Magnolia Maple Marigold Meridian Mistral Monarch Nordlicht Northwind Nova
Oakridge Océane Olympus Onyx Orchid Orion Pacific Paragon Pinnacle Polaris Prairie Prism Quantum Quartz Radiant
Redwood Ridge Riverside Rosewood Saffron Sapphire Sequoia Sierra Silverline Solstice Sommet Spruce Starling Sterling
Summit Sunrise Tamarack Tempest Terra Thistle Titan Topaz Tundra Unity Valence Vanguard Vega Verdant Vertex Vista
Wildrose Willow Zenith Zéphyr Étoile Über Grüntal Schönberg Rhône Mérida Forêt""".split()

NAME_SECOND = """Labs Health Systems Logistics Énergie Technologies Bank Motors Foods Média Assurances Robotics Networks
Pharma Retail Airlines Capital Analytics Biotech Mobility Software Solutions Foundry Studios Telecom Industries Holdings
Ventures Partners Consulting Dynamics Materials Semiconductors Électronique Santé Versicherung Werke Handel Logistik
Clinics Care Payments Insurance Games Grid""".split()

NAME_FORM = ["", "", "", "", " Inc.", " SA", " GmbH", " AG", " Group", " SAS", " Ltd", " & Co."]

CITIES = """Seattle Boston Austin Denver Chicago Atlanta Toronto Montréal Québec Paris Lyon Marseille Toulouse Nantes
Bordeaux Lille Grenoble Orléans Besançon Nîmes Genève Zürich Bern Bâle Berlin München Köln Düsseldorf Hamburg
Frankfurt Stuttgart Nürnberg Leipzig Dresden Wien Graz Bruxelles Liège Luxembourg Amsterdam Rotterdam London
Manchester Dublin Madrid Sevilla Málaga Barcelona Lisboa Porto Milano Torino Roma Napoli Warszawa Kraków Praha
Budapest Stockholm Göteborg Oslo København Helsinki Tallinn Singapore Tokyo Sydney Melbourne Bangalore Pune
Nairobi Lagos Johannesburg""".split()

PRODUCTS = """Pulse Care Atlas Nova Beacon Compass Harbor Spark Relay Canvas Ledger Lumen Orbit Vault Drift Cadence
Meridian Echo Forge Glide Haven Keel Lattice Mosaic Nimbus Quill Rally Sonar Tandem Verve Wren Zest Ember Fable
Halo Jetty Kiln Loom Mantle Nexus Opal Pivot Quarry Ripple Sable Tether Umbra Vector Wharf""".split()

REGULATORS = ["the FTC", "the SEC", "the European Commission", "the CNIL", "the Autorité de la concurrence",
              "the Bundeskartellamt", "BaFin", "the CMA", "the DOJ", "the FCA", "the AMF", "the ICO"]

KINDS = ["layoff", "launch", "expansion", "customer", "headcount-change", "acquisition", "shutdown", "regulatory"]
KIND_WEIGHTS = [22, 15, 15, 10, 8, 10, 8, 12]

TAGS = """tech health retail finance energy automotive telecom media logistics biotech pharma insurance banking
ai cloud semiconductors gaming food aviation real-estate europe france germany north-america asia remote
restructuring warn-notice cost-cutting merger antitrust privacy fine startup ipo bankruptcy hiring expansion
telehealth employer-health""".split()

PUBLISHERS = [
    # (name, domain, language, default type)
    ("Reuters", "reuters.com", "en", "news"), ("Associated Press", "apnews.com", "en", "news"),
    ("CNBC", "cnbc.com", "en", "news"), ("Bloomberg", "bloomberg.com", "en", "news"),
    ("The Verge", "theverge.com", "en", "news"), ("TechCrunch", "techcrunch.com", "en", "news"),
    ("The Wall Street Journal", "wsj.com", "en", "news"), ("Financial Times", "ft.com", "en", "news"),
    ("GeekWire", "geekwire.com", "en", "news"), ("Business Insider", "businessinsider.com", "en", "news"),
    ("Fierce Healthcare", "fiercehealthcare.com", "en", "news"), ("The Guardian", "theguardian.com", "en", "news"),
    ("PR Newswire", "prnewswire.com", "en", "press-release"), ("Business Wire", "businesswire.com", "en", "press-release"),
    ("SEC EDGAR", "sec.gov", "en", "filing"), ("WARN Tracker", "warntracker.com", "en", "dataset"),
    ("Le Monde", "lemonde.fr", "fr", "news"), ("Les Échos", "lesechos.fr", "fr", "news"),
    ("Siècle Digital", "siecledigital.fr", "fr", "news"), ("Le Figaro", "lefigaro.fr", "fr", "news"),
    ("La Tribune", "latribune.fr", "fr", "news"), ("L'Usine Nouvelle", "usinenouvelle.com", "fr", "news"),
    ("Libération", "liberation.fr", "fr", "news"), ("Challenges", "challenges.fr", "fr", "news"),
    ("Le Temps", "letemps.ch", "fr", "news"), ("BODACC", "bodacc.fr", "fr", "filing"),
    ("Handelsblatt", "handelsblatt.com", "de", "news"), ("Süddeutsche Zeitung", "sueddeutsche.de", "de", "news"),
    ("Frankfurter Allgemeine", "faz.net", "de", "news"), ("Der Spiegel", "spiegel.de", "de", "news"),
    ("Heise Online", "heise.de", "de", "news"), ("Die Zeit", "zeit.de", "de", "news"),
    ("Wirtschaftswoche", "wiwo.de", "de", "news"), ("Bundesanzeiger", "bundesanzeiger.de", "de", "filing"),
    ("Company memo", "intranet.example", "en", "memo"), ("Mémo interne", "intranet.example", "fr", "memo"),
]
PUBLISHER_WEIGHTS = [9, 8, 6, 6, 3, 4, 5, 4, 2, 3, 2, 3, 4, 3, 2, 1, 5, 4, 2, 3, 2, 2, 2, 1, 1, 1, 4, 3, 2, 2,
                     2, 1, 1, 1, 1, 1]

HEADLINE_WORDS = {
    "en": "jobs cuts market deal growth plan workers company shares quarter profit loss strategy office staff "
          "union merger rivals demand costs investors".split(),
    "fr": "emplois suppressions marché accord croissance plan salariés société actions trimestre bénéfice perte "
          "stratégie siège personnel syndicats fusion concurrents économie coûts investisseurs".split(),
    "de": "Stellen Abbau Markt Übernahme Wachstum Plan Mitarbeiter Unternehmen Aktien Quartal Gewinn Verlust "
          "Strategie Standort Belegschaft Gewerkschaft Fusion Konkurrenz Wirtschaft Kosten".split(),
}

# Quotes by kind, in the source's language, with their English translations ({n} a number,
# {name}, {other}, {city}, {product}).
QUOTES = {
    "layoff": [
        ("environ {n} employés de {name} seront licenciés", "about {n} employees of {name} will be laid off"),
        ("la société a confirmé la suppression de {n} postes", "the company confirmed {n} jobs will be cut"),
        ("les représentants du personnel dénoncent un plan social brutal à {city}", "staff representatives denounce a brutal redundancy plan in {city}"),
        ("rund {n} Mitarbeiter sollen entlassen werden", "around {n} employees are to be laid off"),
        ("{name} streicht {n} Stellen in {city}", "{name} is cutting {n} jobs in {city}"),
        ("we are reducing our workforce by approximately {n} roles", None),
        ("affected employees were notified on Tuesday", None),
    ],
    "launch": [
        ("{name} lance {product}, son nouveau service en ligne", "{name} launches {product}, its new online service"),
        ("{name} startet {product} zunächst in {city}", "{name} starts {product} in {city} first"),
        ("{product} is available starting today in {city}", None),
        ("the pilot opens to employees in the {city} area", None),
    ],
    "expansion": [
        ("{name} ouvre un nouveau site à {city} et prévoit de recruter {n} salariés", "{name} opens a new site in {city} and plans to hire {n} staff"),
        ("{name} eröffnet einen Standort in {city}", "{name} opens a site in {city}"),
        ("the service now reaches customers in {city}", None),
    ],
    "customer": [
        ("{other} a choisi {name} pour ses employés", "{other} chose {name} for its employees"),
        ("{other} setzt künftig auf {name}", "{other} will rely on {name} from now on"),
        ("{other} signed a multi-year agreement with {name}", None),
    ],
    "headcount-change": [
        ("l'effectif de la société a baissé de {n} personnes", "the company's headcount fell by {n} people"),
        ("die Belegschaft wuchs um {n} Mitarbeiter", "the workforce grew by {n} employees"),
        ("headcount changed by {n} in the quarter", None),
    ],
    "acquisition": [
        ("le rachat de {other} par {name} a été finalisé", "the acquisition of {other} by {name} has been completed"),
        ("die Übernahme von {other} durch {name} ist abgeschlossen", "the takeover of {other} by {name} is complete"),
        ("{name} will acquire {other} in an all-cash transaction", None),
    ],
    "shutdown": [
        ("{name} va fermer {product} d'ici la fin de l'année, une décision liée à l'économie", "{name} will close {product} by the end of the year, a decision linked to the economy"),
        ("{name} stellt {product} ein", "{name} is discontinuing {product}"),
        ("{product} will shut down, the company said", None),
    ],
    "regulatory": [
        ("l'autorité a infligé une amende à {name}", "the authority fined {name}"),
        ("die Behörde leitet ein Verfahren gegen {name} ein", "the authority opens proceedings against {name}"),
        ("regulators opened an investigation into {name}", None),
    ],
}

NOTES = ["Gives the month only.", "The figure is an estimate.", "Cites an internal memo.",
         "Later reports give a different date.", "Quoted from a works council statement.",
         "Paywalled; quote from the free summary."]

# ---------------------------------------------------------------------------------------------
# Dates.

EPOCH = datetime.date(1990, 1, 1).toordinal()
YEARS = list(range(1990, 2031))


def year_weights():
    weights = []
    for year in YEARS:
        if year <= 2025:
            weights.append(1.2 ** (year - 1990))
        else:
            weights.append(1.2 ** 35 * 0.55 ** (year - 2025))
    total = 0.0
    cumulative = []
    for w in weights:
        total += w
        cumulative.append(total)
    return cumulative


YEAR_CUMULATIVE = year_weights()
YEAR_TOTAL = YEAR_CUMULATIVE[-1]
YEAR_START = [datetime.date(y, 1, 1).toordinal() for y in YEARS]
YEAR_DAYS = [366 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 365 for y in YEARS]


def leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def month_end(year, month):
    return 29 if month == 2 and leap(year) else MONTH_DAYS[month - 1]


def iso(y, m, d):
    return "%04d-%02d-%02d" % (y, m, d)


SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11)}


def random_day(rng):
    """An ordinal day: the year by the growth curve, the day uniform within it."""
    index = bisect.bisect_right(YEAR_CUMULATIVE, rng.random() * YEAR_TOTAL)
    if index >= len(YEARS):
        index = len(YEARS) - 1
    return YEAR_START[index] + int(rng.random() * YEAR_DAYS[index])


def make_when(rng, ordinal):
    """(edtf, earliest, latest, precision, approximate) for an event around this day."""
    date = datetime.date.fromordinal(ordinal)
    y, m, d = date.year, date.month, date.day
    r = rng.random()
    if r < 0.62:
        return iso(y, m, d), iso(y, m, d), iso(y, m, d), "day", False
    if r < 0.76:
        return "%04d-%02d" % (y, m), iso(y, m, 1), iso(y, m, month_end(y, m)), "month", False
    if r < 0.82:
        q = (m - 1) // 3
        return "%04d-%02d" % (y, 33 + q), iso(y, 3 * q + 1, 1), iso(y, 3 * q + 3, month_end(y, 3 * q + 3)), "quarter", False
    if r < 0.845:
        if m == 12 or m <= 2:
            sy = y if m == 12 else y - 1
            if sy < 1990:
                sy = 1990
            return ("%04d-24" % sy, iso(sy, 12, 1), iso(sy + 1, 2, month_end(sy + 1, 2)), "season", False)
        code = 21 if m <= 5 else (22 if m <= 8 else 23)
        first, last = SEASON_MONTHS[code]
        return "%04d-%d" % (y, code), iso(y, first, 1), iso(y, last, month_end(y, last)), "season", False
    if r < 0.89:
        return "%04d" % y, iso(y, 1, 1), iso(y, 12, 31), "year", False
    if r < 0.90:
        return "%04d~" % y, iso(y, 1, 1), iso(y, 12, 31), "year", True
    if r < 0.92:
        return "%04d-%02d~" % (y, m), iso(y, m, 1), iso(y, m, month_end(y, m)), "month", True
    if r < 0.93:
        return iso(y, m, d) + "~", iso(y, m, d), iso(y, m, d), "day", True
    if r < 0.9995:
        # An interval: a start at day, month or year precision, an end some months or years later.
        span = int(rng.expovariate(1 / 240.0)) + 20
        end = datetime.date.fromordinal(min(ordinal + span, datetime.date(2030, 12, 31).toordinal()))
        s = rng.random()
        if s < 0.5:
            start_text, earliest = iso(y, m, d), iso(y, m, d)
        elif s < 0.85:
            start_text, earliest = "%04d-%02d" % (y, m), iso(y, m, 1)
        else:
            start_text, earliest = "%04d" % y, iso(y, 1, 1)
        e = rng.random()
        if e < 0.5 or end.year == y:
            end_text, latest = iso(end.year, end.month, end.day), iso(end.year, end.month, end.day)
        elif e < 0.85:
            end_text, latest = "%04d-%02d" % (end.year, end.month), iso(end.year, end.month, month_end(end.year, end.month))
        else:
            end_text, latest = "%04d" % end.year, iso(end.year, 12, 31)
        if start_text == end_text:
            end_text, latest = iso(end.year, end.month, end.day), iso(end.year, end.month, end.day)
            if end_text <= start_text:
                return iso(y, m, d), iso(y, m, d), iso(y, m, d), "day", False
        return start_text + "/" + end_text, earliest, latest, "interval", False
    # A few open intervals: `since 2019`.
    return "%04d/.." % y, iso(y, 1, 1), None, "interval", False


def make_announced(rng, ordinal):
    """An announcement some days before (or on) the event's start: day precision, sometimes month."""
    day = datetime.date.fromordinal(max(EPOCH, ordinal - int(rng.expovariate(1 / 60.0))))
    y, m, d = day.year, day.month, day.day
    if rng.random() < 0.85:
        return iso(y, m, d), iso(y, m, d), iso(y, m, d)
    return "%04d-%02d" % (y, m), iso(y, m, 1), iso(y, m, month_end(y, m))


# ---------------------------------------------------------------------------------------------
# Pools: entities and sources, the same for every chunk of a seed.


class Pools:
    def __init__(self, seed):
        rng = random.Random("timeline-benchmark-pools:%d" % seed)
        # Entities: 5,000 distinct names and slugs.
        names = []
        seen = set()
        pairs = [(a, b) for a in NAME_FIRST for b in NAME_SECOND]
        rng.shuffle(pairs)
        for a, b in pairs:
            name = a + " " + b + rng.choice(NAME_FORM)
            s = slug(name)
            if s in seen:
                continue
            seen.add(s)
            names.append((s, name))
            if len(names) == 5000:
                break
        self.entities = names
        # Zipf-like popularity: a few entities are in many events.
        self.entity_cumulative = []
        total = 0.0
        for rank in range(len(names)):
            total += 1.0 / (rank + 10) ** 0.9
            self.entity_cumulative.append(total)
        self.entity_total = total

        # Sources: 20,000, sorted by publication day; each is the same wherever it is cited.
        publisher_cumulative = []
        total = 0
        for w in PUBLISHER_WEIGHTS:
            total += w
            publisher_cumulative.append(total)
        days = sorted(max(random_day(rng) + int(rng.expovariate(1 / 20.0)), EPOCH) for _ in range(20000))
        self.source_days = days
        self.sources = []  # (key, language, json prefix up to and including '"stance":')
        for index, ordinal in enumerate(days):
            pub = PUBLISHERS[bisect.bisect_right(publisher_cumulative, rng.random() * total)]
            pub_name, domain, language, kind = pub
            date = datetime.date.fromordinal(min(ordinal, datetime.date(2030, 12, 31).toordinal()))
            published = date.isoformat() if rng.random() < 0.9 else "%04d-%02d" % (date.year, date.month)
            if rng.random() < 0.02:
                published = None
            words = HEADLINE_WORDS[language]
            title = None
            if rng.random() < 0.85:
                t = " ".join(rng.choice(words) for _ in range(rng.randint(3, 7)))
                title = t[0].upper() + t[1:]
            key = "%s-%s-%05d" % (slug(pub_name), date.isoformat(), index)
            url = None
            if kind != "memo":
                url = "https://www.%s/%04d/%02d/%02d/%s" % (domain, date.year, date.month, date.day,
                                                             slug(title or "article") + "-" + str(index))
            prefix = ('{"key":' + jstr(key) + ',"url":' + jopt(url) + ',"title":' + jopt(title)
                      + ',"publisher":' + jstr(pub_name) + ',"published":' + jopt(published)
                      + ',"language":' + jstr(language) + ',"type":' + jstr(kind) + ',"stance":')
            self.sources.append((key, language, prefix))


# ---------------------------------------------------------------------------------------------
# Events.

ROLES = {
    "layoff": ("employer", "parent"), "launch": ("subject", "partner"), "expansion": ("subject", "partner"),
    "customer": ("provider", "customer"), "headcount-change": ("employer", "parent"),
    "acquisition": ("acquirer", "target"), "shutdown": ("subject", "parent"), "regulatory": ("subject", "regulator"),
}

QUOTE_BY_LANGUAGE = {}
for _kind, _quotes in QUOTES.items():
    for _lang in ("en", "fr", "de"):
        QUOTE_BY_LANGUAGE[(_kind, _lang)] = []
    for _text, _translation in _quotes:
        if _translation is None:
            QUOTE_BY_LANGUAGE[(_kind, "en")].append((_text, None))
        elif any(w in _text for w in ("Mitarbeiter", "Stellen", "Standort", "setzt", "Übernahme", "stellt", "Behörde", "startet", "eröffnet", "Belegschaft")):
            QUOTE_BY_LANGUAGE[(_kind, "de")].append((_text, _translation))
        else:
            QUOTE_BY_LANGUAGE[(_kind, "fr")].append((_text, _translation))


def number(rng, low, high):
    """A round-ish count, as reported."""
    n = int(low * (high / low) ** rng.random())
    if n >= 1000:
        n = n // 10 * 10
    return n


def title_and_summary(rng, kind, name, other, n, city, product, amount_text):
    if kind == "layoff":
        title = rng.choice(["{name} lays off {n} employees", "{name} to cut {n} jobs in {city}",
                            "{name} annonce {n} licenciements à {city}", "{name} streicht {n} Stellen"])
        summary = "{name} says it will cut about {n} jobs, mostly in {city}, as part of a cost-cutting plan."
    elif kind == "launch":
        title = rng.choice(["{name} launches {product}", "{name} lance {product}", "{name} unveils {product} in {city}"])
        summary = "{name} launches {product}, first in {city}, with a wider roll-out planned."
    elif kind == "expansion":
        title = rng.choice(["{name} expands to {city}", "{name} opens {n} new sites", "{name} s'implante à {city}"])
        summary = "{name} expands {product} to {city}, hiring {n} people, according to the company."
    elif kind == "customer":
        title = rng.choice(["{other} signs on as a {name} customer", "{other} chooses {name} for its employees"])
        summary = "{other} signs a multi-year agreement with {name}, covering staff in {city}."
    elif kind == "headcount-change":
        title = rng.choice(["{name}'s headcount changes by {n}", "{name} ends the quarter with {n} fewer employees"])
        summary = "{name} reports a headcount change of {n} in its quarterly filing."
    elif kind == "acquisition":
        title = rng.choice(["{name} agrees to acquire {other}", "{name} completes its acquisition of {other}",
                            "{name} rachète {other} pour {amount}", "{name} übernimmt {other}"])
        summary = "{name} agrees to buy {other} for {amount}, pending approval by regulators."
    elif kind == "shutdown":
        title = rng.choice(["{name} shuts down {product}", "{name} ferme {product}", "{name} closes its {city} site"])
        summary = "{name} shuts down {product}; {n} employees are affected, the company says."
    else:
        title = rng.choice(["{regulator} fines {name} {amount}", "{regulator} opens an investigation into {name}",
                            "{name} settles with {regulator}"])
        summary = "{regulator} acts against {name} over its practices in {city}."
    values = {"name": name, "other": other, "n": "{:,}".format(n), "city": city, "product": product,
              "amount": amount_text, "regulator": rng.choice(REGULATORS)}
    title = title.format(**values)
    title = title[0].upper() + title[1:]
    r = rng.random()
    if r < 0.3:
        summary = None
    else:
        summary = summary.format(**values)
        summary = summary[0].upper() + summary[1:]
        if r > 0.9993:
            # A rare word, for the search benchmark: `--search revele` finds these (accents ignored).
            summary += " Un lanceur d'alerte a révélé le projet."
        elif r > 0.99:
            summary += '\nThe plan, codenamed "' + product + '", was first reported internally.'
        elif r > 0.97:
            summary += ' Staff called it "a shock".'
    return title, summary


def make_chunk(args):
    """CSV and NDJSON bytes of events [start, start + count), from chunk index `chunk_index`."""
    seed, chunk_index, start, count = args
    pools = POOLS
    rng = random.Random((seed << 32) | chunk_index)
    rand = rng.random
    randint = rng.randint
    choice = rng.choice
    entities = pools.entities
    ecum = pools.entity_cumulative
    etotal = pools.entity_total
    sources = pools.sources
    source_days = pools.source_days
    nsources = len(sources)
    csv_lines = []
    json_lines = []
    kind_cumulative = []
    total = 0
    for w in KIND_WEIGHTS:
        total += w
        kind_cumulative.append(total)
    kind_total = total
    last_day = datetime.date(2030, 12, 31).toordinal()
    today = datetime.date(2026, 6, 30).toordinal()
    for i in range(start, start + count):
        kind = KINDS[bisect.bisect_right(kind_cumulative, rand() * kind_total)]
        ordinal = random_day(rng)
        when, earliest, latest, precision, approximate = make_when(rng, ordinal)
        if ordinal > today:
            status = "planned" if rand() < 0.75 else "considered"
        else:
            r = rand()
            status = "occurred" if r < 0.88 else ("planned" if r < 0.94 else ("cancelled" if r < 0.97 else "considered"))
        if rand() < 0.35:
            announced, a_earliest, a_latest = make_announced(rng, ordinal)
        else:
            announced = a_earliest = a_latest = None

        # Entities: 1-3 distinct ones, the first with the kind's main role.
        count_entities = 1 if rand() < 0.5 else (2 if rand() < 0.75 else 3)
        picked = []
        while len(picked) < count_entities:
            e = bisect.bisect_right(ecum, rand() * etotal)
            if e >= len(entities):
                e = len(entities) - 1
            if e not in picked:
                picked.append(e)
        main_role, other_role = ROLES[kind]
        entity_json = []
        for position, e in enumerate(picked):
            s, name = entities[e]
            role = main_role if position == 0 else (other_role if position == 1 else "partner")
            entity_json.append('{"slug":' + jstr(s) + ',"name":' + jstr(name) + ',"role":"' + role + '"}')
        main_slug, main_name = entities[picked[0]]
        other_name = entities[picked[1]][1] if len(picked) > 1 else entities[(picked[0] + 17) % len(entities)][1]
        other_in_event = len(picked) > 1
        if not other_in_event and kind in ("customer", "acquisition"):
            other_name = "a rival"

        n = number(rng, 5, 20000)
        city = choice(CITIES)
        product = main_name.split(" ")[0] + " " + choice(PRODUCTS)
        currency = "EUR" if rand() < 0.35 else "USD"
        if rand() < 0.8:
            amount_value = str(number(rng, 1, 40000) * 100000)
            amount_text = "{:,} {}".format(int(amount_value), currency)
        else:
            amount_value = "%d.%02d" % (randint(1, 999), randint(0, 99))
            amount_text = amount_value + " " + currency
        title, summary = title_and_summary(rng, kind, main_name, other_name, n, city, product, amount_text)

        # Citations: 1-3 distinct sources, published around or after the event's start.
        count_sources = 1 if rand() < 0.45 else (2 if rand() < 0.7 else 3)
        base = bisect.bisect_left(source_days, min(ordinal, today))
        chosen = []
        while len(chosen) < count_sources:
            j = base + int(rng.expovariate(1 / 40.0)) - 5
            j = min(max(j, 0), nsources - 1)
            if j not in chosen:
                chosen.append(j)
        source_json = []
        keys = []
        for j in chosen:
            key, language, prefix = sources[j]
            keys.append(key)
            r = rand()
            stance = "supports" if r < 0.9 else ("contradicts" if r < 0.97 else "corrects")
            if rand() < 0.72:
                options = QUOTE_BY_LANGUAGE[(kind, language)] or QUOTE_BY_LANGUAGE[(kind, "en")]
                text, translation = choice(options)
                fill = {"n": str(n), "name": main_name, "other": other_name, "city": city, "product": product}
                quote = text.format(**fill)
                quote_language = language if translation is not None else "en"
                if translation is not None and rand() < 0.85:
                    translation = translation.format(**fill)
                else:
                    translation = None
                quote_part = jstr(quote) + ',"quote_language":"' + quote_language + '","translation":' + jopt(translation)
            else:
                quote_part = 'null,"quote_language":null,"translation":null'
            note = choice(NOTES) if rand() < 0.08 else None
            source_json.append(prefix + '"' + stance + '","quote":' + quote_part + ',"note":' + jopt(note) + "}")

        # Figures: 0-2, sourced to a cited source most of the time.
        measure_json = []
        r = rand()
        count_measures = 0 if r < 0.35 else (1 if r < 0.85 else 2)
        for k in range(count_measures):
            if kind in ("layoff", "shutdown"):
                quantity, unit, value = (("employees-laid-off", "person", str(n)) if k == 0
                                         else ("positions-cut", "position", str(number(rng, 5, 20000))))
            elif kind == "headcount-change":
                quantity, unit, value = (("headcount-change", "person", "-" + str(n) if rand() < 0.6 else str(n)) if k == 0
                                         else ("headcount", "person", str(number(rng, 1000, 1600000))))
            elif kind in ("acquisition", "regulatory"):
                quantity = "deal-value" if kind == "acquisition" else "fine"
                quantity, unit, value = ((quantity, currency, amount_value) if k == 0
                                         else ("share-price", currency, "%d.%02d" % (randint(1, 500), randint(0, 99))))
            else:
                quantity, unit, value = (("jobs-created", "position", str(n)) if k == 0
                                         else ("sites", "site", str(randint(1, 60))))
            approx = "true" if rand() < 0.2 else "false"
            q = rand()
            qualifier = None if q < 0.9 else ("more-than" if q < 0.95 else ("up-to" if q < 0.98 else "at-least"))
            src = choice(keys) if rand() < 0.75 else None
            mnote = "As reported; not confirmed by the company." if rand() < 0.04 else None
            measure_json.append('{"quantity":"' + quantity + '","value":"' + value + '","unit":"' + unit
                                + '","entity":' + jstr(main_slug) + ',"approximate":' + approx
                                + ',"qualifier":' + jopt(qualifier) + ',"source":' + jopt(src)
                                + ',"note":' + jopt(mnote) + "}")

        # Tags: 0-3, sorted, distinct (as the database keeps them).
        r = rand()
        tags = sorted(set(choice(TAGS) for _ in range(0 if r < 0.2 else (1 if r < 0.55 else (2 if r < 0.85 else 3)))))
        tag_json = "[" + ",".join('"' + t + '"' for t in tags) + "]"

        uid = "%s-%s-%s-%d" % (main_slug, kind, when.replace("/", "-").replace("~", "").replace(".", ""), i)
        entities_text = "[" + ",".join(entity_json) + "]"
        measures_text = "[" + ",".join(measure_json) + "]"
        sources_text = "[" + ",".join(source_json) + "]"
        approximate_text = "true" if approximate else "false"

        json_lines.append(
            '{"uid":' + jstr(uid) + ',"kind":"' + kind + '","status":"' + status + '","title":' + jstr(title)
            + ',"summary":' + jopt(summary) + ',"when":' + jstr(when) + ',"earliest":' + jopt(earliest)
            + ',"latest":' + jopt(latest) + ',"precision":"' + precision + '","approximate":' + approximate_text
            + ',"uncertain":false,"announced":' + jopt(announced) + ',"announced_earliest":' + jopt(a_earliest)
            + ',"announced_latest":' + jopt(a_latest) + ',"announced_precision":'
            + ("null" if announced is None else ('"day"' if len(announced) == 10 else '"month"'))
            + ',"entities":' + entities_text + ',"tags":' + tag_json + ',"measures":' + measures_text
            + ',"sources":' + sources_text + "}\n")
        csv_lines.append(",".join((
            uid, kind, status, when, earliest, latest or "", precision, approximate_text, "false",
            announced or "", a_earliest or "", a_latest or "", csv_field(title), csv_field(summary or ""),
            csv_field(entities_text), csv_field(tag_json), csv_field(measures_text), csv_field(sources_text),
        )) + "\r\n")
    return "".join(csv_lines).encode("utf-8"), "".join(json_lines).encode("utf-8")


POOLS = None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, required=True, help="how many events (1k to 10M and more)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same bytes")
    parser.add_argument("--out", required=True, help="folder for events.csv and events.ndjson (created)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (the output does not depend on it)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.events < 0:
        parser.error("--events must be 0 or more")

    global POOLS
    started = time.monotonic()
    POOLS = Pools(args.seed)
    os.makedirs(args.out, exist_ok=True)
    csv_path = os.path.join(args.out, "events.csv")
    json_path = os.path.join(args.out, "events.ndjson")
    tasks = [(args.seed, k, start, min(CHUNK, args.events - start)) for k, start in enumerate(range(0, args.events, CHUNK))]
    with open(csv_path + ".tmp", "wb") as csv_file, open(json_path + ".tmp", "wb") as json_file:
        csv_file.write((",".join(CSV_COLUMNS) + "\r\n").encode())
        done = 0

        def write(result, count):
            nonlocal done
            csv_bytes, json_bytes = result
            csv_file.write(csv_bytes)
            json_file.write(json_bytes)
            done += count
            if not args.quiet and sys.stderr.isatty():
                sys.stderr.write("\r%d / %d events" % (done, args.events))

        if args.jobs <= 1 or len(tasks) <= 1:
            for task in tasks:
                write(make_chunk(task), task[3])
        else:
            # Forked workers inherit the pools; a window of chunks in flight keeps memory flat.
            context = multiprocessing.get_context("fork")
            with context.Pool(args.jobs) as pool:
                window = []
                next_task = 0
                while next_task < len(tasks) or window:
                    while next_task < len(tasks) and len(window) < 2 * args.jobs:
                        window.append((pool.apply_async(make_chunk, (tasks[next_task],)), tasks[next_task][3]))
                        next_task += 1
                    result, count = window.pop(0)
                    write(result.get(), count)
                # Let the workers finish and exit: leaving the block alone would terminate them,
                # which can leave one waiting forever on a lock of the task queue.
                pool.close()
                pool.join()
    os.replace(csv_path + ".tmp", csv_path)
    os.replace(json_path + ".tmp", json_path)
    if not args.quiet:
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        sys.stderr.write("Wrote %d events to %s and %s in %.1f s.\n"
                         % (args.events, csv_path, json_path, time.monotonic() - started))


if __name__ == "__main__":
    main()
