package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// apiDoc is the OpenAPI document read for the browsable API docs (/api): each operation with its
// parameters, their $refs resolved.
type apiDoc struct {
	Title, Description string
	Operations         []apiOperation
}

type apiOperation struct {
	Method, Path, Summary, Description string
	Secured                            bool
	Params                             []apiParam
	Responses                          []string // "200 What the batch did", in code order
	Example                            string   // an address to try, for a GET without path parameters
}

type apiParam struct {
	Name, In, Description, Type string
	Required                    bool
	Values                      []string // an enum's values
	Default                     string
}

// readAPIDoc reads the embedded OpenAPI document.
func readAPIDoc(b []byte) (*apiDoc, error) {
	type param struct {
		Ref         string `json:"$ref"`
		Name        string `json:"name"`
		In          string `json:"in"`
		Description string `json:"description"`
		Required    bool   `json:"required"`
		Schema      struct {
			Type    any   `json:"type"`
			Enum    []any `json:"enum"`
			Default any   `json:"default"`
			Format  string
		} `json:"schema"`
	}
	type operation struct {
		Summary     string                     `json:"summary"`
		Description string                     `json:"description"`
		Parameters  []param                    `json:"parameters"`
		Security    []map[string]any           `json:"security"`
		Responses   map[string]json.RawMessage `json:"responses"`
	}
	var doc struct {
		Info struct {
			Title, Description string
		} `json:"info"`
		Paths      map[string]map[string]operation `json:"paths"`
		Components struct {
			Parameters map[string]param `json:"parameters"`
			Responses  map[string]struct {
				Description string `json:"description"`
			} `json:"responses"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("serve: read openapi.json: %w", err)
	}
	out := &apiDoc{Title: doc.Info.Title, Description: doc.Info.Description}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			o := apiOperation{Method: strings.ToUpper(method), Path: path, Summary: op.Summary,
				Description: op.Description, Secured: len(op.Security) > 0}
			for _, p := range op.Parameters {
				if p.Ref != "" {
					p = doc.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
				}
				ap := apiParam{Name: p.Name, In: p.In, Description: p.Description, Required: p.Required}
				if t, ok := p.Schema.Type.(string); ok {
					ap.Type = t
				}
				if p.Schema.Format != "" {
					ap.Type += " (" + p.Schema.Format + ")"
				}
				for _, v := range p.Schema.Enum {
					ap.Values = append(ap.Values, fmt.Sprint(v))
				}
				if p.Schema.Default != nil {
					ap.Default = fmt.Sprint(p.Schema.Default)
				}
				o.Params = append(o.Params, ap)
			}
			codes := make([]string, 0, len(op.Responses))
			for c := range op.Responses {
				codes = append(codes, c)
			}
			sort.Strings(codes)
			for _, c := range codes {
				var r struct {
					Ref         string `json:"$ref"`
					Description string `json:"description"`
				}
				if err := json.Unmarshal(op.Responses[c], &r); err != nil {
					return nil, fmt.Errorf("serve: openapi.json: %s %s %s: %w", method, path, c, err)
				}
				if r.Ref != "" {
					r.Description = doc.Components.Responses[strings.TrimPrefix(r.Ref, "#/components/responses/")].Description
				}
				o.Responses = append(o.Responses, c+" "+r.Description)
			}
			if o.Method == http.MethodGet && !strings.Contains(path, "{") {
				o.Example = path
			}
			out.Operations = append(out.Operations, o)
		}
	}
	sort.Slice(out.Operations, func(i, j int) bool {
		a, b := out.Operations[i], out.Operations[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Method < b.Method
	})
	return out, nil
}

// apiDocsPage is the browsable API docs.
type apiDocsPage struct{ *apiDoc }

func (apiDocsPage) title() string { return "API" }

func (pg *pages) apiDocs(http.ResponseWriter, *http.Request, *Server) (string, any, error) {
	d, err := readAPIDoc(openAPI)
	if err != nil {
		return "", nil, err
	}
	return "api", apiDocsPage{d}, nil
}
