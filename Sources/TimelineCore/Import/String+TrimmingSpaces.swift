/// Text as people meant it: without the spaces around it.
extension String {
    public func trimmingSpaces() -> String {
        // Most values have nothing to trim: a printable ASCII byte at both ends cannot be, or
        // end, a space, so the text is kept as it is, without a copy.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7F).contains(first), (0x21...0x7F).contains(last) {
            return self
        }
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// Nothing but spaces (or empty): what `trimmingSpaces()` leaves empty, found without a copy;
    /// a text that starts with a printable ASCII byte is not, without a look at its Characters
    /// (this runs for every imported entity, quote and source title).
    var isBlank: Bool {
        if let first = utf8.first, first > 0x20, first < 0x80 { return false }
        return allSatisfy(\.isWhitespace)
    }
}
