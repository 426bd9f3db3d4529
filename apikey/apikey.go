// Package apikey makes and checks the API keys that writes to the server need. A token is
// "jsk_ID_SECRET": the ID names the key in the store and in lists, the secret (32 random bytes)
// proves it. The store keeps only the secret's SHA-256, compared in constant time.
package apikey

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"jobscope"
)

const prefix = "jsk_"

// ErrInvalid is Check's answer for a token that is malformed, unknown, wrong or revoked: the same
// for each, so that a caller learns nothing about which keys exist.
var ErrInvalid = errors.New("invalid or revoked API key")

// New makes a key named name at now and returns the token to give its holder (shown once: the
// store never holds it) and the key to store.
func New(name string, now time.Time) (string, jobscope.APIKey, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", jobscope.APIKey{}, errors.New("apikey: a key needs a name (whose it is)")
	}
	var id [6]byte
	var secret [32]byte
	if _, err := rand.Read(id[:]); err != nil {
		return "", jobscope.APIKey{}, fmt.Errorf("apikey: %w", err)
	}
	if _, err := rand.Read(secret[:]); err != nil {
		return "", jobscope.APIKey{}, fmt.Errorf("apikey: %w", err)
	}
	k := jobscope.APIKey{ID: hex.EncodeToString(id[:]), Name: name, Created: now.UTC()}
	s := base64.RawURLEncoding.EncodeToString(secret[:])
	sum := sha256.Sum256([]byte(s))
	k.Hash = sum[:]
	return prefix + k.ID + "_" + s, k, nil
}

// parse splits a token into its ID and secret.
func parse(token string) (id, secret string, ok bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(token), prefix)
	if !ok {
		return "", "", false
	}
	id, secret, ok = strings.Cut(rest, "_")
	return id, secret, ok && len(id) == 12 && secret != ""
}

// Check returns the valid key a token proves, ErrInvalid when it proves none, or the store's error
// when the store cannot be read.
func Check(ctx context.Context, ks jobscope.KeyStore, token string) (jobscope.APIKey, error) {
	id, secret, ok := parse(token)
	if !ok {
		return jobscope.APIKey{}, ErrInvalid
	}
	k, err := ks.Key(ctx, id)
	if errors.Is(err, jobscope.ErrNoKey) {
		return jobscope.APIKey{}, ErrInvalid
	}
	if err != nil {
		return jobscope.APIKey{}, err
	}
	sum := sha256.Sum256([]byte(secret))
	if subtle.ConstantTimeCompare(sum[:], k.Hash) != 1 || !k.Revoked.IsZero() {
		return jobscope.APIKey{}, ErrInvalid
	}
	return k, nil
}
