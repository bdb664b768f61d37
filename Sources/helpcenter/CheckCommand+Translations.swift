import ArgumentParser
import Foundation
import HelpCenterDiagnostics
import HelpCenterInputFiles
import HelpCenterSite
import HelpCenterSiteFiles
import ScenarioChecker

/// `helpcenter check --translations`: each page's translations, in the chosen report format
/// (docs/languages.md). Out of date: an error; no `translation_of`: a warning; missing: a note.
extension CheckCommand {
    func checkTranslations() throws {
        let located = try project.locate(
            firstPath: content, everyInputGiven: false, verbose: verbose, inputsToGive: "--content DIR and --project DIR")
        let contentFolder = content ?? located.path("content")
        if let output {
            try ProjectInputs(content: contentFolder, policy: policy ?? located.path("policy/backup-policy.yaml"), project: located)
                .refuse(output, option: "--output")
        }
        let console = Console()
        let configuration = try ConfigurationLoader.load(path: located.path(SiteConfiguration.fileName), console: console, quiet: false)
        guard configuration.languages.isMultilingual else {
            throw CommandFailure("the site has one language: add the others to 'languages' in helpcenter.yaml (docs/languages.md)")
        }
        let tree = DirectoryFileTree(
            root: URL(fileURLWithPath: contentFolder), displayName: Self.reportPath(format: format, project: located)(contentFolder),
            boundary: InputBoundary([contentFolder]))
        let builder = SiteBuilder(configuration: configuration, content: tree, templates: tree)
        let history = GitSourceHistory(contentFolder: contentFolder)
        let (status, problems) = try builder.translationStatus { history.text(of: $0, at: $1) }
        let findings =
            problems
            + status.diagnostics().map { diagnostic in
                var diagnostic = diagnostic
                // In CI, a translation that fell behind its source fails the check.
                if diagnostic.id == "translation-outdated" { diagnostic.severity = .error }
                return diagnostic
            }
        var summary: [(String, Int)] = []
        for language in configuration.languages.translations {
            for state in [TranslationStatusReport.Entry.State.current, .outdated, .unversioned, .missing] {
                summary.append(("\(language.key) \(state.rawValue)", status.count(state, in: language)))
            }
        }
        let sink = try ReportSink(path: output)
        // `--quiet` leaves all but the errors (translations out of date) out of the human format only.
        let shown = quiet && format == .human ? findings.filter { $0.severity == .error } : findings
        sink.write(DiagnosticListReport.render(shown.sorted(), format: format, tool: "helpcenter check --translations", summary: summary))
        try sink.commit()
        // As the scenario check does: with the report in a file or a machine format, the CI
        // log still says what was found (it said nothing: session 22's CI trial).
        if output != nil || format != .human {
            let counts = summary.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            standardError(
                "checked translations (\(counts)): \(ReportRenderer.plural(findings.errorCount, "error")), \(ReportRenderer.plural(findings.warningCount, "warning"))"
            )
        }
        if findings.hasErrors { throw ExitCode(1) }
        try failUnderStrict(warnings: findings.warningCount)
    }
}
