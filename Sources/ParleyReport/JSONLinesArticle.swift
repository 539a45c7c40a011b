import FoundationEssentials
import ParleyModel

/// One article given as a JSON Lines record: `{"id": …, "text": …}` or `{"id": …, "html": …}`,
/// with optional `"url"` and `"published"`.
public struct JSONLinesArticle: Sendable, Equatable {
    /// The record's `id` (a number is accepted and printed as written).
    public var id: String
    /// The article body, if given as text.
    public var text: String?
    /// The article page, if given as HTML.
    public var html: String?
    /// Source URL, copied into the report's metadata.
    public var url: String?
    /// Publication date, copied into the report's metadata.
    public var published: String?

    /// Parses one input line.
    /// - Parameter fallbackID: the id to report when the line has none (`line N`).
    /// - Throws: ``ParleyError`` `malformed-json` when the line is not such an object.
    public static func parse(_ line: UnsafeBufferPointer<UInt8>, fallbackID: String) throws(ParleyError) -> JSONLinesArticle {
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: Data(line))
        } catch let error as DecodingError {
            throw .malformedJSON("\(fallbackID): not a JSON object with \"text\" or \"html\" (\(Self.describe(error)))")
        } catch {
            throw .malformedJSON("\(fallbackID): \(error)")
        }
        guard record.text != nil || record.html != nil else {
            throw .malformedJSON("\(fallbackID): the object has neither \"text\" nor \"html\"")
        }
        return JSONLinesArticle(id: record.id?.value ?? fallbackID, text: record.text, html: record.html,
                                url: record.url, published: record.published)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): return context.debugDescription
        case .keyNotFound(let key, _): return "missing \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: return "invalid"
        }
    }

    private struct Record: Decodable {
        var id: FlexibleID?
        var text: String?
        var html: String?
        var url: String?
        var published: String?
    }

    /// Accepts `"id": "a"` and `"id": 12`.
    private struct FlexibleID: Decodable {
        var value: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) { value = string }
            else if let number = try? container.decode(Int.self) { value = String(number) }
            else { value = String(try container.decode(Double.self)) }
        }
    }
}
