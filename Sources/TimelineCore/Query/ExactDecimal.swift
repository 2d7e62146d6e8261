/// An exact decimal number of any size, for adding up figures: money is never a binary float.
public struct ExactDecimal: Equatable, Sendable, CustomStringConvertible {
    /// Digits of the magnitude, most significant first, with `scale` of them after the point.
    private var digits: [UInt8]
    private var scale: Int
    private var negative: Bool

    public static let zero = ExactDecimal(digits: [0], scale: 0, negative: false)

    private init(digits: [UInt8], scale: Int, negative: Bool) {
        self.digits = digits
        self.scale = scale
        self.negative = negative
        normalise()
    }

    /// `-99000`, `30.50`, `0.000001`, `.5` (read as `0.5`); nil for anything else (no exponents,
    /// no grouping, no point without digits after it).
    public init?(_ text: String) {
        var bytes = Substring(text)
        var negative = false
        if bytes.hasPrefix("-") {
            negative = true
            bytes = bytes.dropFirst()
        } else if bytes.hasPrefix("+") {
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var scale = 0
        var seenPoint = false
        for character in bytes {
            if character == "." {
                if seenPoint { return nil }
                seenPoint = true
            } else if let value = character.wholeNumberValue, character.isASCII {
                digits.append(UInt8(value))
                if seenPoint { scale += 1 }
            } else {
                return nil
            }
        }
        if digits.isEmpty || (seenPoint && scale == 0) { return nil }
        self.init(digits: digits, scale: scale, negative: negative)
    }

    private mutating func normalise() {
        // `.5` is `0.5`: one digit before the point, however the number was written.
        if digits.count < scale + 1 { digits.insert(contentsOf: repeatElement(0, count: scale + 1 - digits.count), at: 0) }
        while digits.count > scale + 1, digits.first == 0 { digits.removeFirst() }
        if digits.allSatisfy({ $0 == 0 }) { negative = false }
    }

    private func padded(toScale target: Int, length: Int) -> [UInt8] {
        var result = digits + [UInt8](repeating: 0, count: target - scale)
        if result.count < length { result = [UInt8](repeating: 0, count: length - result.count) + result }
        return result
    }

    /// A JSON number as a program writes a float or an integer: `1.2e9`, `1200000000.0`, `1E-3`.
    /// Its exponent is applied exactly, and zeros ending its fraction dropped (a float has no
    /// trailing zeros to keep: Python writes 1.2e9 as `1200000000.0`). Nil for no number, or an
    /// exponent past ±400.
    public init?(jsonNumber text: String) {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "e" || $0 == "E" }
        guard parts.count <= 2, var number = ExactDecimal(String(parts[0])) else { return nil }
        if parts.count == 2 {
            guard let exponent = Int(parts[1]), abs(exponent) <= 400 else { return nil }
            number = exponent < 0 ? number.divided(byPowerOfTen: -exponent) : number.multiplied(byPowerOfTen: exponent)
        }
        while number.scale > 0, number.digits.last == 0 {
            number.digits.removeLast()
            number.scale -= 1
        }
        number.normalise()
        self = number
    }

    /// The number divided by 10^power, exactly, its digits kept (`13` by 10² is `0.13`, `150` is `1.50`).
    public func divided(byPowerOfTen power: Int) -> ExactDecimal {
        ExactDecimal(digits: digits, scale: scale + power, negative: negative)
    }

    /// The number times 10^power, exactly: its point moves right, zeros added past its digits
    /// (`1.2` by 10⁶ is `1200000`, `1.25` by 10¹ is `12.5`).
    public func multiplied(byPowerOfTen power: Int) -> ExactDecimal {
        let shift = min(power, scale)
        return ExactDecimal(digits: digits + [UInt8](repeating: 0, count: power - shift), scale: scale - shift, negative: negative)
    }

    /// Whether two decimals are the same number, however many zeros end them (`0.2`, `0.20`).
    public func isSameNumber(as other: ExactDecimal) -> Bool {
        guard negative == other.negative else { return false }
        let scale = max(self.scale, other.scale)
        let length = max(digits.count - self.scale, other.digits.count - other.scale) + scale
        return padded(toScale: scale, length: length) == other.padded(toScale: scale, length: length)
    }

    public static func + (left: ExactDecimal, right: ExactDecimal) -> ExactDecimal {
        let scale = max(left.scale, right.scale)
        let length = max(left.digits.count - left.scale, right.digits.count - right.scale) + scale + 1
        let a = left.padded(toScale: scale, length: length)
        let b = right.padded(toScale: scale, length: length)
        if left.negative == right.negative {
            var result = [UInt8](repeating: 0, count: length)
            var carry: UInt8 = 0
            for index in stride(from: length - 1, through: 0, by: -1) {
                let sum = a[index] + b[index] + carry
                result[index] = sum % 10
                carry = sum / 10
            }
            return ExactDecimal(digits: result, scale: scale, negative: left.negative)
        }
        // Different signs: subtract the smaller magnitude from the larger; the larger keeps its sign.
        let leftIsLarger = a.lexicographicallyPrecedes(b) == false
        let (large, small) = leftIsLarger ? (a, b) : (b, a)
        var result = [UInt8](repeating: 0, count: length)
        var borrow: Int = 0
        for index in stride(from: length - 1, through: 0, by: -1) {
            var difference = Int(large[index]) - Int(small[index]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 10 }
            result[index] = UInt8(difference)
        }
        return ExactDecimal(digits: result, scale: scale, negative: leftIsLarger ? left.negative : right.negative)
    }

    public static func += (left: inout ExactDecimal, right: ExactDecimal) {
        left = left + right
    }

    /// The same number without the zeros that end its fraction (`250250.000` as `250250`,
    /// `2007.400` as `2007.4`): a sum of figures written to several decimals.
    public var trimmingTrailingZeros: ExactDecimal {
        var trimmed = self
        while trimmed.scale > 0, trimmed.digits.last == 0 {
            trimmed.digits.removeLast()
            trimmed.scale -= 1
        }
        return trimmed
    }

    public var description: String {
        var text = negative ? "-" : ""
        let integerCount = digits.count - scale
        text += digits[..<integerCount].map { String($0) }.joined()
        if scale > 0 {
            text += "." + digits[integerCount...].map { String($0) }.joined()
        }
        return text
    }
}
