// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "HelpCenter",
    // Built and tested on Linux (Debian). On macOS the standard library's `Mutex` needs 15 and
    // `String.UTF8View.span` needs 26.
    platforms: [.macOS("26.0")],
    products: [
        .executable(name: "helpcenter", targets: ["helpcenter"]),
        .library(name: "HelpCenterSite", targets: ["HelpCenterSite"]),
        .library(name: "HelpCenterTemplates", targets: ["HelpCenterTemplates"]),
        .library(name: "HelpCenterSiteFiles", targets: ["HelpCenterSiteFiles"]),
        .library(name: "BackupPolicy", targets: ["BackupPolicy"]),
        .library(name: "ScenarioChecker", targets: ["ScenarioChecker"]),
        // For the fuzz targets in Fuzz/ (docs/fuzzing.md): the parser, the preview's path resolution, the diagnostics.
        .library(name: "HelpCenterMarkdown", targets: ["HelpCenterMarkdown"]),
        .library(name: "HelpCenterSearch", targets: ["HelpCenterSearch"]),
        .library(name: "HelpCenterPreview", targets: ["HelpCenterPreview"]),
        .library(name: "HelpCenterDiagnostics", targets: ["HelpCenterDiagnostics"]),
        .library(name: "HelpCenterFeedback", targets: ["HelpCenterFeedback"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // SwiftNIO and its HTTP types, which Hummingbird is built on: for the servers' own
        // connection limits (HelpCenterHTTP).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        // SHA-256 for the reports' fingerprints and the preview's entity tags. 3.x and 4.x have
        // the same API; HummingbirdTesting's HTTP client already resolves 4.x.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        // The feedback collector's stores (docs/feedback.md): SQLite through GRDB (the system's
        // libsqlite3, Debian: libsqlite3-dev), PostgreSQL through postgres-nio.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // libcmark-gfm and its extensions (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Snowball stemmers (Debian: libstemmer-dev; no pkg-config file, so the module map links it).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // One C question Swift cannot ask safely: whether a signal was ignored when the program
        // started (its handler is SIG_IGN). A header only, nothing to link.
        .systemLibrary(name: "CProcessSignals"),
        // Source locations, severities and diagnostics shared by the generator and the checker.
        .target(name: "HelpCenterDiagnostics"),
        // The one parallel map (safe code, results in order), for the build and the checker.
        .target(name: "HelpCenterConcurrency"),
        // The calendar date (`2026-11-29`) of the policy's `changed:` and the articles' `updated:`.
        .target(name: "HelpCenterCalendar"),
        // The one check of the rules articles cite (unknown ids, stale articles), on plain
        // values, shared by the site's build and the checker's coverage.
        .target(name: "HelpCenterRuleCitations", dependencies: ["HelpCenterDiagnostics", "HelpCenterCalendar"]),
        // The one guarded way to read YAML (size, binary, UTF-8, nesting, alias expansion), for
        // every YAML file the program reads.
        .target(name: "HelpCenterYAML", dependencies: ["HelpCenterDiagnostics", .product(name: "Yams", package: "Yams")]),
        // Reading the project's input files without leaving them: symbolic links that lead out of
        // the content, templates, policy and scenario folders are refused.
        .target(name: "HelpCenterInputFiles"),
        // Markdown to a Swift tree (the only layer that touches libcmark-gfm).
        .target(name: "HelpCenterMarkdown", dependencies: ["CCmarkGFM", "HelpCenterDiagnostics"]),
        // The template engine: Mustache templates parsed (swift-mustache), checked against the
        // page contexts, and compiled for rendering into HTML bytes. No file I/O.
        .target(
            name: "HelpCenterTemplates",
            dependencies: ["HelpCenterDiagnostics", "HelpCenterCalendar", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The search index: words, stems (libstemmer), postings, term shards and fragments, as
        // bytes for the site core to write. No file I/O.
        .target(name: "HelpCenterSearch", dependencies: ["CStemmer", "HelpCenterConcurrency"]),
        // The site core: content model, Markdown rendering, links, policy citations, search
        // index, pages. Reads and writes only through `SiteFileTree` and `SiteOutput`: no file I/O.
        .target(
            name: "HelpCenterSite",
            dependencies: [
                "HelpCenterDiagnostics", "HelpCenterCalendar", "HelpCenterRuleCitations", "HelpCenterMarkdown", "HelpCenterYAML",
                "HelpCenterConcurrency", "HelpCenterTemplates", "HelpCenterSearch",
                .product(name: "Yams", package: "Yams"),
                // The hash of a source's body that a translation names (`translation_of`).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The site on disk: input folders listed and read without leaving them, the output
        // staged beside the old site, and the publish transaction (stage, discard, swap) that
        // `build` and `serve` share.
        .target(
            name: "HelpCenterSiteFiles",
            dependencies: ["HelpCenterSite", "HelpCenterDiagnostics", "HelpCenterInputFiles"]
        ),
        // The backup-method policy: account model, normalisers, rules, actions. No I/O.
        .target(name: "BackupPolicy", dependencies: ["HelpCenterCalendar"]),
        // Scenario files: parsing, replay through the policy, findings and report formats.
        .target(
            name: "ScenarioChecker",
            dependencies: [
                "BackupPolicy", "HelpCenterCalendar", "HelpCenterDiagnostics", "HelpCenterRuleCitations", "HelpCenterYAML",
                "HelpCenterInputFiles", "HelpCenterConcurrency",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Links the site to the policy: loads rule wording, the scenario catalogue and the product's
        // vocabulary into the site's `SitePolicy`, and finds the articles' rule citations for the checker.
        .target(
            name: "HelpCenterPolicyDocs",
            dependencies: [
                "HelpCenterSite", "HelpCenterSiteFiles", "HelpCenterTemplates", "ScenarioChecker", "BackupPolicy", "HelpCenterDiagnostics",
                "HelpCenterYAML", "HelpCenterInputFiles", "HelpCenterMarkdown",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The writers' preview: a local server that rebuilds on save and reloads the browser.
        // What the two HTTP servers (the preview, the feedback collector) share: connection
        // limits Hummingbird has no setting for, and how a server stops on a signal.
        .target(
            name: "HelpCenterHTTP",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HelpCenterPreview",
            dependencies: [
                "HelpCenterSite", "HelpCenterSiteFiles", "HelpCenterDiagnostics", "HelpCenterInputFiles", "HelpCenterYAML",
                "HelpCenterConcurrency", "HelpCenterHTTP", "HelpCenterTemplates",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Readers' votes: the vote model and its validation, the stores (SQLite, PostgreSQL) with
        // their versioned migrations, the collector (`helpcenter feedback serve`) and the report.
        .target(
            name: "HelpCenterFeedback",
            dependencies: [
                "HelpCenterCalendar", "HelpCenterDiagnostics", "HelpCenterTemplates", "HelpCenterConcurrency", "HelpCenterHTTP",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The command-line program: argument parsing, wiring, exit codes.
        .executableTarget(
            name: "helpcenter",
            dependencies: [
                "HelpCenterSite", "HelpCenterSiteFiles", "ScenarioChecker", "BackupPolicy", "HelpCenterCalendar", "HelpCenterDiagnostics", "HelpCenterPreview",
                "HelpCenterPolicyDocs", "HelpCenterInputFiles", "HelpCenterYAML", "HelpCenterFeedback", "CProcessSignals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HelpCenterCalendarTests", dependencies: ["HelpCenterCalendar"]),
        .testTarget(
            name: "HelpCenterHTTPTests",
            dependencies: [
                "HelpCenterHTTP", .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(name: "HelpCenterConcurrencyTests", dependencies: ["HelpCenterConcurrency"]),
        .testTarget(name: "HelpCenterDiagnosticsTests", dependencies: ["HelpCenterDiagnostics"]),
        .testTarget(name: "HelpCenterRuleCitationsTests", dependencies: ["HelpCenterRuleCitations", "HelpCenterCalendar", "HelpCenterDiagnostics"]),
        .testTarget(name: "HelpCenterSearchTests", dependencies: ["HelpCenterSearch"]),
        .testTarget(name: "HelpCenterMarkdownTests", dependencies: ["HelpCenterMarkdown"]),
        .testTarget(name: "HelpCenterYAMLTests", dependencies: ["HelpCenterYAML"]),
        .testTarget(name: "HelpCenterInputFilesTests", dependencies: ["HelpCenterInputFiles"]),
        .testTarget(
            name: "HelpCenterSiteTests",
            dependencies: [
                "HelpCenterSite", "HelpCenterTemplates", "HelpCenterSiteFiles", "HelpCenterCalendar", "HelpCenterDiagnostics", "HelpCenterYAML",
                "HelpCenterInputFiles",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "HelpCenterSiteFilesTests", dependencies: ["HelpCenterSiteFiles", "HelpCenterSite", "HelpCenterInputFiles"]),
        .testTarget(name: "BackupPolicyTests", dependencies: ["BackupPolicy", "HelpCenterCalendar"]),
        // The command-line program run in process: exit statuses and what a user sees.
        .testTarget(
            name: "helpcenterTests",
            dependencies: [
                "helpcenter", "HelpCenterInputFiles", "BackupPolicy", "HelpCenterDiagnostics", "HelpCenterCalendar",
                // To hold a port in use (the serve command's test).
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .testTarget(
            name: "HelpCenterPolicyDocsTests",
            dependencies: ["HelpCenterPolicyDocs", "HelpCenterSite", "HelpCenterTemplates", "ScenarioChecker", "BackupPolicy", "HelpCenterDiagnostics"]
        ),
        .testTarget(
            name: "HelpCenterPreviewTests",
            dependencies: [
                "HelpCenterPreview", "HelpCenterSite", "HelpCenterSiteFiles", "HelpCenterInputFiles", "HelpCenterConcurrency",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ScenarioCheckerTests",
            dependencies: ["ScenarioChecker", "BackupPolicy", "HelpCenterCalendar", "HelpCenterDiagnostics", "HelpCenterYAML", "HelpCenterInputFiles"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "HelpCenterFeedbackTests",
            dependencies: [
                "HelpCenterFeedback", "HelpCenterCalendar", "HelpCenterConcurrency", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
