#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import ParleyKit
import Synchronization

/// Wires command-line inputs to the batch runner and its output to stdout or `--output DIR`.
/// Process I/O only: every decision about articles lives in ParleyKit.
struct BatchDriver {
    let options: InputOptions
    let processor: BatchProcessor
    /// `--output DIR`, or nil for standard output.
    let outputDirectory: String?
    /// Written after each record on standard output.
    let recordSeparator: [UInt8]
    /// Written before every record but the first on standard output.
    var recordPrefix: [UInt8] = []

    /// Runs the batch and returns the process exit status (0 all processed, 1 some failed).
    func run() throws -> Int32 {
        Signals.install()
        let fatal = Locked<ParleyError?>(nil)
        let items = try Self.items(for: options, onStreamFailure: { error in
            fatal.withLock { if $0 == nil { $0 = error } }
        })
        let failures = Locked(0)
        let progress = Progress(total: items.knownCount)
        let runner = BatchRunner(jobs: options.resolvedJobs)
        let processor = self.processor
        let outputDirectory = self.outputDirectory
        let separator = recordSeparator
        let prefix = recordPrefix

        runner.run(items, process: { item in
            var result = processor.process(item)
            if let outputDirectory {
                let path = outputDirectory + "/" + Self.jsonName(result.outputName)
                do throws(ParleyError) {
                    try FileIO.writeAtomically(result.record + [0x0A], to: path)
                } catch {
                    fatal.withLock { if $0 == nil { $0 = error } }
                }
                result.record = []
            }
            return result
        }, emit: { index, result in
            if let error = result.error {
                failures.withLock { $0 += 1 }
                StandardStreams.error("parley: \(result.id): \(error.code): \(error.message)")
            }
            if !result.record.isEmpty { StandardStreams.write((index > 0 ? prefix : []) + result.record + separator) }
            progress.advance(to: index + 1, id: result.id)
        })
        StandardStreams.flush()
        if let error = fatal.withLock({ $0 }) {
            StandardStreams.error("parley: \(error.message)")
            return 74
        }
        return failures.withLock { $0 } > 0 ? 1 : 0
    }

    /// Output file name for a record: the input's relative path with its extension replaced by `.json`.
    static func jsonName(_ name: String) -> String {
        var components = name.split(separator: "/").map(String.init).filter { $0 != ".." && $0 != "." }
        guard var last = components.popLast() else { return "stdin.json" }
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { last = String(last[..<dot]) }
        components.append(last + ".json")
        return components.joined(separator: "/")
    }

    /// The work list: files from paths and folders, standard input, or JSON Lines records.
    ///
    /// A lazy sequence: JSON Lines input (files or standard input) is read line by line as the
    /// runner asks for items, so memory stays bounded by the longest line, never the whole stream.
    /// - Parameter onStreamFailure: called (on the reading thread) if standard input fails mid-stream;
    ///   the run then ends with the lines read so far and should exit with status 74.
    static func items(for options: InputOptions,
                      onStreamFailure: @escaping (ParleyError) -> Void = { StandardStreams.error("parley: \($0.message)") })
        throws -> BatchItems {
        let readsStdin = options.paths.isEmpty || options.paths == ["-"]
        if options.inputFormat == .jsonl {
            if readsStdin {
                return BatchItems(knownCount: 0, LazyJSONLines(sources: [.stdin], onStreamFailure: onStreamFailure))
            }
            return BatchItems(knownCount: 0, LazyJSONLines(sources: options.paths.map { .path($0) }, onStreamFailure: onStreamFailure))
        }
        if readsStdin { return BatchItems(knownCount: 1, CollectionOfOne(.bytes(id: "-", data: try readStdin(options)))) }
        // Folders are walked lazily (one listing at a time) and each item is made when the runner
        // asks for it, so memory does not grow with the number of files.
        let roots = options.paths.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        let items = roots.lazy.flatMap { root in
            InputCollector.entries([root]).lazy.map { entry -> BatchItem in
                switch entry {
                case .file(let file):
                    let relative = file.hasPrefix(root + "/") ? String(file.dropFirst(root.count + 1))
                                                                : String(file.split(separator: "/").last ?? "")
                    return .file(path: file, outputName: relative)
                case .problem(let file, let error):
                    return .problem(id: file, error: error)
                }
            }
        }
        // The total is only needed for the progress line on a terminal; counting walks the folders
        // once more without keeping anything.
        let total = StandardStreams.stderrIsTerminal ? InputCollector.entries(roots).reduce(0) { count, _ in count + 1 } : 0
        return BatchItems(knownCount: total, items)
    }

