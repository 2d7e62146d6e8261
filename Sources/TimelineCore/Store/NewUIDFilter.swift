/// The uids of the events a load wrote into a timeline that had none, as a Bloom filter: a uid it
/// has never seen is in no row, and needs no lookup before its event is inserted.
///
/// Looking a uid up in the events table's index costs its descent through the index for every
/// record (at a million events, about a twentieth of the writing thread's time, the page it
/// reads then being the one the insert writes to); most uids of a load are new. A filter says
/// "maybe" for every uid it was given, and for a few others, so a lookup it skips is one that
/// would have found nothing. It has a fixed size: past a few million uids it says "maybe" more
/// often, and the lookups come back, rather than its memory growing with the file.
struct NewUIDFilter {
    private var words: [UInt64]
    private let mask: UInt64
    private static let probes = 3

    /// The size for a file of `bytes` (nil: unknown, a pipe): a bit for every 8 bytes, which
    /// no event's record is shorter than 16 times, between 64 Kib and 16 Mib (8 KiB to 2 MiB).
    static func bits(forFileOf bytes: Int?) -> Int {
        let wanted = (bytes ?? 4 << 20) / 8
        var bits = 1 << 16
        while bits < wanted && bits < 1 << 24 { bits <<= 1 }
        return bits
    }

    /// A filter of `bits` bits (a power of two, at least 64): 2 MiB (2^24 bits) holds a million
    /// uids with about one lookup in two hundred made in vain.
    init(bits: Int) {
        precondition(bits >= 64 && bits & (bits - 1) == 0)
        words = [UInt64](repeating: 0, count: bits / 64)
        mask = UInt64(bits - 1)
    }

    mutating func insert(_ uid: String) {
        var (first, second) = Self.hashes(uid)
        for _ in 0..<Self.probes {
            let bit = first & mask
            words[Int(bit >> 6)] |= 1 << (bit & 63)
            first &+= second
        }
    }

    /// False only for a uid never inserted.
    func mightContain(_ uid: String) -> Bool {
        var (first, second) = Self.hashes(uid)
        for _ in 0..<Self.probes {
            let bit = first & mask
            if words[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
            first &+= second
        }
        return true
    }

    /// Two hashes of the uid's UTF-8 (FNV-1a, then each finished with its own mix so that the
    /// low bits the probes use depend on every byte), for the probes `first + i × second`; the
    /// second odd, so that the probes differ. Fixed, unlike `Hasher`'s, which is seeded per
    /// process: not needed here, and slower.
    private static func hashes(_ uid: String) -> (UInt64, UInt64) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in uid.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return (mix(hash, 0xFF51_AFD7_ED55_8CCD), mix(hash, 0xC4CE_B9FE_1A85_EC53) | 1)
    }

    private static func mix(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
        var mixed = (value ^ (value >> 33)) &* multiplier
        mixed ^= mixed >> 29
        return mixed
    }
}
