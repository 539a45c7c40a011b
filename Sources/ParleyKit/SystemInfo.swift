#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the machine the batch runner sizes itself by.
public enum SystemInfo {
    /// Online processor cores (at least 1).
    public static var activeProcessorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Asks the C allocator to serve large blocks from its heap and to keep freed memory for reuse.
    ///
    /// Building the lexicon tables allocates and frees tens of megabytes of temporary arrays. By
    /// default glibc maps every block above 128 KiB afresh and returns it on free, so each one costs a
    /// page fault per 4 KiB touched: about a quarter of the start-up time went to faults. Kept
    /// memory is reused by the batch, so peak RSS does not grow. A no-op where there is no `mallopt`.
    public static func tuneAllocatorForBatchWork() {
        #if canImport(Glibc)
        // `mallopt` is not in the Glibc module map (it lives in <malloc.h>), so it is looked up by
        // name; the parameter numbers are glibc's ABI (M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3).
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }   // RTLD_DEFAULT
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(-3, 32 << 20)     // M_MMAP_THRESHOLD: glibc's maximum
        _ = mallopt(-1, 256 << 20)    // M_TRIM_THRESHOLD
        #endif
    }
}
