import ArgumentParser
import TimelineCore

extension Timeline {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Show every version of an event: when each was recorded, and what each edit changed.",
            discussion: """
                The versions `edit` and `remove` replaced are kept; this lists them oldest first, with \
                the fields each edit changed (a list's items taken out with −, put in with +), and the \
                removal of an event that was removed. --format json gives every version whole, with \
                recorded_at, superseded_at and ended_by (edit, remove, or null for the one in force).

                Example:
                  timeline history amazon-care-layoff-2022-12-01
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The event's uid, as `timeline list` shows it (a removed event's too).")
        var uid: String

        @Option(help: ArgumentHelp("text (default) or json.", valueName: "format"))
        var format: HistoryFormat = .text

        enum HistoryFormat: String, CaseInsensitiveChoice {
            case text, json
        }

        func run() throws {
            try reportingErrors {
                try global.withStore(pageCache: .smallRecycled) { store in
                    let versions = try store.history(of: uid)
                    guard !versions.isEmpty else {
                        throw try store.noVersionsError(uid: uid)
                    }
                    let output = TextOutput.standardOutput()
                    switch format {
                    case .text: try output.write(EventHistoryWriter.text(uid: uid, versions: versions))
                    case .json: try output.write(EventHistoryWriter.json(versions: versions))
                    }
                    try output.finish()
                }
            }
        }
    }
}
