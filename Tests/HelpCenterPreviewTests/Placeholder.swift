import Testing
@testable import HelpCenterPreview
