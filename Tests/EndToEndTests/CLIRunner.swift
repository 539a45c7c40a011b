import Foundation

/// Runs the built `parley` binary, as a user would, and captures what it prints.
struct CLIRunner {
    /// The result of one run.
    struct Outcome {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The package root, found from this file's location.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `parley` executable next to the test bundle in the build folder.
    static let binary: URL = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // On Linux the test binary is `<bin>/ParleyPackageTests.xctest`; on macOS it is inside a bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("parley").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("parley")
    }()

    /// Runs `parley arguments` in the package root with `stdin` as standard input.
    static func run(_ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Feed stdin and drain both pipes concurrently so large outputs cannot deadlock.
        let writer = Thread { input.fileHandleForWriting.write(stdin); try? input.fileHandleForWriting.close() }
        writer.start()
        return collect(process, output: output, error: error)
    }

    /// Drains a started process's standard output and error concurrently (so large outputs cannot
    /// deadlock) and waits for it to exit.
    static func collect(_ process: Process, output: Pipe, error: Pipe) -> Outcome {
        let errorReader = PipeDrainer(error.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = errorReader.wait()
        return Outcome(stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self),
                       status: process.terminationStatus)
    }
}

/// Reads a pipe to its end on its own thread; `wait()` joins it. The semaphore gives the
/// happens-before edge ThreadSanitizer needs (polling `Thread.isFinished` did not).
final class PipeDrainer: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    /// The pipe's bytes, once it is closed.
    func wait() -> Data {
        done.wait()
        return data
    }
}
