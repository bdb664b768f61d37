import Foundation
import Hummingbird

/// The JSON bodies the collector answers with.
struct CollectorAnswer: Encodable {
    var status: String?
    var vote: String?
    var error: String?
    var message: String?
    var articles: Int?

    static func refusal(_ problem: FeedbackInputError) -> CollectorAnswer {
        CollectorAnswer(error: problem.code, message: problem.description)
    }

    func response(_ status: HTTPResponse.Status, headers extra: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data("{\"error\":\"internal\"}".utf8)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
