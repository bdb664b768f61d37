#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#if defined(__GLIBC__)
/* malloc_trim, for the parse arena (HelpCenterMarkdown/MarkdownParser+ParseArena.swift). */
#include <malloc.h>
#endif
