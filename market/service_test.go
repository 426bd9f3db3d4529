package market

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobscope/internal/testads"
	"jobscope/stats"
)

func TestParseScope(t *testing.T) {
	now := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in      ScopeInput
		want    stats.Scope
		asOf    string
		invalid string // part of the error, "" for none
	}{
		{ScopeInput{}, stats.Scope{Market: stats.MarketPermanent, Country: "GB", Currency: "GBP", Tech: true}, "", ""},
		{ScopeInput{Market: "contract", Country: "us"}, stats.Scope{Market: stats.MarketContract, Country: "US", Currency: "USD", Tech: true}, "", ""},
		{ScopeInput{Country: "UK", Baseline: "All"}, stats.Scope{Market: stats.MarketPermanent, Country: "GB", Currency: "GBP"}, "", ""},
		{ScopeInput{Country: "all", AsOf: "2025-06-30", Baseline: "tech"}, stats.Scope{Market: stats.MarketPermanent, Currency: stats.CurrencyOf(""), Tech: true}, "2025-06-30", ""},
		{ScopeInput{Baseline: "it"}, stats.Scope{}, "", "tech, all"},
		{ScopeInput{Market: "temp"}, stats.Scope{}, "", "want permanent or contract"},
		{ScopeInput{Country: "XX"}, stats.Scope{}, "", "want GB, US or all"},
		{ScopeInput{AsOf: "31/01/2026"}, stats.Scope{}, "", "want a date YYYY-MM-DD"},
		{ScopeInput{AsOf: "0001-01-01"}, stats.Scope{}, "", "from 1990 to a year from today"},
		{ScopeInput{AsOf: "2028-01-01"}, stats.Scope{}, "", "from 1990 to a year from today"},
	}
	for _, tt := range tests {
		got, d, err := ParseScope(tt.in, now)
		if tt.invalid != "" {
			if CodeOf(err) != Invalid || !strings.Contains(err.Error(), tt.invalid) {
				t.Errorf("ParseScope(%+v): %v, want an invalid error with %q", tt.in, err, tt.invalid)
			}
			continue
		}
		if err != nil || got != tt.want || tt.asOf != "" && d.Format(time.DateOnly) != tt.asOf || tt.asOf == "" && !d.IsZero() {
			t.Errorf("ParseScope(%+v) = %+v, %v, %v; want %+v, %s", tt.in, got, d, err, tt.want, tt.asOf)
		}
	}
}

// ingestFile ingests content, as a JSON Lines file, into the SQLite store at db.
func ingestFile(t *testing.T, db, name, content string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	testads.Ingest(t, db, path)
}

// TestServiceOpenAndRefresh: a missing store is NotFound and is not created; an open service
// resolves through aliases and, refreshed, sees what another writer stored since it was opened.
func TestServiceOpenAndRefresh(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.db")
	if _, err := Open(ctx, Config{DB: db}); CodeOf(err) != NotFound {
		t.Fatalf("Open of a missing store: %v, want not found", err)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("Open created %s", db)
	}
	ingestFile(t, db, "a.jsonl", `{"id":"1","title":"Go Developer","description":"Services in Golang and Kubernetes.","posted_at":"2026-11-01","salary":"£60,000"}`+"\n")
	svc, err := Open(ctx, Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	term, err := svc.Resolve("k8s", "")
	if err != nil || term.Name != "Kubernetes" {
		t.Fatalf("Resolve(k8s) = %+v, %v", term, err)
	}
	if _, err := svc.Resolve("Terraform", ""); CodeOf(err) != NotFound {
		t.Fatalf("Resolve(Terraform) before the second ingest: %v", err)
	}
	ingestFile(t, db, "b.jsonl", `{"id":"2","title":"DevOps Engineer","description":"Terraform and Kubernetes.","posted_at":"2026-11-02","salary":"£70,000","location":"Leeds"}`+"\n")
	n, err := svc.Refresh(ctx)
	if err != nil || n != 1 {
		t.Fatalf("Refresh read %d ads: %v", n, err)
	}
	term, err = svc.Resolve("terraform", "")
	if err != nil {
		t.Fatal(err)
	}
	scope, d, err := svc.Scope(ScopeInput{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := svc.Page(term, scope, d, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Periods[0].Jobs != 1 {
		t.Errorf("Terraform jobs %d, want 1", p.Periods[0].Jobs)
	}
}
