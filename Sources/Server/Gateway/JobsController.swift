import HTTPTypes
import Foundation
package import Hummingbird
import NIOCore
import SiteAPI

/// Jobs: list, show, cancel, and logs — whole, or followed live as NDJSON (`?follow=true`).
package struct JobsController: Sendable {
    let jobs: JobService
    let events: EventBus
    let auth: Authenticator

    package func addRoutes(to router: Router<APIRequestContext>) {
        router.get("/v1/jobs") { request, _ in
            let user = try await auth.user(request)
            let query = request.uri.queryParameters
            let state = try query.get("state").map { raw -> JobState in
                guard let state = JobState(rawValue: String(raw)) else {
                    throw ServerError.badRequest("Unknown job state '\(raw)'.",
                        hint: "Use one of: \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return state
            }
            let items = try await jobs.list(
                for: user, site: query.get("site").map { String($0) }, state: state,
                limit: query.get("limit").flatMap { Int(String($0)) } ?? 50)
            return try HTTPJSON.response(SiteAPI.Page(items: items, nextCursor: nil))
        }
        router.get("/v1/jobs/:id") { request, context in
            let user = try await auth.user(request)
            return try HTTPJSON.response(try await jobs.show(jobID: try context.parameters.require("id", as: Int64.self), for: user))
        }
        router.post("/v1/jobs/:id/cancel") { request, context in
            let user = try await auth.user(request)
            return try HTTPJSON.response(try await jobs.cancel(jobID: try context.parameters.require("id", as: Int64.self), for: user))
        }
        router.get("/v1/jobs/:id/logs") { request, context in
            let user = try await auth.user(request)
            let jobID = try context.parameters.require("id", as: Int64.self)
            let query = request.uri.queryParameters
            let after = query.get("after").flatMap { Int(String($0)) } ?? 0
            let follow = query.get("follow").map { $0 == "true" || $0 == "1" } ?? false
            if !follow {
                return try HTTPJSON.response(try await jobs.logs(jobID: jobID, afterSeq: after, for: user))
            }
            _ = try await jobs.show(jobID: jobID, for: user)
            // Subscribe before reading what is stored, so no line falls between the two; `seq` removes duplicates.
            let stream = events.subscribe { $0.event.jobId == jobID && ($0.event.kind == .jobLog || $0.event.kind == .jobState) }
            var headers = HTTPFields()
            headers[.contentType] = "application/x-ndjson"
            return Response(status: .ok, headers: headers, body: .init { writer in
                var last = after
                let encoder = APIJSON.encoder()
                func emit(_ line: LogLine) async throws {
                    guard line.seq > last else { return }
                    last = line.seq
                    var data = try encoder.encode(line)
                    data.append(0x0A)
                    try await writer.write(ByteBuffer(bytes: data))
                }
                for line in try await jobs.logs(jobID: jobID, afterSeq: after, for: user) { try await emit(line) }
                if try await jobs.show(jobID: jobID, for: user).state.isTerminal {
                    try await writer.finish(nil)
                    return
                }
                for await published in stream {
                    let event = published.event
                    if let line = event.line { try await emit(line) }
                    if event.kind == .jobState, let state = event.state.flatMap(JobState.init(rawValue:)), state.isTerminal { break }
                }
                for line in try await jobs.logs(jobID: jobID, afterSeq: last, for: user) { try await emit(line) }
                try await writer.finish(nil)
            })
        }
    }
}
