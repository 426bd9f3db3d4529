package market

import (
	"strings"
	"testing"
)

// TestRedact: no form of a connection string prints its password.
func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"./jobscope.db", "./jobscope.db"},
		{"postgres://u:s3cret@db:5432/jobs?sslmode=disable", "postgres://u:***@db:5432/jobs?sslmode=disable"},
		{"postgres://u@db/jobs?password=s3cret&sslmode=disable", "postgres://u@db/jobs?password=***&sslmode=disable"},
		{"postgres://u:p%40ss@db/jobs?sslpassword=s3cret", "postgres://u:***@db/jobs?sslpassword=***"},
		{"host=db user=u password=s3cret dbname=jobs", "host=db user=u password=*** dbname=jobs"},
		{"postgres://u@db/jobs", "postgres://u@db/jobs"},
	}
	for _, tt := range tests {
		got := Redact(tt.in)
		if got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.Contains(got, "s3cret") || strings.Contains(got, "p%40ss") {
			t.Errorf("Redact(%q) prints the secret: %q", tt.in, got)
		}
	}
}
