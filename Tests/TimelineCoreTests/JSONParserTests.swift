import Testing
@testable import TimelineCore

/// The parser's own checks, on either side of the shortcuts it takes for speed: duplicate keys
/// (compared one by one in small objects, hashed in big ones) and UTF-8 (checked by `UTF8Check`,
/// which must accept exactly what `String(validating:)` accepts).
@Suite struct JSONParserTests {
    static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONParser.Failure> {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONParser.Failure) { return .success(try JSONParser.parse(buffer)) } catch { return .failure(error) }
        }
    }

    static func object(keys: [String]) -> [UInt8] {
        Array(("{" + keys.enumerated().map { "\"\($0.element)\": \($0.offset)" }.joined(separator: ", ") + "}").utf8)
    }

    @Test func duplicateKeysAreRefusedInSmallAndBigObjects() throws {
        for count in [1, 2, 15, 16, 17, 40] {
            let keys = (0..<count).map { "key\($0)" }
            guard case .success(.object(let members)) = Self.parse(Self.object(keys: keys)) else {
                Issue.record("\(count) distinct keys should parse")
                continue
            }
            #expect(members.map(\.0) == keys)
            // A repeat of the first, a middle and the last key, placed at every position after it.
            for repeated in Set([0, count / 2, count - 1]) {
                for position in (repeated + 1)...count {
                    var withDuplicate = keys
                    withDuplicate.insert(keys[repeated], at: position)
                    let text = Self.object(keys: withDuplicate)
                    guard case .failure(let failure) = Self.parse(text) else {
                        Issue.record("\(count) keys, key \(repeated) repeated at \(position): accepted")
                        continue
                    }
                    #expect(failure.reason == "the key \"\(keys[repeated])\" appears twice in one object")
                    // The offset points at the second occurrence's opening quote.
                    let prefix = Array(("{" + withDuplicate[..<position].enumerated().map { "\"\($0.element)\": \($0.offset)" }
                        .joined(separator: ", ") + ", ").utf8)
                    #expect(failure.offset == prefix.count, "\(count) keys, key \(repeated) repeated at \(position)")
                }
            }
        }
    }

    @Test func keysEqualOnlyAsStringsAreDuplicates() {
        // "é" precomposed and decomposed are one Swift String: the same key either way, as before.
        guard case .failure = Self.parse(Array("{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}".utf8)) else {
            Issue.record("canonically equal keys accepted")
            return
        }
    }

    @Test func stringsAreAcceptedExactlyWhenTheyAreValidUTF8() {
        var generator = SeededGenerator(seed: 11)
        let interesting: [[UInt8]] = [
            [0xC3, 0xA9], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x82],
            [0xF0, 0x9F, 0x98], [0xC3],
        ]
        var samples = interesting
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...24, using: &generator)
            samples.append((0..<length).map { _ in
                // Mostly high bytes and ASCII letters; never a quote, backslash or control byte.
                let byte = UInt8.random(in: 0x20...0xFF, using: &generator)
                return byte == 0x22 || byte == 0x5C || byte == 0x7F ? 0x61 : byte
            })
        }
        for sample in samples {
            // Inside a longer ASCII run too, so that the eight-byte fast path meets the bad byte.
            for padding in [0, 9] {
                let content = Array(repeating: UInt8(ascii: "a"), count: padding) + sample
                let expected = String(validating: content, as: UTF8.self)
                switch Self.parse([0x22] + content + [0x22]) {
                case .success(.string(let text)):
                    #expect(text == expected, "\(sample)")
                case .failure(let failure):
                    #expect(expected == nil, "\(sample): \(failure)")
                    // The encoding named is a guess from the bytes (random here).
                    #expect(failure.reason.hasPrefix("a string is not valid UTF-8 (a file saved as ") && failure.reason.contains("? import it with --encoding ") && failure.reason.contains(", or convert it with iconv -f ")
                            && failure.reason.hasSuffix(" -t UTF-8)"), "\(failure.reason)")
                default:
                    Issue.record("\(sample): not a string")
                }
            }
        }
    }
}
