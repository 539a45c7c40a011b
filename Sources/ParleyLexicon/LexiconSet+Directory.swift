#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LexiconSet {
    /// Loads the bundled lexicons with files from `directory` replacing or extending them (`--lexicons DIR`).
    ///
    /// A file with a bundled file's name (`titles.tsv`) replaces it; `<base>.extra.tsv` or `<base>.extra.txt`
    /// extends it. Hidden files, subdirectories and `README*` files are ignored; any other name is an error,
    /// so a typo in a file name does not go unnoticed.
    ///
    /// - Parameter directory: a directory path.
    /// - Returns: the validated lexicons.
    /// - Throws: ``LexiconError`` when the directory cannot be read, a file name is unknown, a file is not
    ///   UTF-8, or a row is malformed.
    public static func load(overrides directory: String) throws(LexiconError) -> LexiconSet {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw LexiconError(file: directory, line: 0, message: "cannot read the lexicon directory")
        }
        var files: [String: String] = [:]
        for name in names.sorted() where !name.hasPrefix(".") && !name.uppercased().hasPrefix("README") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory = false
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory { continue }
            guard let data = manager.contents(atPath: path) else {
                throw LexiconError(file: name, line: 0, message: "cannot read the file")
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw LexiconError(file: name, line: 0, message: "the file is not valid UTF-8")
            }
            files[name] = text
        }
        return try load(overrides: files)
    }
}
