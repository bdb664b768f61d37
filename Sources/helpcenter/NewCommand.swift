import ArgumentParser
import Foundation
import HelpCenterCalendar
import HelpCenterDiagnostics
import HelpCenterInputFiles
import HelpCenterSite

/// `helpcenter new article "Title" --collection NAME`: writes a new article with its front matter.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create new content.",
        subcommands: [NewArticleCommand.self, NewTranslationCommand.self]
    )
}

struct NewArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Write a new article with its front matter filled in (never overwrites a file)."
    )

    @Argument(help: "The article's title.")
    var title: String

    @Option(help: "The collection (folder under the content folder) to add it to (default: the one the current folder is in).")
    var collection: String?

    @Option(help: ArgumentHelp("The content folder (default: content in the project folder).", valueName: "content"))
    var content: String?

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Say which project folder is used, and why.")
    var verbose = false

    @Option(help: "The author's name, written into the front matter.")
    var author: String?

    func run() throws {
        let located = try project.locate(
            firstPath: content, everyInputGiven: content != nil, verbose: verbose, inputsToGive: "--content DIR")
        let content = self.content ?? located.path("content")
        let fileManager = FileManager.default
        for (what, value) in [("title", title), ("author", author ?? "")] {
            if let problem = Self.lineProblem(value) { throw CommandFailure("the \(what) \(problem); write it on one line, without control characters") }
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandFailure("the title is empty; give the article's title") }
        let collections = ((try? fileManager.contentsOfDirectory(atPath: content)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && fileManager.fileExists(atPath: content + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
        let known = "collections: " + (collections.isEmpty ? "none" : collections.joined(separator: ", "))
        // Without --collection, the collection whose folder the command runs in (a writer in
        // content/two-factor-authentication/ was asked for it: session 24's writer trial).
        guard let collection = collection ?? Self.collection(containing: CommandEnvironment.current.locator.fileSystem.currentFolder(), content: content)
        else {
            throw CommandFailure("give the collection to add the article to: --collection NAME (\(known)), or run this from inside a collection's folder")
        }
        // A collection is a folder directly under the content folder: a name, not a path (`..`
        // and `a/../../x` wrote the article outside the content folder). The build's own rule
        // for names (`PageAddress.problem(withName:)`: no `..`, no control characters), and no
        // `/` or leading `.` (a hidden folder is not published).
        guard !collection.contains("/"), !collection.hasPrefix("."), PageAddress.problem(withName: collection[...]) == nil else {
            throw CommandFailure(
                "'\(collection)' is not a collection's name: give the name of a folder directly in \(content)/ (\(known))"
            )
        }
        // The folder's name as the listing spells it (Swift compares names canonically; the
        // file system compares bytes).
        guard let name = collections.first(where: { $0 == collection }) else {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: content + "/" + collection, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw CommandFailure(
                    "\(content)/\(collection) is a file, not a collection's folder (\(known))"
                )
            }
            throw CommandFailure(
                "there is no collection '\(collection)' in \(content)/ (\(known)); create \(content)/\(collection)/_index.md first"
            )
        }
        let folder = URL(fileURLWithPath: content).appendingPathComponent(name)
        // A collection folder reached through a link that leaves the content folder is refused
        // by the build; the article would be written there and never published.
        let contentReal = InputBoundary.realPath(content) ?? content
        if let real = InputBoundary.realPath(folder.path), !InputBoundary([contentReal]).contains(realPath: real) {
            throw CommandFailure(
                "\(content)/\(collection) is a symbolic link to \(real), outside \(content)/; the build does not publish it, so no article is written there")
        }
        let articles = ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "_index.md" }
        let orders = articles.map { name -> Int? in
            let path = folder.appendingPathComponent(name).path
            guard let data = fileManager.contents(atPath: path) else { return nil }
            return ArticleScaffold.order(ofArticle: String(decoding: data, as: UTF8.self), path: path)
        }
        let scaffold = ArticleScaffold(
            title: title, collection: name, updated: Self.today(), author: author,
            order: ArticleScaffold.nextOrder(after: orders))
        let destination = URL(fileURLWithPath: content).appendingPathComponent(scaffold.path).path
        try Self.writeNewFile(
            destination, text: scaffold.text, shownAs: "\(content)/\(scaffold.path)", ifExists: "choose another title or edit that file")
        Console().status(
            "Wrote \(content)/\(scaffold.path) as a draft: 'helpcenter serve --drafts' shows it; remove its 'draft: true' line to publish it")
    }

    /// What keeps a title or an author from being one line of front matter: a control
    /// character (an escape sequence, a carriage return; a tab is written as `\t`) or a line or
    /// paragraph separator.
    static func lineProblem(_ text: String) -> String? {
        guard let scalar = text.unicodeScalars.first(where: Diagnostic.breaksOneLine) else { return nil }
        return "holds \(Diagnostic.codePoint(scalar))\(scalar == "\n" ? " (a line break)" : "")"
    }

    /// Writes a file that must not exist yet (O_EXCL: refused even if it appears between a
    /// check and the write). A write that fails (a full disk) removes the file: no empty or
    /// half-written page is left to break the next build.
    static func writeNewFile(_ path: String, text: String, shownAs shown: String, ifExists advice: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw CommandFailure("\(shown) already exists; \(advice)") }
            throw CommandFailure("cannot write \(shown): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            unlink(path)
            throw CommandFailure("cannot write \(shown): \(error.localizedDescription)")
        }
    }

    /// The collection whose folder (or a folder inside it) `folder` is, by the content folder's
    /// real path; nil outside the content's collections.
    static func collection(containing folder: String, content: String) -> String? {
        guard let real = InputBoundary.realPath(folder), let contentReal = InputBoundary.realPath(content), real.hasPrefix(contentReal + "/")
        else { return nil }
        return real.dropFirst(contentReal.count + 1).split(separator: "/").first.map(String.init)
    }

    static func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}

