import Dispatch

/// Waits `milliseconds` even when the task is cancelled: cleanup after a cancellation (a grace period before
/// SIGKILL) must still take its time.
func uncancellableSleep(milliseconds: Int) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { continuation.resume() }
    }
}
