import SQLiteStorage

/// A source's URL as people paste it, told apart from the same page's URL with tracking added:
/// `https://www.example.org/a/?utm_source=x#top` is `https://www.example.org/a`.
enum SourceURL {
    /// Query parameters that only say how the reader came to the page.
    private static let trackingParameters: Set<String> = ["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ref_src", "igshid"]

    /// The parts of an `http(s)` URL that name the page, for comparing: the host in lower case
    /// without `www.`, the path without a trailing `/`, and the query without tracking parameters; no scheme or
    /// fragment. Nil for a URL of another form.
    static func comparable(_ url: String) -> String? {
        guard let parts = parts(of: url) else { return nil }
        return parts.host + parts.path + (parts.query.isEmpty ? "" : "?" + parts.query)
    }

    /// The key of the source with this URL, else of one whose URL names the same page with a
    /// trailing slash, query or fragment more or less, under `http` or `https`, with `www.` or without.
    ///
    /// Those URLs start with a scheme, host and path: one range of the URL index, which holds the
    /// URL itself too, so that a saver's lookup costs what an exact one did. The other spellings
    /// of the scheme and host are looked up only for a URL no source has yet.
    static func key(ofSamePageAs url: String, in database: Database) throws -> String? {
        // Runs for every source an import names: bytes, and a String only for a URL that has a
        // query, fragment or trailing slash to set aside.
        let bytes = url.utf8
        guard bytes.lazy.prefix(4).map({ $0 | 0x20 }).elementsEqual("http".utf8) else {
            return try database.statement("SELECT key FROM sources WHERE url = ?1").first([.text(url)]) { $0.text(at: 0) }
        }
        if let key = try key(ofSamePageAs: url, spelled: url, in: database) { return key }
        for spelling in otherSpellings(of: url) {
            if let key = try key(ofSamePageAs: url, spelled: spelling, in: database) { return key }
        }
        return nil
    }

    /// The key of a source whose URL is `spelling`, else one naming the same page as `url` among
    /// those that start with `spelling`'s scheme, host and path.
    private static func key(ofSamePageAs url: String, spelled spelling: String, in database: Database) throws -> String? {
        let bytes = spelling.utf8
        var end = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") { end = bytes.index(before: end) }
        let prefix = end == bytes.endIndex ? spelling : String(spelling[..<end])
        var exact: String?
        var samePage: [(key: String, url: String)] = []
        try database.statement("SELECT key, url FROM sources WHERE url >= ?1 AND url < ?1 || char(1114111)")
            .forEachRow([.text(prefix)]) { row in
                let candidate = row.text(at: 1)
                if candidate == spelling {
                    exact = row.text(at: 0)
                } else if let next = candidate.utf8.dropFirst(prefix.utf8.count).first,
                          next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "#") {
                    // `…/story/`, `…/story?utm_source=x`; not `…/storyline`.
                    samePage.append((row.text(at: 0), candidate))
                } else if candidate.utf8.count == prefix.utf8.count {
                    samePage.append((row.text(at: 0), candidate))
                }
            }
        if let exact { return exact }
        guard !samePage.isEmpty, let wanted = comparable(url) else { return nil }
        return samePage.first { comparable($0.url) == wanted }?.key
    }

    /// `url` under the other scheme, and with `www.` added or taken away, in the lower case
    /// URLs are usually pasted in: the spellings of one page that a site answers to alike.
    private static func otherSpellings(of url: String) -> [String] {
        let lowercased = url.lowercased()
        let scheme = lowercased.hasPrefix("https://") ? "https://" : lowercased.hasPrefix("http://") ? "http://" : nil
        guard let scheme else { return [] }
        let afterScheme = url.dropFirst(scheme.count)
        let hostEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let host = afterScheme[..<hostEnd].lowercased()
        guard !host.isEmpty, host != "www." else { return [] }
        let rest = afterScheme[hostEnd...]
        let otherScheme = scheme == "https://" ? "http://" : "https://"
        let otherHost = host.hasPrefix("www.") ? String(host.dropFirst(4)) : "www." + host
        // The scheme and host in lower case first (`HTTPS://WWW.Example.com/a` is the page
        // `https://www.example.com/a`); the path keeps its case, which servers read.
        var spellings = [scheme + otherHost + rest, otherScheme + host + rest, otherScheme + otherHost + rest]
        if scheme + host != url[..<afterScheme.startIndex] + afterScheme[..<hostEnd] { spellings.insert(scheme + host + rest, at: 0) }
        return spellings
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
        var path = String(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        let kept = query.split(separator: "&").filter { parameter in
            let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        return (host, path + route, kept.joined(separator: "&"))
    }
}
