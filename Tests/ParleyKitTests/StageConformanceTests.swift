import ParleyExtract
import ParleyKit
import ParleyStance
import ParleyTestSupport
import ParleyText
import Testing

/// Every stage of the shipped pipeline, checked against the stage contract on every Corpus article.
@Suite struct StageConformanceTests {
    static let corpus: [String] = {
        let folder = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/"))
        return InputCollector.collect(["/" + folder + "/Corpus"]).compactMap { entry in
            if case .file(let path) = entry { return path } else { return nil }
        }
    }()

    @Test func corpusIsFound() { #expect(Self.corpus.count >= 8) }

    @Test(arguments: corpus)
    func stagesConform(path: String) throws {
        let bytes = try FileIO.read(path, maxBytes: 1 << 24)
        var document = try bytes.withUnsafeBufferPointer { buffer throws(ParleyError) in
            try ArticleReader().read(bytes: buffer, id: path, pathExtension: InputCollector.pathExtension(path))
        }
        let stages: [any Stage] = [SegmentationAnnotator(), ExtractionAnnotator(lexicons: .bundled), StanceAnnotator(lexicons: .bundled)]
        for stage in stages {
            let problems = StageConformance.violations(of: stage, on: document)
            #expect(problems.isEmpty, "\(problems.prefix(5))")
            document = try stage.annotate(document)
        }
        #expect(!document.entities.isEmpty)
    }
}
