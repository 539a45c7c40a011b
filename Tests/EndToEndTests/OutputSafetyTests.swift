import Foundation
import Testing

/// Output safety (issue 6): interrupted runs leave no partial or temporary files, unwritable
/// outputs are one clear line and exit 74, a closed pipe ends the run quietly, and the output does
/// not depend on `--jobs`.
@Suite struct OutputSafetyTests {
    /// A folder of `count` small articles.
    static func articles(_ count: Int) throws -> HostileFolder {
        let folder = try HostileFolder()
        let text = try String(contentsOfFile: CLIRunner.packageRoot.path + "/Corpus/peace-talks.txt", encoding: .utf8)
        for index in 0..<count { try folder.write("in/\(String(format: "%04d", index)).txt", Array(text.utf8)) }
        return folder
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedRunLeavesNoPartialFiles(signal number: Int32) throws {
        let folder = try Self.articles(400)
        defer { folder.remove() }
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["analyze", "--jobs", "2", folder.path + "/in", "--output", folder.path + "/out"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the run is well under way (some reports written), then interrupt it.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline,
              ((try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/out")) ?? []).filter({ $0.hasSuffix(".json") }).count < 20 {
            usleep(2_000)
        }
        let interrupted = process.isRunning
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        #expect(interrupted, "the run finished before it could be interrupted; make the batch larger")
        #expect(process.terminationStatus == 128 + number)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out")
        #expect(written.count >= 20 && written.count < 400)
        #expect(written.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") }, "temporary files left: \(written.filter { $0.hasPrefix(".") })")
        // Every file that exists is complete: one whole JSON object and a newline.
        for name in written {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/" + name))
            #expect(data.last == 0x0A)
            #expect((try? JSONSerialization.jsonObject(with: data)) is [String: Any], "\(name) is partial")
        }
    }

    @Test(arguments: [["--output", "/dev/full/reports"], ["--output", "/proc/version/out"]])
    func unwritableOutputDirectory(arguments: [String]) throws {
        let outcome = try CLIRunner.run(["analyze", "Corpus/peace-talks.txt"] + arguments)
        #expect(outcome.status == 74)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stderr.hasPrefix("parley: cannot write /"))
    }

    @Test func fullDiskOnStandardOutput() throws {
        let outcome = try CLIRunner.shell(#""$PARLEY" analyze Corpus/peace-talks.txt > /dev/full"#)
        #expect(outcome.status == 74)
        #expect(outcome.stderr == "parley: cannot write to standard output: No space left on device\n")
    }

    @Test func closedPipeExitsQuietly() throws {
        let paths = Array(repeating: "Corpus", count: 30).joined(separator: " ")
        let outcome = try CLIRunner.shell(#""$PARLEY" analyze --jobs 2 \#(paths) | head -1 | wc -l; echo "status ${PIPESTATUS[0]}""#)
        #expect(outcome.stdout == "1\nstatus 0\n")
        #expect(outcome.stderr.isEmpty)
    }

    @Test func outputFilesIdenticalWhateverTheJobCount() throws {
        let folder = try Self.articles(3)
        defer { folder.remove() }
        try FileManager.default.copyItem(atPath: CLIRunner.packageRoot.path + "/Corpus", toPath: folder.path + "/in/corpus")
        var outputs: [[String: Data]] = []
        for jobs in ["1", "2", "5"] {
            let out = folder.path + "/out-\(jobs)"
            let outcome = try CLIRunner.run(["analyze", "--jobs", jobs, folder.path + "/in", "--output", out])
            #expect(outcome.status == 0)
            let enumerator = FileManager.default.enumerator(atPath: out)
            var files: [String: Data] = [:]
            while let name = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: out + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[name] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
                }
            }
            outputs.append(files)
        }
        #expect(outputs[0].count >= 10)
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
    }
}

extension CLIRunner {
    /// Runs a bash command line in the package root with `$PARLEY` set to the built binary.
    static func shell(_ command: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["PARLEY": binary.path]) { $1 }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return collect(process, output: output, error: error)
    }
}