/// `helpcenter new translation content/c/article.md fr`: the article's translation beside it,
/// with `translation_of:` naming the source's current version (docs/languages.md).
struct NewTranslationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translation",
        abstract: "Write a page's translation beside it (article.fr.md), to translate in place (never overwrites a file)."
    )

    @Argument(help: "The page to translate: its Markdown file (content/collection/article.md, or a collection's _index.md).")
    var page: String

    @Argument(help: "The language: its key in helpcenter.yaml's languages: (fr, de, …) or its tag (fr-FR), in any case.")
    var language: String

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Say which project folder is used, and why.")
    var verbose = false

    func run() throws {
        let located = try project.locate(firstPath: page, everyInputGiven: false, verbose: verbose, inputsToGive: "--project DIR")
        let configuration = try ConfigurationLoader.load(path: located.path(SiteConfiguration.fileName), console: Console(), quiet: false)
        let languages = configuration.languages
        let known = languages.translations.map(\.key)
        let others =
            known.isEmpty
            ? "add the language to 'languages' in helpcenter.yaml first (docs/languages.md)"
            : "the site's other languages are: \(known.joined(separator: ", "))"
        if languages.language(named: language) == languages.primary {
            let primary = languages.primary
            throw CommandFailure("'\(language)' is the site's default language (\(primary.name)): its pages are the sources, written in place; \(others)")
        }
        guard let target = languages.language(named: language) else {
            if let hint = languages.closestKey(to: language, others: true) {
                throw CommandFailure("'\(language)' is not one of the site's languages (did you mean '\(hint)'?); \(others)")
            }
            throw CommandFailure(
                "'\(language)' is not one of the site's languages; "
                    + (known.isEmpty
                        ? others : "add it to 'languages' in helpcenter.yaml (docs/languages.md), or use one of them: \(known.joined(separator: ", "))"))
        }
        let content = URL(fileURLWithPath: located.path("content")).standardizedFileURL.path
        let source = URL(fileURLWithPath: page).standardizedFileURL.path
        guard source.hasPrefix(content + "/"), source.hasSuffix(".md") else {
            throw CommandFailure("\(page) is not a Markdown page of \(located.path("content"))")
        }
        let sourcePath = String(source.dropFirst(content.count + 1))
        guard ContentEntryKind.isSourcePage(sourcePath) else {
            throw CommandFailure("\(page) is already a translation; name the page it translates")
        }
        // The translation is written beside its source: both must really be in the content
        // folder. A folder or page reached through a symbolic link that leaves it is refused, as
        // the build refuses it (the translation would be written, or the text read, elsewhere).
        guard FileManager.default.fileExists(atPath: source) else { throw CommandFailure("there is no \(page)") }
        let boundary = InputBoundary([content])
        for path in [source, (source as NSString).deletingLastPathComponent] {
            let real = InputBoundary.realPath(path) ?? path
            guard boundary.contains(realPath: real) else {
                throw CommandFailure(
                    "\(page) leads outside \(located.path("content")) through a symbolic link (to \(real)); the build does not publish it, so it has no translation to write"
                )
            }
        }
        guard let data = FileManager.default.contents(atPath: source), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("cannot read \(page)")
        }
        let scaffold = TranslationScaffold(sourcePath: sourcePath, sourceText: text, key: target.key, updated: NewArticleCommand.today())
        let destination = content + "/" + scaffold.path
        // Shown as the source was given (a relative path stays relative).
        let shown = TranslationScaffold.path(of: page, key: target.key)
        try NewArticleCommand.writeNewFile(
            destination, text: scaffold.text, shownAs: shown, ifExists: "edit it, and set its translation_of when it is up to date")
        if scaffold.isDraft {
            Console().status(
                "Wrote \(shown) as a draft: translate its text into \(target.name) in place, then remove its 'draft: true' line to publish it")
        } else {
            Console().status("Wrote \(shown): translate its text into \(target.name) in place")
        }
    }
}
