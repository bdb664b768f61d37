// Placeholder until the preview server lands; delete when real sources exist.
enum HelpCenterPreviewPlaceholder {}
