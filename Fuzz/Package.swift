// swift-tools-version: 6.0
// libFuzzer targets for HelpCenter, kept out of the root package so that its `swift build` and
// `swift test` never see sanitizer flags. Build and run them with scripts/fuzz.sh (see docs/fuzzing.md).
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (`HelpCenter`, `main`, a worktree's name),
// so the products are looked up under the name of the folder this package sits in.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: root) }
    )
}

let package = Package(
    name: "HelpCenterFuzz",
    // Built and tested on Linux (Debian). On macOS the standard library's `Mutex` needs 15 and
    // `String.UTF8View.span` needs 26.
    platforms: [.macOS("26.0")],
    products: [
        .executable(name: "fuzz-markdown", targets: ["FuzzMarkdown"]),
        .executable(name: "fuzz-front-matter", targets: ["FuzzFrontMatter"]),
        .executable(name: "fuzz-scenario", targets: ["FuzzScenario"]),
        .executable(name: "fuzz-templates", targets: ["FuzzTemplates"]),
        .executable(name: "fuzz-preview-path", targets: ["FuzzPreviewPath"]),
        .executable(name: "fuzz-search", targets: ["FuzzSearch"]),
        .executable(name: "fuzz-collector", targets: ["FuzzCollector"]),
    ],
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        // What the targets share: decoding the input, stopping on a broken invariant, the checks.
        .target(name: "FuzzSupport", dependencies: [.product(name: "HelpCenterDiagnostics", package: root)]),
        fuzzTarget("FuzzMarkdown", ["HelpCenterSite", "HelpCenterMarkdown"]),
        fuzzTarget("FuzzFrontMatter", ["HelpCenterSite"]),
        fuzzTarget("FuzzScenario", ["ScenarioChecker", "HelpCenterDiagnostics"]),
        fuzzTarget("FuzzTemplates", ["HelpCenterTemplates"]),
        fuzzTarget("FuzzPreviewPath", ["HelpCenterPreview"]),
        fuzzTarget("FuzzSearch", ["HelpCenterSearch"]),
        fuzzTarget("FuzzCollector", ["HelpCenterFeedback"]),
    ],
    swiftLanguageModes: [.v6]
)
