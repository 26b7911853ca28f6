internal import Dispatch

/// Data-parallel loops over the machine's cores, for the compiler's per-page work (each page is independent).
enum Parallel {
    /// `transform(0..<count)` computed on all cores, results in index order, `chunk` items per task. `transform`
    /// must only read shared state.
    static func map<T>(_ count: Int, chunk: Int = 8, _ transform: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Chunks of a few pages keep scheduling cheap while still balancing uneven pages across cores.
        let chunks = (count + chunk - 1) / chunk
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = index * chunk
                for item in start..<min(start + chunk, count) {
                    results[item] = transform(item)
                }
            }
        }
        return results.map { $0! }
    }
}
