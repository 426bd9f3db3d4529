package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// funcDecl parses file and returns its function name.
func funcDecl(t *testing.T, file, name string) *ast.FuncDecl {
	t.Helper()
	f, err := parser.ParseFile(gotoken.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name {
			return fd
		}
	}
	t.Fatalf("%s: no func %s", file, name)
	return nil
}

// stringLits returns the string literals under n that satisfy keep.
func stringLits(n ast.Node, keep func(ast.Node) bool) []string {
	var out []string
	ast.Inspect(n, func(n ast.Node) bool {
		if n != nil && !keep(n) {
			return false
		}
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil {
				out = append(out, s)
			}
		}
		return true
	})
	return out
}

// TestPrefilters keeps the quick tests that let most texts skip a function in step with the
// function's own phrases, so that a phrase added to one cannot be missed by the other.
func TestPrefilters(t *testing.T) {
	t.Run("scanSignals switch words are signalWords", func(t *testing.T) {
		fd := funcDecl(t, "signals.go", "scanSignals")
		var cases []string
		ast.Inspect(fd, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok {
				return true
			}
			if id, ok := sw.Tag.(*ast.Ident); ok && id.Name == "w" {
				for _, c := range sw.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						if lit, ok := e.(*ast.BasicLit); ok {
							s, _ := strconv.Unquote(lit.Value)
							cases = append(cases, s)
						}
					}
				}
				return false
			}
			return true
		})
		slices.Sort(cases)
		want := slices.Clone(signalWords)
		slices.Sort(want)
		if !slices.Equal(cases, want) {
			t.Errorf("switch cases %q\nsignalWords %q", cases, want)
		}
		for _, w := range signalWords {
			if toks := tokenizeString(w); len(toks) != 1 {
				t.Errorf("signal word %q is %d tokens", w, len(toks))
			}
		}
	})
	t.Run("every workMode phrase holds a mayStateWorkMode word", func(t *testing.T) {
		words := stringLits(funcDecl(t, "employment.go", "mayStateWorkMode"), func(ast.Node) bool { return true })
		phrases := stringLits(funcDecl(t, "employment.go", "workMode"), func(n ast.Node) bool {
			// the call to mayStateWorkMode itself holds no phrase
			c, ok := n.(*ast.CallExpr)
			return !ok || !isIdent(c.Fun, "mayStateWorkMode")
		})
		if len(phrases) < 30 || len(words) == 0 {
			t.Fatalf("%d phrases, %d words", len(phrases), len(words))
		}
		for _, p := range phrases {
			if p != "" && !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(p, w) }) {
				t.Errorf("workMode phrase %q holds none of %q", p, words)
			}
		}
	})
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
