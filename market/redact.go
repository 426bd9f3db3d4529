package market

import (
	"net/url"
	"strings"
)

// Redact hides a password in a database URL before it is printed.
func Redact(dsn string) string {
	if strings.Contains(dsn, "://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return "(a database URL that cannot be parsed)"
		}
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "***")
		}
		q := u.Query()
		hidden := false
		for k := range q {
			if secretParam(k) {
				q.Set(k, "***")
				hidden = true
			}
		}
		if hidden {
			u.RawQuery = q.Encode()
		}
		return strings.ReplaceAll(u.String(), "%2A%2A%2A", "***")
	}
	// A key=value connection string ("host=db password=secret").
	f := strings.Fields(dsn)
	for i, kv := range f {
		if k, _, ok := strings.Cut(kv, "="); ok && secretParam(k) {
			f[i] = k + "=***"
		}
	}
	if len(f) > 1 {
		return strings.Join(f, " ")
	}
	return dsn
}

// secretParam reports whether a connection parameter holds a secret.
func secretParam(k string) bool {
	k = strings.ToLower(k)
	return k == "password" || k == "sslpassword" || strings.HasSuffix(k, "secret") || k == "sslkey"
}
