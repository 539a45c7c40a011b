// parley-bench: throughput and quality harness for Parley's stages (release builds only).
//
//   parley-bench html DIR           MB/s of raw libxml2 parsing vs. HTMLReader.read over DIR/*.html
//   parley-bench html-predict DIR   {"id","text","title"} JSON lines for html_eval.py
//   parley-bench text DIR           per-stage MB/s and words/s over DIR/**/*.txt, next to `wc -w`
import Foundation
import ParleyIngest
import ParleyExtract
import ParleyKit
import ParleyStance
import ParleyText

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Reads every `*.html` file in `directory`, sorted by name.
func loadPages(_ directory: String) -> [(id: String, bytes: [UInt8])] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasSuffix(".html") }.sorted()
    return names.compactMap { name in
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { return nil }
        return (String(name.dropLast(5)), [UInt8](data))
    }
}

/// JSON string literal with the escapes RFC 8259 requires.
func jsonString(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// Seconds taken by `body`.
func time(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func benchHTML(_ directory: String, repeats: Int) {
    let pages = loadPages(directory)
    guard !pages.isEmpty else { printError("no *.html files in \(directory)"); exit(2) }
    let totalBytes = pages.reduce(0) { $0 + $1.bytes.count }
    let megabytes = Double(totalBytes) / 1_000_000
    let reader = HTMLReader()
    var rawTimes: [Double] = []
    var readerTimes: [Double] = []
    var failures = 0
    for round in 0..<repeats {
        rawTimes.append(time {
            for page in pages { _ = page.bytes.withUnsafeBufferPointer { _LibXML2Baseline.parseAndFree($0) } }
        })
        readerTimes.append(time {
            for page in pages {
                do { _ = try page.bytes.withUnsafeBufferPointer { try reader.read(bytes: $0, id: page.id) } }
                catch { if round == 0 { failures += 1 } }
            }
        })
    }
    func report(_ label: String, _ times: [Double]) -> (best: Double, median: Double) {
        let sorted = times.sorted()
        let best = megabytes / sorted[0]
        let median = megabytes / sorted[sorted.count / 2]
        print("\(label): best \(format(best)) MB/s, median \(format(median)) MB/s")
        return (best, median)
    }
    print("pages: \(pages.count), \(format(megabytes)) MB, \(repeats) rounds, failures: \(failures)")
    let raw = report("libxml2 raw parse ", rawTimes)
    let full = report("HTMLReader.read   ", readerTimes)
    print("ratio (reader/raw): best \(format(full.best / raw.best)), median \(format(full.median / raw.median))")
}

func predictHTML(_ directory: String) {
    let reader = HTMLReader()
    for page in loadPages(directory) {
        var text = ""
        var title: String?
        do {
            let document = try page.bytes.withUnsafeBufferPointer { try reader.read(bytes: $0, id: page.id) }
            text = document.text
            title = document.metadata.title
        } catch {
            printError("\(page.id): \(error)")
        }
        print("{\"id\": \(jsonString(page.id)), \"text\": \(jsonString(text)), \"title\": \(title.map(jsonString) ?? "null")}")
    }
}

/// Per-stage throughput over plain-text articles, single thread, next to `wc -w` on the same files.
func benchText(_ directory: String, repeats: Int) {
    let paths = InputCollector.collect([directory]).compactMap { entry -> String? in
        if case .file(let path) = entry, path.hasSuffix(".txt") { return path }
        return nil
    }
    let files = paths.compactMap { path in (try? FileIO.read(path, maxBytes: ArticleReader.defaultMaxBytes)).map { (path, $0) } }
    guard !files.isEmpty else { printError("no *.txt files under \(directory)"); exit(2) }
    let megabytes = Double(files.reduce(0) { $0 + $1.1.count }) / 1_000_000
    let words = files.reduce(0) { total, file in
        total + String(decoding: file.1, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
    }
    let reader = ArticleReader()
    let segmentation = SegmentationAnnotator()
    let lexicons = LexiconSet.bundled
    let extraction = ExtractionAnnotator(lexicons: lexicons)
    let stance = StanceAnnotator(lexicons: lexicons)
    let formatter = DocumentReportFormatter()
    var stageTimes: [String: [Double]] = [:]
    let clock = ContinuousClock()
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    for _ in 0..<repeats {
        var totals: [String: Double] = [:]
        for (path, bytes) in files {
            do {
                var start = clock.now
                var document = try bytes.withUnsafeBufferPointer { try reader.read(bytes: $0, id: path) }
                totals["1 ingest text", default: 0] += seconds(clock.now - start); start = clock.now
                document = try segmentation.annotate(document)
                totals["2 segmentation", default: 0] += seconds(clock.now - start); start = clock.now
                document = try extraction.annotate(document)
                totals["3 extraction", default: 0] += seconds(clock.now - start); start = clock.now
                document = try stance.annotate(document)
                totals["4 stance", default: 0] += seconds(clock.now - start); start = clock.now
                _ = formatter.format(document)
                totals["5 report encoding", default: 0] += seconds(clock.now - start)
            } catch {
                printError("\(path): \(error)")
            }
        }
        for (stage, total) in totals { stageTimes[stage, default: []].append(total) }
    }
    print("articles: \(files.count), \(format(megabytes)) MB, \(words) words, \(repeats) rounds (best round per stage)")
    var endToEnd = 0.0
    for stage in stageTimes.keys.sorted() {
        let best = stageTimes[stage]!.min()!
        endToEnd += best
        print("\(stage.dropFirst(2).padding(toLength: 18, withPad: " ", startingAt: 0)) \(format(megabytes / best)) MB/s  \(format(Double(words) / best / 1e6)) M words/s")
    }
    print("end to end (sum)    \(format(megabytes / endToEnd)) MB/s  \(format(Double(words) / endToEnd / 1e6)) M words/s")
    // wc -w over the same bytes, in the same run.
    let wc = Process()
    wc.executableURL = URL(fileURLWithPath: "/usr/bin/wc")
    wc.arguments = ["-w"] + paths
    wc.standardOutput = FileHandle.nullDevice
    let wcTime = time { try? wc.run(); wc.waitUntilExit() }
    print("wc -w               \(format(megabytes / wcTime)) MB/s  \(format(Double(words) / wcTime / 1e6)) M words/s  (Parley end to end = \(format(wcTime / endToEnd * 100)) % of wc -w)")
}

func format(_ value: Double) -> String {
    let scaled = (value * 100).rounded() / 100
    return String(scaled)
}

let arguments = CommandLine.arguments
let usage = """
    usage: parley-bench html DIR [ROUNDS]     throughput of libxml2 vs HTMLReader on DIR/*.html
           parley-bench html-predict DIR      JSON lines {"id","text","title"} for html_eval.py
           parley-bench text DIR [ROUNDS]     per-stage throughput over DIR/**/*.txt next to wc -w
    parley \(ParleyVersion.string)
    """
guard arguments.count >= 3 else { print(usage); exit(arguments.count == 1 ? 0 : 2) }
switch arguments[1] {
case "html":
    let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
    benchHTML(arguments[2], repeats: max(1, rounds))
case "text":
    let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
    benchText(arguments[2], repeats: max(1, rounds))
case "html-predict":
    predictHTML(arguments[2])
case "html-explain":
    // parley-bench html-explain FILE NEEDLE: why is this text kept or dropped?
    if let data = FileManager.default.contents(atPath: arguments[2]), arguments.count > 3 {
        print([UInt8](data).withUnsafeBufferPointer { _HTMLDebug.explain($0, needle: arguments[3]) })
    }
default:
    printError(usage)
    exit(2)
}
