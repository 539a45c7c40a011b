import Foundation
import ParleyIngest
import ParleyModel
import Testing

/// An end-to-end check on a small hand-written page kept under `Fixtures/html/`.
@Suite("HTML fixture page")
struct HTMLFixtureTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures/html"))
        return [UInt8](try Data(contentsOf: url))
    }

    @Test("article text, paragraph kinds and metadata")
    func article() throws {
        let document = try HTMLTestSupport.read(bytes: try Self.fixture("article"))
        let expected = [
            "The harbour ferry resumed service on Monday morning, carrying more than two hundred passengers on its first crossing since November.",
            "“We have waited all winter for this,” said Maria Lind, who commutes to the island every day, adding that the bus detour had doubled her journey.",
            "New timetable",
            "The operator said boats would now leave every twenty minutes during rush hour, and every forty minutes in the evening, until the end of October.",
            "The new engines use half the fuel of the old ones, and they are much quieter for the people living along the quay.",
        ]
        #expect(document.text == expected.joined(separator: "\n\n"))
        #expect(document.paragraphs.map(\.kind) == [.body, .body, .heading, .body, .blockquote])
        #expect(document.metadata.title == "Harbour ferry returns after winter break")
        #expect(document.metadata.byline == "Lena Holm")
        #expect(document.metadata.url == "https://coastline.example/ferry-returns")
        #expect(document.metadata.language == "en-GB")
        #expect(document.metadata.siteName == "Coastline Times")
        #expect(document.source.encodingReason == "meta-charset")
    }
}
