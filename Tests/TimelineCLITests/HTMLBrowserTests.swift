import Foundation
import Testing

/// The HTML export as a real browser shows it: headless Chromium renders the seed's page.
///
/// Needs Debian's `chromium` (`apt-get install -y chromium`) and `python3`; without them the test
/// fails and says so. `TIMELINE_UPDATE_SCREENSHOT=1` also copies the screenshot to
/// `docs/timeline-seed.png`, the picture in the README.
@Suite struct HTMLBrowserTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    static let chromium: String? = {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs Chromium headless (as root here, hence --no-sandbox) with a profile in the test's folder,
    /// stopped after 25 seconds at most.
    func runChromium(_ arguments: [String]) throws -> CLIResult {
        let chromium = try #require(Self.chromium, "Chromium is not installed: run `apt-get install -y chromium` (or set CHROMIUM to its path).")
        return try CLI.run(
            ["25", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--user-data-dir=" + folder.path("profile")] + arguments,
            environment: ["HOME": folder.url.path],
            executable: URL(fileURLWithPath: "/usr/bin/timeout"))
    }

    @Test(.timeLimit(.minutes(1)))
    func theSeedPageRendersWithoutScriptErrors() throws {
        let page = folder.path("seed.html")
        let export = try CLI.run(["--db", folder.path("timeline.sqlite"), "export", "--format", "html", "--output", page])
        #expect(export.status == 0, "\(export.stderr)")

        // The DOM after the page's script ran, and the console's messages.
        let dom = try runChromium(["--enable-logging=stderr", "--v=0", "--dump-dom", "file://" + page])
        #expect(dom.status == 0, "chromium failed: \(dom.stderr)")
        #expect(dom.stdout.contains("<html lang=\"en\" data-script=\"ready\">"), "the page's script ran to its end")
        #expect(!dom.stderr.contains("Uncaught"), "script errors: \(dom.stderr)")
        #expect(dom.stdout.components(separatedBy: "<a class=\"event ").count - 1 == 15, "15 events in the chart")
        #expect(dom.stdout.components(separatedBy: "<tr id=\"event-").count - 1 == 15, "15 rows in the table")

        // A screenshot that is a picture, not a blank page.
        let screenshot = folder.path("seed.png")
        let shot = try runChromium(["--screenshot=" + screenshot, "--window-size=1400,1000", "file://" + page])
        #expect(shot.status == 0, "chromium failed: \(shot.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG file")
        let picture = try Self.pixelStatistics(screenshot)
        #expect(picture.width == 1400 && picture.height == 1000)
        #expect(picture.colours > 200, "drawn in many colours: \(picture)")
        #expect(picture.inked > 0.08, "more than a blank page: \(picture)")

        // The same check says a blank page is blank, so it can fail.
        let blank = folder.path("blank.html")
        try "<!DOCTYPE html><html><body></body></html>".write(toFile: blank, atomically: true, encoding: .utf8)
        let blankShot = try runChromium(["--screenshot=" + folder.path("blank.png"), "--window-size=1400,1000", "file://" + blank])
        #expect(blankShot.status == 0)
        let empty = try Self.pixelStatistics(folder.path("blank.png"))
        #expect(empty.colours == 1 && empty.inked == 0, "\(empty)")

        if ProcessInfo.processInfo.environment["TIMELINE_UPDATE_SCREENSHOT"] == "1" {
            let target = RepositoryFiles.root.appendingPathComponent("docs/timeline-seed.png")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: screenshot), to: target)
        }
    }

    @Test func theExportCommandTakesLanesAndLanguage() throws {
        let db = folder.path("timeline.sqlite")
        let page = folder.path("kinds.html")
        let export = try CLI.run(["--db", db, "export", "--format", "html", "--lanes", "kind", "--lang", "fr", "--kind", "layoff",
                                  "--output", page])
        #expect(export.status == 0, "\(export.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(html.contains("2 événements, 1er déc. 2022, en lignes par type."))
        #expect(html.contains("<span>layoff</span><small>2 événements</small>"))
        #expect(html.components(separatedBy: "<tr id=\"event-").count - 1 == 2)

        let bad = try CLI.run(["--db", db, "export", "--format", "html", "--lanes", "status"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("lanes"))
    }

    struct PixelStatistics: CustomStringConvertible {
        var width: Int
        var height: Int
        /// Distinct colours.
        var colours: Int
        /// The share of pixels that differ from the top-left one (the page's background).
        var inked: Double

        var description: String { "\(width)×\(height), \(colours) colours, \(Int(inked * 100))% inked" }
    }

    /// Decodes the PNG with Python's standard library (zlib) and counts its colours.
    static func pixelStatistics(_ path: String) throws -> PixelStatistics {
        let script = #"""
            import struct, sys, zlib
            data = open(sys.argv[1], "rb").read()
            assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
            pos, idat = 8, b""
            while pos < len(data):
                length, kind = struct.unpack(">I4s", data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if kind == b"IHDR":
                    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
                elif kind == b"IDAT":
                    idat += body
                pos += 12 + length
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG layout"
            channels = 3 if colour == 2 else 4
            raw = zlib.decompress(idat)
            stride = width * channels
            previous = bytearray(stride)
            colours, inked, background = set(), 0, None
            for y in range(height):
                start = y * (stride + 1)
                kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
                for i in range(stride):
                    left = line[i - channels] if i >= channels else 0
                    up = previous[i]
                    upper_left = previous[i - channels] if i >= channels else 0
                    if kind == 1: line[i] = (line[i] + left) & 255
                    elif kind == 2: line[i] = (line[i] + up) & 255
                    elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
                    elif kind == 4:
                        p = left + up - upper_left
                        pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                        line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upper_left)) & 255
                for x in range(0, stride, channels):
                    pixel = bytes(line[x:x + 3])
                    if background is None: background = pixel
                    colours.add(pixel)
                    if pixel != background: inked += 1
                previous = line
            print(width, height, len(colours), inked / (width * height))
            """#
        let result = try CLI.run(["-c", script, path], executable: URL(fileURLWithPath: "/usr/bin/python3"))
        let fields = result.stdout.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard result.status == 0, fields.count == 4, let width = Int(fields[0]), let height = Int(fields[1]),
              let colours = Int(fields[2]), let inked = Double(fields[3])
        else {
            throw PNGReadError(message: "could not read \(path) with python3: \(result.stderr)")
        }
        return PixelStatistics(width: width, height: height, colours: colours, inked: inked)
    }

    struct PNGReadError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
