import HelpCenterDiagnostics
import Testing

@testable import HelpCenterPreview

@Suite struct LiveReloadEventTests {
    @Test func errorsCarryEachDiagnosticsPlaceAndMessage() {
        let diagnostic = Diagnostic.error("'title' is required", at: SourceLocation(path: "content/guides/a.md", line: 2, column: 1), id: "front-matter")
        let text = LiveReloadEvent.errors(version: "v-1", diagnostics: [OverlayDiagnostic(diagnostic)]).serverSentEvent
        #expect(
            text == """
                event: errors
                data: {"diagnostics":[{"column":1,"id":"front-matter","line":2,"message":"'title' is required","path":"content/guides/a.md","severity":"error"}],"version":"v-1"}


                """)
    }

    @Test func aMessageOnSeveralLinesStaysOneDataLine() {
        let diagnostic = Diagnostic.error("first\nsecond", at: SourceLocation(path: "a.md"))
        let text = LiveReloadEvent.errors(version: "v", diagnostics: [OverlayDiagnostic(diagnostic)]).serverSentEvent
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.contains(#"first\nsecond"#))
    }

    @Test(arguments: [
        (["guides/a/index.html", "index.html"], [String](), ["/guides/a/", "/"], [String]()),
        (["guides/a/index.html", "sitemap.xml"], [], ["/guides/a/"], []),
        (["guides/images/dot.svg"], [], [], ["/guides/images/dot.svg"]),
        (["guides/a/index.html", "assets/search-index.js"], [], ["/guides/a/"], ["/assets/search-index.js"]),
        ([], ["guides/gone/index.html"], ["/guides/gone/"], []),
        (["404.html"], [], ["/404.html"], []),
    ])
    func reloadListsThePagesAndFilesThatChanged(changed: [String], removed: [String], pages: [String], resources: [String]) {
        let reload = LiveReloadPages(version: "v", changedPaths: changed, removedPaths: removed)
        #expect(reload.pages == pages)
        #expect(reload.resources == resources)
        #expect(!reload.everyPage)
    }

    @Test func tooManyChangesReloadEveryPage() {
        let paths = (0...LiveReloadPages.listLimit).map { "c/a\($0)/index.html" }
        let reload = LiveReloadPages(version: "v", changedPaths: paths, removedPaths: [])
        #expect(reload.everyPage)
        #expect(reload.pages.isEmpty)
    }

    @Test func keepAliveIsAComment() {
        #expect(LiveReloadEvent.keepAlive.serverSentEvent == ": keep-alive\n\n")
    }
}

@Suite struct LiveReloadInjectorTests {
    static func inject(_ page: String) -> String {
        String(decoding: LiveReloadInjector.inject(into: Array(page.utf8)), as: UTF8.self)
    }

    @Test(arguments: [
        ("<html><body><p>x</p></body></html>", "<html><body><p>x</p>\(LiveReloadScript.tag)</body></html>"),
        ("<p>a</p></BODY>", "<p>a</p>\(LiveReloadScript.tag)</BODY>"),
        ("<p>text mentioning </body> in code</p></body>", "<p>text mentioning </body> in code</p>\(LiveReloadScript.tag)</body>"),
        ("<p>no closing tag</p>", "<p>no closing tag</p>\(LiveReloadScript.tag)"),
        ("", LiveReloadScript.tag),
    ])
    func insertsTheScriptBeforeTheLastClosingBody(page: String, expected: String) {
        #expect(Self.inject(page) == expected)
    }
}

@Suite struct LiveReloadHubTests {
    @Test func aPageThatConnectsLaterIsToldTheCurrentState() async {
        let hub = LiveReloadHub(initialState: .ok(version: "v-1"))
        let failure = LiveReloadEvent.errors(version: "v-1", diagnostics: [OverlayDiagnostic(.error("bad", at: .init(path: "a.md", line: 3, column: 4)))])
        hub.publish(failure)
        var events = hub.subscribe().makeAsyncIterator()
        #expect(await events.next() == failure)
        hub.publish(.reload(LiveReloadPages(version: "v-2", changedPaths: ["index.html"], removedPaths: [])))
        #expect(hub.currentState == .ok(version: "v-2"))
    }

    @Test func finishingEndsEveryStreamAndRefusesNewOnes() async {
        let hub = LiveReloadHub(initialState: .ok(version: "v"))
        let stream = hub.subscribe()
        #expect(hub.subscriberCount == 1)
        hub.finishAll()
        var received: [LiveReloadEvent] = []
        for await event in stream { received.append(event) }
        #expect(received == [.ok(version: "v")])
        #expect(hub.subscriberCount == 0)
        var late = hub.subscribe().makeAsyncIterator()
        #expect(await late.next() == nil)
    }

    @Test func aPageThatGoesAwayIsForgotten() async {
        let hub = LiveReloadHub(initialState: .ok(version: "v"))
        do {
            let stream = hub.subscribe()
            _ = stream
        }
        #expect(await eventually(timeout: .seconds(2)) { hub.subscriberCount == 0 })
    }
}
