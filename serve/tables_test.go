package serve

import (
	"html/template"
	"testing"
)

// TestTableWriterText: text escapes as template.HTMLEscapeString does.
func TestTableWriterText(t *testing.T) {
	for _, s := range []string{"", "plain", "C++ & C#", `<script>alert("x")</script>`, "it's", "a\x00b",
		"Zürich – £50,000", "&&", "<", "end>", "\x00"} {
		var w tableWriter
		w.text(s)
		if got, want := w.b.String(), template.HTMLEscapeString(s); got != want {
			t.Errorf("text(%q) = %q, want %q", s, got, want)
		}
	}
}
