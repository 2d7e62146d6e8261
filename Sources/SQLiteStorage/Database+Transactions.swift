import CSQLite

extension Database {
    /// How a transaction takes its locks.
    public enum TransactionKind: String, Sendable {
        /// Locks are taken when first needed; a read that turns into a write may fail as busy.
        case deferred = "DEFERRED"
        /// The write lock is taken at once (waiting up to the busy timeout): the choice for writers.
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ kind: TransactionKind = .deferred, _ body: () throws -> T) throws -> T {
        // The waits for locks inside share the busy timeout, afresh for each transaction.
        busyBox?.resetSharedWait()
        defer { busyBox?.resetSharedWait() }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body()
        } catch {
            rollbackQuietly()
            throw error
        }
        do {
            try execute("COMMIT TRANSACTION")
        } catch {
            rollbackQuietly()
            throw error
        }
        return result
    }

    /// Runs `body` in a savepoint (nestable): released when it returns, rolled back to when it throws.
    public func savepoint<T>(_ name: String = "timeline_savepoint", _ body: () throws -> T) throws -> T {
        let quoted = "\"" + name.replacingDoubleQuotes() + "\""
        let outermost = !isInTransaction
        if outermost { busyBox?.resetSharedWait() }
        defer { if outermost { busyBox?.resetSharedWait() } }
        try execute("SAVEPOINT \(quoted)")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT \(quoted)")
            return result
        } catch {
            // Roll back the savepoint's work, then release it so an outer transaction goes on.
            try? execute("ROLLBACK TO SAVEPOINT \(quoted)")
            try? execute("RELEASE SAVEPOINT \(quoted)")
            throw error
        }
    }

    private func rollbackQuietly() {
        // SQLite may have rolled back already (some errors do); only roll back what is open.
        if isInTransaction {
            try? execute("ROLLBACK TRANSACTION")
        }
    }
}

extension String {
    fileprivate func replacingDoubleQuotes() -> String {
        var result = ""
        for character in self {
            result.append(character)
            if character == "\"" { result.append("\"") }
        }
        return result
    }
}
