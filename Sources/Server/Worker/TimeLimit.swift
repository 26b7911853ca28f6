/// Runs an operation with an optional time limit: past it, the operation is cancelled and `exceeded` is thrown.
enum TimeLimit {
    static func run<T: Sendable>(
        _ limit: Duration?, exceeded: any Error & Sendable, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        guard let limit else { return try await operation() }
        return try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw exceeded
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}
