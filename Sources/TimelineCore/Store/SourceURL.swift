import SQLiteStorage

/// A source's URL as people paste it, told apart from the same page's URL with tracking added:
/// `https://www.example.org/a/?utm_source=x#top` is `https://www.example.org/a`.
public enum SourceURL {
    /// Query parameters that only say how the reader came to the page.
    /// `xtor`, `at_medium` and `at_campaign` are AT Internet's, which the French press uses (Le
    /// Monde, Le Figaro, Les Échos).
    private static let trackingParameters: Set<String> = ["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ref_src", "igshid",
                                                          "xtor", "at_medium", "at_campaign", "yclid", "twclid", "ttclid", "mkt_tok",
                                                          "_hsenc", "_hsmi"]

    /// `https://` and the text, when the text is a host and a path with no scheme (`www.lemonde.fr/…`,
    /// `lemonde.fr/economie/…`); nil for anything else, a source key among them.
    public static func webAddressWithoutScheme(_ text: String) -> String? {
        guard !text.contains("://"), !text.contains(" ") else { return nil }
        let host = text.prefix { $0 != "/" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }),
              let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter),
              host.lowercased().hasPrefix("www.") || host.count < text.count else { return nil }
        return "https://" + text
    }

    /// How many web addresses a source's URL or key holds when it holds several: its pieces
    /// between spaces, `;` and `,` that hold `://` or start with `www.`
    /// (`https://a.example/x; https://b.example/y`: 2). Nil for one address or none.
    ///
    /// Runs for every new source an import makes: a text with fewer than two `://` and `www.`
    /// (most, one URL each) is answered from its bytes, without splitting it into Characters.
    static func severalAddresses(in text: String) -> Int? {
        // At least as many as the addresses: each `://`, and each `www.` but after a `/` (where
        // no piece starts: `https://www.example.org` is one). ASCII letters folded.
        var text = text
        text.makeContiguousUTF8()
        let marks = text.utf8.withContiguousStorageIfAvailable { bytes in
            var marks = 0
            var index = 0
            while index + 2 < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") {
                    marks += 1
                    index += 3
                } else if byte | 0x20 == UInt8(ascii: "w"), index + 3 < bytes.count, bytes[index + 1] | 0x20 == UInt8(ascii: "w"), bytes[index + 2] | 0x20 == UInt8(ascii: "w"),
                          bytes[index + 3] == UInt8(ascii: "."), index == 0 || bytes[index - 1] != UInt8(ascii: "/") {
                    marks += 1
                    index += 4
                } else {
                    index += 1
                }
            }
            return marks
        } ?? 2
        guard marks > 1 else { return nil }
        let addresses = text.split(whereSeparator: { $0.isWhitespace || $0 == ";" || $0 == "," })
            .count(where: { $0.contains("://") || $0.lowercased().hasPrefix("www.") })
        return addresses > 1 ? addresses : nil
    }

    /// The parts of an `http(s)` URL that name the page, for comparing: the host in lower case
    /// without `www.`, the path without a trailing `/` (with a one-page site's `#/route`), and the
    /// query without tracking parameters; no scheme, nor a fragment that only points into the
    /// page. Nil for a URL of another form.
    static func comparable(_ url: String) -> String? {
        guard let parts = parts(of: url) else { return nil }
        return parts.host + parts.path + (parts.query.isEmpty ? "" : "?" + parts.query)
    }

    /// An `http(s)` URL without its tracking parameters (`utm_…`, `fbclid`, …), all else as
    /// written; the URL itself when it has none, or is of another form, or is an archive's copy
    /// of another page (`https://web.archive.org/web/2021…/https://example.org/a?utm_source=x`),
    /// whose query is the archived address's: without it the archive finds another copy, or none.
    public static func withoutTracking(_ url: String) -> String {
        let lowercased = url.lowercased()
        guard lowercased.hasPrefix("https://") || lowercased.hasPrefix("http://"),
              let mark = url.firstIndex(of: "?") else { return url }
        if archivedAddress(in: url) != nil || url[..<mark].lowercased().contains("http%3a") { return url }
        let fragment = url[mark...].firstIndex(of: "#").map { url[$0...] } ?? ""
        let query = url[url.index(after: mark)..<(fragment.isEmpty ? url.endIndex : fragment.startIndex)]
        let parameters = query.split(separator: "&", omittingEmptySubsequences: false)
        let kept = parameters.filter { !isTracking($0) && !$0.isEmpty }
        guard kept.count < parameters.count else { return url }
        return String(url[..<mark]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) + fragment
    }

    /// The address of the page an archive's URL holds a copy of (`https://example.org/a` in
    /// `https://web.archive.org/web/2021…/https://example.org/a`, `https://archive.ph/…/https://…`):
    /// a second `http://` or `https://` after the first; nil for a URL of one address.
    static func archivedAddress(in url: String) -> String? {
        // Bytes, ASCII letters folded: the schemes are ASCII, and an offset in bytes is one in
        // `url`. Before the query: an address in a query (`?ref=https://t.co/…`) is a parameter.
        let end = url.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.utf8.endIndex
        let bytes = Array(url.utf8[..<end]).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        let https = Array("https://".utf8), http = Array("http://".utf8)
        let first = bytes.starts(with: https) ? 8 : bytes.starts(with: http) ? 7 : 0
        guard first > 0 else { return nil }
        var index = first
        while index + http.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "h"), bytes[index...].starts(with: http) || bytes[index...].starts(with: https) {
                return String(decoding: url.utf8.dropFirst(index), as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    private static func isTracking(_ parameter: Substring) -> Bool {
        let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return name.hasPrefix("utm_") || trackingParameters.contains(name)
    }

    /// The key of the source with this URL, else of one whose URL names the same page with a
    /// trailing slash, query or fragment more or less, under `http` or `https`, with `www.` or without.
    ///
    /// Those URLs start with a scheme, host and path: four ranges of the URL index, one a
    /// spelling, in one statement, the URL's own spelling first (which holds the URL itself too).
    /// Most URLs an import names are new: one statement finds that, where a lookup of the URL's
    /// own spelling first, then of the four, took two.
    static func key(ofSamePageAs url: String, in database: Database) throws -> String? {
        // Runs for every source an import names: bytes, and a String only for a URL that has a
        // query, fragment or trailing slash to set aside.
        let bytes = url.utf8
        guard bytes.lazy.prefix(4).map({ $0 | 0x20 }).elementsEqual("http".utf8) else {
            return try database.statement("SELECT key FROM sources WHERE url = ?1").first([.text(url)]) { $0.text(at: 0) }
        }
        let prefix = pagePrefix(of: url)
        let spellings = otherSpellings(ofPrefix: prefix)
        var found: String?
        if let spellings, spellings[0] == prefix {
            found = try samePage(as: url, amongURLsStartingWith: spellings, in: database)
        } else {
            // A scheme or host written in capitals (`HTTPS://Example.org/a`): as written first.
            found = try samePage(as: url, amongURLsStartingWith: [prefix], in: database,
                                 statement: database.statement("SELECT key, url FROM sources WHERE url >= ?1 AND url < ?1 || char(1114111)"))
            if found == nil, let spellings {
                found = try samePage(as: url, amongURLsStartingWith: spellings, in: database)
            }
        }
        // The path escaped (`%D0%93…`) where it was written out (`Г…`), or the other way, or
        // escaped in the other case of hex (`%d0%93…`): written out, and escaped as a browser
        // sends it (in capitals). Nothing more to look up for an ASCII path without escapes.
        if found == nil {
            let unescaped = unescapedNonASCII(prefix[...])
            var others = [unescaped]
            if case let escaped = escapedNonASCII(unescaped), escaped != unescaped { others.append(escaped) }
            for other in others where found == nil && other != prefix {
                if let spellings = otherSpellings(ofPrefix: other) {
                    found = try samePage(as: url, amongURLsStartingWith: spellings, in: database)
                }
            }
        }
        return found
    }

    /// `samePage` among the URLs starting with one of four spellings of a page prefix
    /// (`otherSpellings`): one statement, a range of the URL index each.
    private static func samePage(as url: String, amongURLsStartingWith spellings: [String], in database: Database) throws -> String? {
        try samePage(as: url, amongURLsStartingWith: spellings, in: database, statement: database.statement(
            """
            SELECT key, url FROM sources WHERE (url >= ?1 AND url < ?1 || char(1114111)) OR (url >= ?2 AND url < ?2 || char(1114111))
                OR (url >= ?3 AND url < ?3 || char(1114111)) OR (url >= ?4 AND url < ?4 || char(1114111))
            """))
    }

    /// The URL up to its query or fragment, without trailing slashes: what a range of the URL
    /// index starts with for every URL of the same page under the same scheme and host.
    private static func pagePrefix(of url: String) -> String {
        let bytes = url.utf8
        var end = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") { end = bytes.index(before: end) }
        return end == bytes.endIndex ? url : String(url[..<end])
    }

    /// The key of a source whose URL is `url`, else of one naming the same page among those that
    /// `statement` finds, which start with one of `prefixes` (bound as ?1, ?2, …).
    private static func samePage(as url: String, amongURLsStartingWith prefixes: [String], in database: Database,
                                 statement: Statement) throws -> String? {
        var exact: String?
        var samePage: [(key: String, url: String)] = []
        try statement.forEachRow(prefixes.map { .text($0) }) { row in
            let candidate = row.text(at: 1)
            if candidate == url {
                exact = row.text(at: 0)
                return
            }
            for prefix in prefixes where candidate.utf8.starts(with: prefix.utf8) {
                // `…/story/`, `…/story?utm_source=x`, `…/story#top`; not `…/storyline`.
                let next = candidate.utf8.dropFirst(prefix.utf8.count).first
                if next == nil || next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "#") {
                    samePage.append((row.text(at: 0), candidate))
                    break
                }
            }
        }
        if let exact { return exact }
        guard !samePage.isEmpty, let wanted = comparable(url) else { return nil }
        return samePage.first { comparable($0.url) == wanted }?.key
    }

    /// A page prefix (`https://www.example.org/a`) under the other scheme, with `www.` added or
    /// taken away, and with its scheme and host in lower case (`HTTPS://WWW.Example.com/a` is
    /// `https://www.example.com/a`; the path keeps its case, which servers read): four prefixes,
    /// built from bytes. Nil for a prefix with no host.
    private static func otherSpellings(ofPrefix prefix: String) -> [String]? {
        let bytes = Array(prefix.utf8)
        let lowered = bytes.prefix(8).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        let schemeLength = lowered.starts(with: "https://".utf8) ? 8 : lowered.starts(with: "http://".utf8) ? 7 : 0
        guard schemeLength > 0 else { return nil }
        let hostEnd = bytes[schemeLength...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
        var host = bytes[schemeLength..<hostEnd].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        // A host in another script in capitals (`ПРЕЗИДЕНТ.РФ`): in lower case too.
        if host.contains(where: { $0 >= 0x80 }) { host = Array(String(decoding: host, as: UTF8.self).lowercased().utf8) }
        guard !host.isEmpty, host != Array("www.".utf8) else { return nil }
        let path = bytes[hostEnd...]
        let scheme = Array(lowered.prefix(schemeLength))
        let otherScheme = Array((schemeLength == 8 ? "http://" : "https://").utf8)
        let otherHost = host.starts(with: "www.".utf8) ? Array(host.dropFirst(4)) : Array("www.".utf8) + host
        return [scheme + host, scheme + otherHost, otherScheme + host, otherScheme + otherHost]
            .map { String(decoding: $0 + path, as: UTF8.self) }
    }

    private static func parts(of url: String) -> (host: String, path: String, query: String)? {
        let lowercased = url.lowercased()
        let schemeLength: Int
        if lowercased.hasPrefix("https://") { schemeLength = 8 } else if lowercased.hasPrefix("http://") { schemeLength = 7 } else { return nil }
        var rest = Substring(url.dropFirst(schemeLength))
        // A fragment only points into the page, unless it is the page: a route of a one-page
        // site (`#/story/2`, `#!/post/2`), which is part of what names it.
        var route = ""
        if let fragment = rest.firstIndex(of: "#") {
            let after = rest[rest.index(after: fragment)...]
            if after.hasPrefix("/") || after.hasPrefix("!") { route = "#" + after }
            rest = rest[..<fragment]
        }
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<slash].lowercased()
        guard !host.isEmpty else { return nil }
        // `www.example.org` and `example.org` serve one site.
        if host.hasPrefix("www."), host.count > 4 { host.removeFirst(4) }
        // A path or query copied from the address bar (`/wiki/Газпром`) or as sent
        // (`/wiki/%D0%93%D0%B0…`, in either case of hex) names one page.
        var path = unescapedNonASCII(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        // An archive's copy keeps its query whole: it is the archived address's.
        let archived = archivedAddress(in: url) != nil
        let kept = query.split(separator: "&").filter { archived || !isTracking($0) }.map { unescapedNonASCII($0) }
        return (host, path + route, kept.joined(separator: "&"))
    }

    /// `text` with the percent-escapes of non-ASCII UTF-8 written as their characters
    /// (`%D0%93` is `Г`), and the other escapes in capitals (`%2f` is `%2F`): how a browser
    /// shows an address it sends escaped. Escapes that make no UTF-8 are kept, in capitals.
    static func unescapedNonASCII(_ text: Substring) -> String {
        // Most paths have no escape: looked for before any copy is made.
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        let bytes = Array(text.utf8)
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            // A run of escapes of bytes above 0x7F: one or more characters, if they are UTF-8.
            var run: [UInt8] = []
            var end = index
            while end + 2 < bytes.count, bytes[end] == UInt8(ascii: "%"), let high = hex(bytes[end + 1]), let low = hex(bytes[end + 2]), high >= 8 {
                run.append(high << 4 | low)
                end += 3
            }
            if !run.isEmpty, run.withUnsafeBufferPointer({ UTF8Check.problem(in: $0) }) == nil {
                result += run
                index = end
                continue
            }
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, hex(bytes[index + 1]) != nil, hex(bytes[index + 2]) != nil {
                result += [UInt8(ascii: "%")] + bytes[(index + 1)...(index + 2)].map { (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) ? $0 - 0x20 : $0 }
                index += 3
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` with its non-ASCII characters as percent-escapes of their UTF-8, in capitals, as
    /// an address is sent.
    static func escapedNonASCII(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        let digits = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        for byte in text.utf8 {
            if byte < 0x80 { result.append(byte) } else { result += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
