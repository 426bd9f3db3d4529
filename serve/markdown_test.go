package serve

import "testing"

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# Title\n\nSome **bold** and `code`.", "<h2 id=\"title\">Title</h2>\n<p>Some <strong>bold</strong> and <code>code</code>.</p>\n"},
		{"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"- one\n  more\n- two", "<ul>\n<li>one more</li>\n<li>two</li>\n</ul>\n"},
		{"| a | b \\| c |\n|---|---|\n| 1 | 2 |", "<table>\n<tr><th scope=\"col\">a</th><th scope=\"col\">b | c</th></tr>\n<tr><td>1</td><td>2</td></tr>\n</table>\n"},
		{"See [figures](figures.md#cuts), [x](https://example.org/a?b=1&c=2) and [file](../NOTICE).",
			"<p>See <a href=\"/methodology/figures#cuts\">figures</a>, <a href=\"https://example.org/a?b=1&amp;c=2\">x</a> and file.</p>\n"},
		{"```json\n{\"a\": \"<b>\"}\n```", "<pre><code>{&#34;a&#34;: &#34;&lt;b&gt;&#34;}\n</code></pre>\n"},
		{"[evil](javascript:alert(1))", "<p>evil)</p>\n"},
	}
	for _, tt := range tests {
		if got := string(markdown(tt.in)); got != tt.want {
			t.Errorf("markdown(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
		}
	}
}
