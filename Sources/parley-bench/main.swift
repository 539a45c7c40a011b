// parley-bench: throughput and quality harness for Parley's stages (release builds only).
//
//   parley-bench html DIR           MB/s of raw libxml2 parsing vs. HTMLReader.read over DIR/*.html
//   parley-bench html-predict DIR   {"id","text","title"} JSON lines for html_eval.py
//   parley-bench text DIR           per-stage MB/s, words/s, docs/s over DIR/**/*.txt, next to `wc -w`
//   parley-bench html-stages DIR    the same over DIR/**/*.html, next to the raw libxml2 parse
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

/// Peak resident set size of this process so far, in MB (VmHWM from /proc/self/status).
func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

/// `wc -w` over `bytes`, best of `rounds`: its word count and seconds. The bytes are written to a
/// temporary file (page-cached) repeated until it holds at least 64 MB, and wc reads it on stdin, so
/// process start-up is negligible next to the reading; seconds are scaled back to one copy.
func wcWords(_ bytes: [UInt8], rounds: Int) -> (words: Int, seconds: Double) {
    let path = NSTemporaryDirectory() + "/parley-bench-wc-\(getpid()).txt"
    let copies = max(1, (64_000_000 + bytes.count - 1) / max(1, bytes.count))
    guard FileManager.default.createFile(atPath: path, contents: nil),
          let handle = FileHandle(forWritingAtPath: path) else {
        printError("cannot write \(path)")
        exit(2)
    }
    let data = Data(bytes)
    for _ in 0..<copies { handle.write(data) }
    try? handle.close()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var best = Double.infinity
    var words = 0
    for _ in 0..<max(3, rounds) {
        let wc = Process()
        wc.executableURL = URL(fileURLWithPath: "/usr/bin/wc")
        wc.arguments = ["-w"]
        wc.standardInput = FileHandle(forReadingAtPath: path)
        let pipe = Pipe()
        wc.standardOutput = pipe
        let seconds = time { try? wc.run(); wc.waitUntilExit() }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        words = (Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) / copies
        best = min(best, seconds)
    }
    return (words, best / Double(copies))
}

/// Whitespace-separated words, as `wc -w` counts them (ASCII whitespace).
func countWords(_ bytes: [UInt8]) -> Int {
    var words = 0
    var inWord = false
    for byte in bytes {
        let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        if !space && !inWord { words += 1 }
        inWord = !space
    }
    return words
}

/// One line of a throughput table.
func rateLine(_ label: String, megabytes: Double, words: Int, documents: Int, seconds: Double, extra: String = "") -> String {
    let pad = label.padding(toLength: 20, withPad: " ", startingAt: 0)
    let mbps = format(megabytes / seconds).padding(toLength: 8, withPad: " ", startingAt: 0)
    let wps = format(Double(words) / seconds / 1e6).padding(toLength: 6, withPad: " ", startingAt: 0)
    let dps = String(Int((Double(documents) / seconds).rounded())).padding(toLength: 7, withPad: " ", startingAt: 0)
    return "\(pad) \(mbps) MB/s  \(wps) M words/s  \(dps) docs/s\(extra)"
}

/// Runs every stage over `files` single-threaded for `repeats` rounds, timing each stage separately;
/// returns the best round's seconds per stage (in stage order) and the input's words.
func stageTimes(_ files: [(id: String, bytes: [UInt8])], format inputFormat: InputFormat, repeats: Int)
    -> (stages: [(String, Double)], failures: Int) {
    let reader = ArticleReader()
    let segmentation = SegmentationAnnotator()
    let lexicons = LexiconSet.bundled
    let extraction = ExtractionAnnotator(lexicons: lexicons)
    let stance = StanceAnnotator(lexicons: lexicons)
    let formatter = DocumentReportFormatter()
    let ingestName = inputFormat == .html ? "ingest HTML" : "ingest text"
    let names = [ingestName, "segmentation", "extraction", "stance", "report encoding"]
    var best = [Double](repeating: .infinity, count: names.count)
    let clock = ContinuousClock()
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    var failures = 0
    for round in 0..<repeats {
        var totals = [Double](repeating: 0, count: names.count)
        for file in files {
            do {
                var start = clock.now
                var document = try file.bytes.withUnsafeBufferPointer { try reader.read(bytes: $0, id: file.id, format: inputFormat) }
                totals[0] += seconds(clock.now - start); start = clock.now
                document = try segmentation.annotate(document)
                totals[1] += seconds(clock.now - start); start = clock.now
                document = try extraction.annotate(document)
                totals[2] += seconds(clock.now - start); start = clock.now
                document = try stance.annotate(document)
                totals[3] += seconds(clock.now - start); start = clock.now
                _ = formatter.format(document)
                totals[4] += seconds(clock.now - start)
            } catch {
                if round == 0 { failures += 1 }
            }
        }
        for index in names.indices { best[index] = min(best[index], totals[index]) }
    }
    return (Array(zip(names, best)), failures)
}

