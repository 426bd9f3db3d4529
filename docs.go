package jobscope

import "embed"

// Docs holds the project's documentation (docs/*.md) and its NOTICE of data sources and licences,
// embedded so that the server's methodology and about pages say exactly what the repository does.
//
//go:embed docs/*.md NOTICE
var Docs embed.FS
