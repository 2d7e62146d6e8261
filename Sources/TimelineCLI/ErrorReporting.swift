import ArgumentParser
import TimelineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command's work; a failure prints one sentence to stderr and exits with its sysexits code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as TimelineError where error.category == .interrupted || (error.category == .busy && Interruption.requested()) {
        // Stopped by a signal (see `Interruption`): the transaction rolled back, or the wait for
        // another process's lock given up.
        let number = Interruption.signalReceived ?? SIGINT
        printError("interrupted by \(Interruption.name(of: number)): nothing was written.")
        throw ExitCode(128 + number)
    } catch let error as TimelineError {
        printError(error.message)
        throw ExitCode(exitCode(for: error.category))
    } catch let error as TimelineDateError {
        printError(error.description)
        throw ExitCode(65)
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        printError("internal error: \(error)")
        throw ExitCode(70)
    }
}

/// sysexits(3) codes, as the design names them.
func exitCode(for category: TimelineError.Category) -> Int32 {
    switch category {
    case .usage: return 64
    case .badData: return 65
    case .notFound: return 66
    case .internalError: return 70
    case .cannotCreate: return 73
    case .ioError: return 74
    case .busy: return 75
    case .interrupted: return 128 + SIGINT
    }
}

func printError(_ message: String) {
    // Messages quote what files and arguments hold: their control characters are drawn, not sent.
    var line = "timeline: " + TerminalText.visible(message, keepingLineBreaks: true)
    if !line.hasSuffix(".") && !line.hasSuffix("?") { line += "." }
    writeToStandardError(line + "\n")
}

func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}
