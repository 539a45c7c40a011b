import ParleyIngest
import ParleyModel
import Testing

@Suite struct HTMLInternalSubsetTests {
    /// Regression: the declarations of a DOCTYPE internal subset showed up as article text.
    @Test func internalSubsetNeitherExpandsNorLeaksIntoText() throws {
        let page = """
            <?xml version="1.0"?>
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <html><body><article><p>Secret: &xxe; and bomb &b;</p>
            <p>The article text is here and long enough to count as prose for the reader of this page.</p></article></body></html>
            """
        let document = try Array(page.utf8).withUnsafeBufferPointer { buffer throws(ParleyError) in
            try HTMLReader().read(bytes: buffer, id: "xxe")
        }
        #expect(!document.text.contains("ENTITY"))
        #expect(!document.text.contains("root:"))
        #expect(!document.text.contains("aaaaaaaaaa"))
        #expect(document.text.contains("The article text is here"))
    }
}
