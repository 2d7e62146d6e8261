import SQLiteStorage
import Testing
@testable import TimelineCore

/// Free keys and slugs: the stem, else the first number after it that no row has.
struct UniqueNameTests {
    @Test func theStemThenTheFirstFreeNumber() throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        func add(_ key: String) throws {
            try store.database.execute("INSERT INTO sources (key, publisher, language, type) VALUES (?1, 'P', 'en', 'news')", [.text(key)])
        }
        let keys = try store.writing { saver in
            var keys: [String] = []
            for _ in 0..<4 {
                let key = try saver.unique("p-com", in: "sources", column: "key")
                try add(key)
                keys.append(key)
            }
            // Taken meanwhile by another writer of the same transaction: passed over.
            try add("p-com-5")
            try add("p-com-6")
            keys.append(try saver.unique("p-com", in: "sources", column: "key"))
            try add(keys.last!)
            // Another stem starts at itself.
            keys.append(try saver.unique("q-com", in: "sources", column: "key"))
            return keys
        }
        #expect(keys == ["p-com", "p-com-2", "p-com-3", "p-com-4", "p-com-7", "q-com"])
        // A new saver finds the numbers taken before it.
        let next = try store.writing { try $0.unique("p-com", in: "sources", column: "key") }
        #expect(next == "p-com-8")
    }
}
