import ArgumentParser
import TimelineCore

extension Timeline {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one event with all its dates, entities, figures and sources.",
            discussion: """
                Quotes are shown in their own language, with a translation where one was recorded, and \
                each source's stance (supports, contradicts, corrects).

                Example:
                  timeline show amazon-care-layoff-2022-12-01
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The event's uid, as `timeline list` shows it.")
        var uid: String

        @Option(help: ArgumentHelp("text (default) or json.", valueName: "format"))
        var format: ShowFormat = .text

        @Option(help: ArgumentHelp("The language of the page: en or fr (its labels, statuses, stances and dates; what the timeline holds stays as stored).", valueName: "lang"))
        var lang: DateDisplayLanguage = .english

        enum ShowFormat: String, CaseInsensitiveChoice {
            case text, json
        }

        func run() throws {
            try reportingErrors {
                try global.withStore(pageCache: .smallRecycled) { store in
                    guard let event = try store.event(uid: uid) else {
                        throw try store.noEventError(uid: uid)
                    }
                    let output = TextOutput.standardOutput()
                    switch format {
                    case .text: try output.write(EventDetailText.render(event, language: lang))
                    case .json:
                        let writer = EventListWriter(format: .ndjson, output: output, language: lang)
                        try writer.write(event)
                    }
                    try output.finish()
                }
            }
        }
    }
}
