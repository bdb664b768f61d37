import Foundation
import HelpCenterSite
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HelpCenterPreview

/// The whole preview in process, on a real folder: edit a file, see the rebuild's event on
/// the stream a page would hold open.
@Suite(.serialized) struct PreviewServiceTests {
    @Test func savingAnArticleSendsReloadAndBrokenFrontMatterSendsErrorsUntilFixed() async throws {
        let root = try PreviewFixture.writeToTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try PreviewFixture.server(in: root, options: PreviewOptions(quietPeriod: .milliseconds(20)))
        let article = root.appendingPathComponent("content/guides/first-steps.md")
        let page = "guides/first-steps/index.html"

        try await server.makeApplication().test(.router) { client in
            async let streamed = client.execute(uri: LiveReloadScript.eventsPath, method: .get)
            #expect(await eventually { server.hub.subscriberCount == 1 })
            let before = try #require(server.store.current.files[page]?.entityTag)

            try PreviewFixture.write(PreviewFixture.article(title: "First steps", body: "Edited text."), to: article)
            #expect(await eventually { server.store.current.files[page]?.entityTag != before })
            let edited = try await client.execute(uri: "/guides/first-steps/", method: .get)
            #expect(String(buffer: edited.body).contains("Edited text."))

            try PreviewFixture.write("---\ntitle: First steps\nupdated: not-a-date\n---\nBroken.\n", to: article)
            #expect(
                await eventually {
                    if case .errors = server.hub.currentState { return true } else { return false }
                })
            // The last good page stays served.
            let kept = try await client.execute(uri: "/guides/first-steps/", method: .get)
            #expect(String(buffer: kept.body).contains("Edited text."))

            try PreviewFixture.write(PreviewFixture.article(title: "First steps", body: "Fixed text."), to: article)
            #expect(
                await eventually {
                    if case .ok = server.hub.currentState { return true } else { return false }
                })
            server.hub.finishAll()
            let body = String(buffer: try await streamed.body)
            let events = body.components(separatedBy: "\n\n").compactMap { $0.split(separator: "\n").first }.filter { $0.hasPrefix("event:") }
            // The fixture's write truncates the file, then writes it: on a loaded machine the two
            // can fall on either side of the 20 ms quiet period, and the broken save is then
            // reported twice (once for the empty file). What is checked is the order of states.
            // The same goes for the edit: its write can be seen twice, and the second rebuild,
            // which changes nothing, is announced as `ok` after the `reload`.
            var states: [String] = []
            for (position, event) in events.enumerated() where position == 0 || event != "event: ok" {
                if states.last != String(event) { states.append(String(event)) }
            }
            #expect(events.first == "event: ok")
            #expect(states == ["event: ok", "event: reload", "event: errors", "event: reload"], "\(events)")
            #expect(body.contains("\"pages\":[\"/guides/first-steps/\"]"))
            #expect(body.contains("\"path\":\"content/guides/first-steps.md\""))
        }
    }

    @Test func aStylesheetOnlyChangeSwapsStylesheets() async throws {
        let root = try PreviewFixture.writeToTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try PreviewFixture.server(in: root, options: PreviewOptions(quietPeriod: .milliseconds(20)))
        try await server.makeApplication().test(.router) { client in
            async let streamed = client.execute(uri: LiveReloadScript.eventsPath, method: .get)
            #expect(await eventually { server.hub.subscriberCount == 1 })
            try PreviewFixture.write("body { color: red; }\n", to: root.appendingPathComponent("templates/assets/site.css"))
            #expect(await eventually { server.version.current.hasSuffix("-2") })
            server.hub.finishAll()
            let body = String(buffer: try await streamed.body)
            #expect(body.contains("event: css\ndata: {\"paths\":[\"/assets/site.css\"]"))
            #expect(!body.contains("event: reload"))
        }
    }
}
