#if canImport(Glibc)
import Glibc
#endif
import ParleyKit
import Synchronization
import Testing

@Suite struct BatchRunnerTests {
    @Test(arguments: [1, 2, 3, 8])
    func emitsEveryItemOnceInInputOrder(jobs: Int) {
        let emitted = Locked<[Int]>([])
        let inFlightPeak = Atomic<Int>(0)
        let inFlight = Atomic<Int>(0)
        BatchRunner(jobs: jobs).run(0..<200, process: { item in
            let now = inFlight.add(1, ordering: .relaxed).newValue
            _ = inFlightPeak.max(now, ordering: .relaxed)
            // Uneven work so later items often finish first.
            usleep(UInt32((item * 7919) % 5) * 200)
            inFlight.subtract(1, ordering: .relaxed)
            return item * 10
        }, emit: { index, value in
            emitted.withLock { $0.append(value) }
            #expect(value == index * 10)
        })
        #expect(emitted.withLock { $0 } == (0..<200).map { $0 * 10 })
        #expect(inFlightPeak.load(ordering: .relaxed) <= jobs)
    }

    /// The first item runs before the other workers start, so one-time set-up it triggers (the lexicon
    /// build) has the cores to itself. (That the rest run in parallel is checked above.)
    @Test func firstItemRunsAlone() {
        let started = Atomic<Int>(0)
        let startedDuringFirst = Atomic<Int>(-1)
        let emittedCount = Atomic<Int>(0)
        BatchRunner(jobs: 2).run(0..<20, process: { item in
            _ = started.add(1, ordering: .relaxed)
            if item == 0 {
                usleep(20_000)
                startedDuringFirst.store(started.load(ordering: .relaxed), ordering: .relaxed)
            }
            return item
        }, emit: { _, _ in emittedCount.add(1, ordering: .relaxed) })
        #expect(startedDuringFirst.load(ordering: .relaxed) == 1)
        #expect(emittedCount.load(ordering: .relaxed) == 20)
    }

    @Test func slowItemDoesNotLetTheWindowGrowWithoutBound() {
        let window = 6
        let maxPending = Atomic<Int>(0)
        let started = Atomic<Int>(0)
        let emittedCount = Atomic<Int>(0)
        BatchRunner(jobs: 2, window: window).run(0..<50, process: { item in
            let startedNow = started.add(1, ordering: .relaxed).newValue
            _ = maxPending.max(startedNow - emittedCount.load(ordering: .relaxed), ordering: .relaxed)
            if item == 1 { usleep(20_000) }
            return item
        }, emit: { _, _ in emittedCount.add(1, ordering: .relaxed) })
        #expect(maxPending.load(ordering: .relaxed) <= window)
        #expect(emittedCount.load(ordering: .relaxed) == 50)
    }
}

@Suite struct PipelineTests {
    struct FakeStage: Stage {
        let name: String
        let requires: Set<LayerKey>
        let produces: Set<LayerKey>
        func annotate(_ document: Document) throws(ParleyError) -> Document { document }
    }

    @Test func missingLayerIsAConstructionError() {
        #expect { try Pipeline(stages: [FakeStage(name: "quotes", requires: [.entities], produces: [.quotes])]) } throws: { error in
            (error as? ParleyError)?.code == "missing-layer" && (error as? ParleyError)?.message.contains("quotes") == true
        }
    }

    @Test func satisfiedChainBuilds() throws {
        _ = try Pipeline(stages: [
            FakeStage(name: "seg", requires: [.paragraphs], produces: [.tokens, .sentences]),
            FakeStage(name: "ext", requires: [.tokens], produces: [.entities]),
        ])
    }
}
