// Package testdb gives tests a fresh, empty PostgreSQL database on the server named by
// JOBSCOPE_TEST_POSTGRES, dropped when the test ends. Tests that need PostgreSQL skip without it
// locally; CI sets it, so there they always run.
package testdb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// EnvVar names the variable holding the test server's URL.
const EnvVar = "JOBSCOPE_TEST_POSTGRES"

// URL returns the test server's URL, or "" when none is configured.
func URL() string { return os.Getenv(EnvVar) }

// Postgres creates an empty database on the test server and returns its URL; it is dropped, with any
// connection still open to it, when the test ends. It skips the test when no server is configured.
func Postgres(t testing.TB) string {
	t.Helper()
	server := URL()
	if server == "" {
		t.Skip(EnvVar + " not set")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatalf("connect to %s: %v", EnvVar, err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("jobscope_test_%016x", rand.Uint64())
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, server)
		if err != nil {
			t.Errorf("connect to drop %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("parse %s: %v", EnvVar, err)
	}
	u.Path = "/" + name
	return u.String()
}