    private static func readStdin(_ options: InputOptions) throws -> [UInt8] {
        do {
            return try FileIO.readAll(0, name: "standard input", maxBytes: options.maxBytes)
        } catch {
            throw RunFailure(message: error.message)
        }
    }

    /// The non-blank lines of `bytes`, with their 1-based line numbers.
    static func numberedLines(_ bytes: [UInt8]) -> [(number: Int, bytes: [UInt8])] {
        var result: [(Int, [UInt8])] = []
        var line = 1
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            let slice = bytes[start..<index]
            if slice.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) { result.append((line, Array(slice))) }
            line += 1
            start = index + 1
        }
        return result
    }
}

/// The items of a batch as a single-pass sequence, with their count when it is known in advance
/// (files, counted only for the progress line on a terminal) or 0 when it is not.
struct BatchItems: Sequence {
    let knownCount: Int
    private let base: AnySequence<BatchItem>

    init(knownCount: Int, _ base: some Sequence<BatchItem>) {
        self.knownCount = knownCount
        self.base = AnySequence(base)
    }

    func makeIterator() -> AnyIterator<BatchItem> { AnyIterator(base.makeIterator()) }
}

/// JSON Lines records from standard input or files, one item per non-blank line, read lazily.
/// A file that cannot be opened becomes one problem item; a read error on standard input ends the
/// stream and is reported through `onStreamFailure`.
struct LazyJSONLines: Sequence, IteratorProtocol {
    enum Source { case stdin, path(String) }

    private var sources: [Source]
    private var current: (reader: LineReader, source: Source)?
    private let onStreamFailure: (ParleyError) -> Void

    init(sources: [Source], onStreamFailure: @escaping (ParleyError) -> Void) {
        self.sources = sources.reversed()
        self.onStreamFailure = onStreamFailure
    }

    mutating func next() -> BatchItem? {
        while true {
            if let source = current?.source {
                // Mutated in place through the optional: a copy would duplicate the read buffer.
                switch current!.reader.next() {
                case .success(let line)?:
                    return .jsonLine(data: line.bytes, line: line.number)
                case .failure(let error)?:
                    current = nil
                    if case .path(let path) = source { return .problem(id: path, error: error) }
                    onStreamFailure(error)
                    return nil
                case nil:
                    current = nil
                }
            }
            guard let source = sources.popLast() else { return nil }
            switch source {
            case .stdin:
                current = (LineReader(fd: 0, name: "standard input"), source)
            case .path(let path):
                do throws(ParleyError) {
                    current = (try LineReader.open(path), source)
                } catch {
                    return .problem(id: path, error: error)
                }
            }
        }
    }
}

/// A failure of the run itself (not of one article): printed as one line, exit status 74.
struct RunFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A progress line on standard error, only when it is a terminal and the batch is large.
final class Progress: Sendable {
    private let total: Int
    private let enabled: Bool
    private let lastShown = Locked<Int>(0)

    init(total: Int) {
        self.total = total
        enabled = total >= 20 && StandardStreams.stderrIsTerminal
    }

    func advance(to done: Int, id: String) {
        guard enabled else { return }
        lastShown.withLock { last in
            guard done - last >= max(1, total / 200) || done == total else { return }
            last = done
            let name = id.count > 50 ? "…" + id.suffix(49) : id
            var line = "\r\u{1B}[K[\(done)/\(total)] \(name)"
            if done == total { line += "\n" }
            let bytes = Array(line.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        }
    }

}

/// Signal handling: ignore SIGPIPE (writes then fail with EPIPE and we exit quietly), and on
/// SIGINT/SIGTERM remove temporary output files before exiting, so no partial file survives.
enum Signals {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        signal(SIGPIPE, SIG_IGN)
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                TemporaryFiles.shared.removeAll()
                _exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }
}
