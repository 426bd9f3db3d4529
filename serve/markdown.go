package serve

import (
	"html"
	"html/template"
	"regexp"
	"strings"
)

// markdown renders the subset of Markdown the project's docs use, as HTML: headings, paragraphs,
// bullet lists, tables, code blocks, and inline code, bold and links. Text is escaped first, so the
// output holds no markup but what this writes. Links to other .md files of docs/ become the
// server's own pages; other relative links are dropped to their text.
func markdown(src string) template.HTML {
	var b strings.Builder
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var para []string
	flush := func() {
		if len(para) > 0 {
			b.WriteString("<p>" + inline(strings.Join(para, " ")) + "</p>\n")
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "```"):
			flush()
			b.WriteString("<pre><code>")
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
				b.WriteString(html.EscapeString(lines[i]) + "\n")
			}
			b.WriteString("</code></pre>\n")
		case strings.HasPrefix(t, "#"):
			flush()
			level := len(t) - len(strings.TrimLeft(t, "#"))
			level = min(max(level, 1), 4) + 1 // the page's own h1 is its title
			text := strings.TrimSpace(strings.TrimLeft(t, "#"))
			b.WriteString("<h" + string(rune('0'+level)) + ` id="` + anchor(text) + `">` + inline(text) + "</h" + string(rune('0'+level)) + ">\n")
		case strings.HasPrefix(t, "|"):
			flush()
			var rows [][]string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				rows = append(rows, cells(lines[i]))
			}
			i--
			table(&b, rows)
		case strings.HasPrefix(t, "- "):
			flush()
			b.WriteString("<ul>\n")
			for ; i < len(lines); i++ {
				item := strings.TrimSpace(lines[i])
				if !strings.HasPrefix(item, "- ") {
					break
				}
				text := strings.TrimPrefix(item, "- ")
				for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "  ") && !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "- ") {
					i++
					text += " " + strings.TrimSpace(lines[i])
				}
				b.WriteString("<li>" + inline(text) + "</li>\n")
			}
			i--
			b.WriteString("</ul>\n")
		default:
			para = append(para, t)
		}
	}
	flush()
	return template.HTML(b.String())
}

// cells splits a table row "| a | b |" into its cells, "\|" kept as a bar.
func cells(row string) []string {
	row = strings.ReplaceAll(strings.TrimSpace(row), `\|`, "\x00")
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	var out []string
	for _, c := range strings.Split(row, "|") {
		out = append(out, strings.ReplaceAll(strings.TrimSpace(c), "\x00", "|"))
	}
	return out
}

var separator = regexp.MustCompile(`^:?-+:?$`)

func table(b *strings.Builder, rows [][]string) {
	b.WriteString("<table>\n")
	for k, r := range rows {
		if k == 1 && len(r) > 0 && separator.MatchString(r[0]) {
			continue
		}
		tag := "td"
		if k == 0 {
			tag = `th scope="col"`
		}
		b.WriteString("<tr>")
		for _, c := range r {
			b.WriteString("<" + tag + ">" + inline(c) + "</" + strings.Fields(tag)[0] + ">")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
}

var (
	codeSpan = regexp.MustCompile("`([^`]+)`")
	bold     = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	link     = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
)

// inline renders inline code, bold and links within escaped text.
func inline(s string) string {
	s = html.EscapeString(s)
	s = codeSpan.ReplaceAllString(s, "<code>$1</code>")
	s = bold.ReplaceAllString(s, "<strong>$1</strong>")
	return link.ReplaceAllStringFunc(s, func(m string) string {
		p := link.FindStringSubmatch(m)
		text, href := p[1], html.UnescapeString(p[2])
		switch {
		case strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://"):
			return `<a href="` + html.EscapeString(href) + `">` + text + "</a>"
		case strings.HasSuffix(strings.SplitN(href, "#", 2)[0], ".md"):
			page, frag, _ := strings.Cut(href, "#")
			page = strings.TrimSuffix(strings.TrimPrefix(page, "docs/"), ".md")
			if frag != "" {
				frag = "#" + frag
			}
			return `<a href="/methodology/` + html.EscapeString(page) + html.EscapeString(frag) + `">` + text + "</a>"
		}
		return text
	})
}

// anchor is a heading's id, as GitHub makes them: lower case, punctuation out, spaces as dashes.
func anchor(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
