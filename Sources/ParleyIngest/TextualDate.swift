/// Dates written in words, as meta tags and JSON-LD of many sites give them ("May 7, 2019",
/// "Tuesday 7th May 2019", "Nov. 19, 2019 11:30 AM ET"), read into an ISO date (`2019-05-07`).
///
/// Only the calendar date is kept: a time written in words comes with a zone name ("ET", "BST")
/// that cannot be resolved without a zone database, and a wrong instant is worse than none.
enum TextualDate {
    /// English month names and their usual abbreviations, lower case.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// A run of ASCII letters or digits in the text.
    private enum Word {
        case month(Int)
        case number(value: Int, digits: Int)
        case other
    }

    /// The ISO date a textual date names, or nil when the text holds no month name with a day and a year.
    static func parse(_ raw: String) -> String? {
        let words = self.words(of: raw)
        for (index, word) in words.enumerated() {
            guard case .month(let month) = word else { continue }
            // "May 7, 2019" / "May 7th 2019": day after the month, then the year.
            if let day = day(words, index + 1), let year = year(words, index + 2), exists(year, month, day) {
                return format(year, month, day)
            }
            // "7 May 2019" / "Tuesday, 7th May 2019": day before the month, year after it.
            if let day = day(words, index - 1), let year = year(words, index + 1), exists(year, month, day) {
                return format(year, month, day)
            }
        }
        return nil
    }

    private static func day(_ words: [Word], _ index: Int) -> Int? {
        guard words.indices.contains(index), case .number(let value, let digits) = words[index], digits <= 2,
              (1...31).contains(value) else { return nil }
        return value
    }

    private static func year(_ words: [Word], _ index: Int) -> Int? {
        guard words.indices.contains(index), case .number(let value, let digits) = words[index], digits == 4,
              (1900...2100).contains(value) else { return nil }
        return value
    }

    /// False for days a month does not have (`February 30`).
    private static func exists(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Splits on everything but ASCII letters and digits; "7th" reads as the number 7.
    private static func words(of raw: String) -> [Word] {
        var words: [Word] = []
        var letters: [UInt8] = []
        var number = 0
        var digits = 0
        func flush() {
            if digits > 0 {
                words.append(.number(value: number, digits: digits))
            } else if !letters.isEmpty {
                let word = String(decoding: letters, as: UTF8.self)
                words.append(months[word].map(Word.month) ?? .other)
            }
            letters.removeAll(keepingCapacity: true)
            number = 0
            digits = 0
        }
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !letters.isEmpty { flush() }
                if digits < 9 { number = number * 10 + Int(byte - 0x30) }
                digits += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                // Letters right after digits are an ordinal suffix ("7th"): the number stands.
                if digits > 0 { continue }
                letters.append(byte | 0x20)
            default:
                flush()
            }
        }
        flush()
        return words
    }
}
