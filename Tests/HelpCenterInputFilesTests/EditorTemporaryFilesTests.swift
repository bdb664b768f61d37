import HelpCenterInputFiles
import Testing

/// Editors' backup and swap files, which neither the build nor the preview reads.
@Suite struct EditorTemporaryFilesTests {
    @Test(arguments: ["settings.md~", "#settings.md#", "4913", "settings.md.swp", "settings.md.swo", "settings.md.swx", "upload.tmp"])
    func editorFilesAreTemporary(name: String) {
        #expect(EditorTemporaryFiles.isTemporary(name: name))
    }

    @Test(arguments: ["settings.md", "c#-guide.md", "#", "#hashtags.md", "screen.png", "4913.md", "notes~.md"])
    func otherNamesAreNot(name: String) {
        #expect(!EditorTemporaryFiles.isTemporary(name: name))
    }
}
