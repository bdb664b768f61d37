import Hummingbird
import ServiceLifecycle

extension PreviewResponder {
    /// The Server-Sent Events stream of one page: the current state first, then every event
    /// until the page goes away or the server shuts down.
    func eventStream(_ request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = ServedMediaType.eventStream
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        if request.method == .head {
            return Response(status: .ok, headers: headers)
        }
        let events = hub.subscribe()
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: LiveReloadEvent.streamPrelude))
                for await event in events.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: event.serverSentEvent))
                }
                try await writer.finish(nil)
            })
    }
}