/// Reads the article files under `directory` with one of `extensions`, in Parley's input order.
func loadArticles(_ directory: String, extensions: Set<String>) -> [(id: String, bytes: [UInt8])] {
    InputCollector.collect([directory], extensions: extensions).compactMap { entry in
        guard case .file(let path) = entry, let bytes = try? FileIO.read(path, maxBytes: ArticleReader.defaultMaxBytes) else { return nil }
        return (path, bytes)
    }
}

/// Per-stage throughput over plain-text articles, single thread, next to `wc -w` on the same bytes.
func benchText(_ directory: String, repeats: Int) {
    let files = loadArticles(directory, extensions: ["txt"])
    guard !files.isEmpty else { printError("no *.txt files under \(directory)"); exit(2) }
    let all = files.flatMap(\.bytes)
    let megabytes = Double(all.count) / 1_000_000
    let wc = wcWords(all, rounds: 3)
    let words = wc.words
    let (stages, failures) = stageTimes(files, format: .text, repeats: repeats)
    print("text corpus: \(directory): \(files.count) articles, \(format(megabytes)) MB, \(words) words (wc -w), \(repeats) rounds, best round per stage, 1 thread, failures: \(failures)")
    var endToEnd = 0.0
    for (stage, seconds) in stages {
        endToEnd += seconds
        print(rateLine(stage, megabytes: megabytes, words: words, documents: files.count, seconds: seconds))
    }
    print(rateLine("end to end (sum)", megabytes: megabytes, words: words, documents: files.count, seconds: endToEnd))
    print(rateLine("wc -w (same bytes)", megabytes: megabytes, words: words, documents: files.count, seconds: wc.seconds))
    print("ratio Parley/wc -w: \(format(wc.seconds / endToEnd * 100)) %   (goal ≥ 12.5 %)")
    print("peak RSS (this process, corpus held in memory): \(format(peakRSSMegabytes())) MB")
}

/// HTML: raw libxml2 parse vs HTML ingestion vs every stage, single thread, on DIR/**/*.html.
func benchHTMLStages(_ directory: String, repeats: Int) {
    let files = loadArticles(directory, extensions: ["html", "htm"])
    guard !files.isEmpty else { printError("no *.html files under \(directory)"); exit(2) }
    let megabytes = Double(files.reduce(0) { $0 + $1.bytes.count }) / 1_000_000
    var raw = Double.infinity
    for _ in 0..<repeats {
        raw = min(raw, time {
            for file in files { _ = file.bytes.withUnsafeBufferPointer { _LibXML2Baseline.parseAndFree($0) } }
        })
    }
    // Words of the extracted article text (what the later stages read).
    let reader = ArticleReader()
    let words = files.reduce(0) { total, file in
        let text = (try? file.bytes.withUnsafeBufferPointer { try reader.read(bytes: $0, id: file.id, format: .html) })?.text ?? ""
        return total + countWords(Array(text.utf8))
    }
    let (stages, failures) = stageTimes(files, format: .html, repeats: repeats)
    print("HTML corpus: \(directory): \(files.count) pages, \(format(megabytes)) MB of HTML, \(words) words of article text, \(repeats) rounds, 1 thread, failures: \(failures)")
    print(rateLine("libxml2 raw parse", megabytes: megabytes, words: words, documents: files.count, seconds: raw))
    var endToEnd = 0.0
    for (stage, seconds) in stages {
        endToEnd += seconds
        print(rateLine(stage, megabytes: megabytes, words: words, documents: files.count, seconds: seconds))
    }
    print(rateLine("end to end (sum)", megabytes: megabytes, words: words, documents: files.count, seconds: endToEnd))
    print("ratio ingest HTML/raw libxml2: \(format(raw / stages[0].1 * 100)) %   ratio end to end/raw libxml2: \(format(raw / endToEnd * 100)) %   (goal ≥ 50 %)")
    print("peak RSS (this process): \(format(peakRSSMegabytes())) MB")
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
           parley-bench html-stages DIR [ROUNDS]  raw libxml2 vs every stage over DIR/**/*.html
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
case "html-stages":
    let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
    benchHTMLStages(arguments[2], repeats: max(1, rounds))
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
