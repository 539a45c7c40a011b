import ParleyIngest
import ParleyModel
import Testing

/// Hostile or degenerate input: errors are clear, nothing overflows, nothing external is expanded.
@Suite("HTML robustness")
struct HTMLRobustnessTests {
    @Test("empty and whitespace-only input is an empty-input error", arguments: ["", " ", "\n\t  \r\n"])
    func emptyInput(_ html: String) {
        #expect(throws: ParleyError.self) { try HTMLTestSupport.read(html) }
        do {
            _ = try HTMLTestSupport.read(html)
        } catch {
            #expect(error.code == "empty-input")
        }
    }

    @Test("a byte-order mark followed by whitespace is an empty-input error")
    func bomOnly() {
        do {
            _ = try HTMLTestSupport.read(bytes: [0xEF, 0xBB, 0xBF, 0x20, 0x0A])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "empty-input")
        }
    }

    @Test("concurrent reads on many tasks give identical results")
    func concurrentReads() async throws {
        let html = HTMLTestSupport.page(insideArticle: "<blockquote><p>Quoted text that is long enough to count as prose.</p></blockquote>")
        let expected = try HTMLTestSupport.read(html)
        let texts = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { try (0..<25).map { _ in try HTMLTestSupport.read(html).text } }
            }
            var all: [String] = []
            for try await batch in group { all += batch }
            return all
        }
        #expect(texts.count == 200)
        #expect(texts.allSatisfy { $0 == expected.text })
    }

    @Test("100,000 nested elements are walked without overflowing the stack")
    func deepNesting() throws {
        let depth = 100_000
        let paragraph = HTMLTestSupport.articleParagraphs[0]
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(paragraph)</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let document = try HTMLTestSupport.read(html)
        #expect(document.text.contains("city council voted"))
    }

    @Test("external entities are never loaded")
    func externalEntity() throws {
        let html = """
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <html><body><article><p>Before &xxe; after, and the rest of a long enough sentence to be the article text.</p></article></body></html>
            """
        let document = try HTMLTestSupport.read(html)
        #expect(!document.text.contains("root:"))
        #expect(document.text.contains("long enough sentence"))
    }

    @Test("entity expansion bombs are not expanded")
    func entityBomb() throws {
        var declarations = #"<!ENTITY a0 "lollollollollollollollollollol">"#
        for level in 1...9 {
            declarations += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
        }
        let html = "<!DOCTYPE html [\(declarations)]><html><body><article><p>&a9; Some ordinary article text follows the bomb here.</p></article></body></html>"
        let document = try HTMLTestSupport.read(html)
        #expect(document.text.utf8.count < 10_000)
        #expect(!document.text.contains("lollollol"))
    }

    @Test("garbage that is not HTML still yields a document or a clear error")
    func garbage() {
        for input in ["<<<p>>>x</", "\u{0}\u{1}\u{2}", "</html>", "<p>"] {
            do {
                let document = try HTMLTestSupport.read(input)
                #expect(document.source.format == .html)
            } catch {
                #expect(["malformed-html", "empty-input"].contains(error.code))
            }
        }
    }

    @Test("a page without article text gives an empty text and a warning")
    func noContent() throws {
        let document = try HTMLTestSupport.read("<html><body><nav><a href='/'>Home</a></nav></body></html>")
        #expect(document.text.isEmpty)
        #expect(document.warnings.contains { $0.code == "no-main-content" })
    }

    @Test("the raw libxml2 baseline parses and frees")
    func baseline() {
        let bytes = Array("<html><body><p>x</p></body></html>".utf8)
        #expect(bytes.withUnsafeBufferPointer { _LibXML2Baseline.parseAndFree($0) })
    }
}
