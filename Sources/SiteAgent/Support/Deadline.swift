/// Runs `operation`, failing with `error` when it has not finished after `seconds` (the operation is cancelled).
func withDeadline<T: Sendable>(
    seconds: Double, error: @escaping @Sendable () -> AgentError, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw error() }
        return value
    }
}
