package apikey_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobscope"
	"jobscope/apikey"
	"jobscope/internal/testdb"
	"jobscope/store"
)

// TestKeys makes, checks, lists and revokes keys in a real SQLite store and, when configured, a
// real PostgreSQL one.
func TestKeys(t *testing.T) {
	stores := map[string]string{"sqlite": filepath.Join(t.TempDir(), "keys.db")}
	if testdb.URL() != "" {
		stores["postgres"] = testdb.Postgres(t)
	}
	for name, dsn := range stores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			ks := st.(jobscope.KeyStore)
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			token, k, err := apikey.New("acme crawler", now)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(token, "jsk_"+k.ID+"_") || strings.Contains(string(k.Hash), strings.TrimPrefix(token, "jsk_"+k.ID+"_")) {
				t.Fatalf("token %q for key %+v", token, k)
			}
			if err := ks.AddKey(ctx, k); err != nil {
				t.Fatal(err)
			}
			other, k2, err := apikey.New("other", now.Add(time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			if err := ks.AddKey(ctx, k2); err != nil {
				t.Fatal(err)
			}
			got, err := apikey.Check(ctx, ks, token)
			if err != nil || got.ID != k.ID || got.Name != "acme crawler" || !got.Created.Equal(now) {
				t.Fatalf("Check(its token) = %+v, %v", got, err)
			}
			id2 := strings.Split(other, "_")[1]
			for _, bad := range []string{"", "jsk_", "nonsense", token + "x", "jsk_" + k.ID + "_" + strings.Split(other, "_")[2],
				"jsk_000000000000_" + strings.Split(token, "_")[2], "jsk_" + id2} {
				if _, err := apikey.Check(ctx, ks, bad); !errors.Is(err, apikey.ErrInvalid) {
					t.Errorf("Check(%q) = %v, want ErrInvalid", bad, err)
				}
			}
			if err := ks.RevokeKey(ctx, k.ID, now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if err := ks.RevokeKey(ctx, k.ID, now.Add(2*time.Hour)); err != nil {
				t.Fatal(err)
			}
			if _, err := apikey.Check(ctx, ks, token); !errors.Is(err, apikey.ErrInvalid) {
				t.Errorf("Check(a revoked key's token) = %v, want ErrInvalid", err)
			}
			if _, err := apikey.Check(ctx, ks, other); err != nil {
				t.Errorf("Check(the other key) after revoking one: %v", err)
			}
			if err := ks.RevokeKey(ctx, "ffffffffffff", now); !errors.Is(err, jobscope.ErrNoKey) {
				t.Errorf("RevokeKey(unknown) = %v, want ErrNoKey", err)
			}
			keys, err := ks.Keys(ctx)
			if err != nil || len(keys) != 2 || keys[0].ID != k.ID || !keys[0].Revoked.Equal(now.Add(time.Hour)) || !keys[1].Revoked.IsZero() {
				t.Errorf("Keys = %+v, %v; want both, the first revoked at its first revocation", keys, err)
			}
		})
	}
}
