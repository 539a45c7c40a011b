import ParleyKit

/// The whole pipeline as `parley analyze` runs it: format sniffing, either reader, every stage,
/// the DocumentReport JSON; and the same bytes as one JSON Lines record. Errors must be
/// ParleyErrors rendered as error records, never crashes.
let processor = BatchProcessor(parley: Parley(maxBytes: 1 << 20), format: .auto,
                               output: .report(DocumentReportFormatter()), maxBytes: 1 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    for item in [BatchItem.bytes(id: "fuzz", data: bytes), .jsonLine(data: bytes, line: 1)] {
        let result = processor.process(item)
        precondition(!result.record.isEmpty && result.record.first == UInt8(ascii: "{") && result.record.last == UInt8(ascii: "}"),
                     "every item renders one JSON object")
        precondition(!result.record.contains(0x0A), "records are one line")
    }
    return 0
}
