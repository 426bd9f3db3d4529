package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"jobscope"
	"jobscope/apikey"
	"jobscope/market"
)

const keysHelp = `
Makes, lists and revokes the API keys that writes to the server (POST /api/v1/ads) need, and every
request of a --private server. Keys live in the store, so every server over it accepts the same.

  jobscope keys create NAME     make a key for NAME (whose it is) and print its token, once
  jobscope keys list            every key: id, name, made, revoked
  jobscope keys revoke ID       refuse the key from now on

The store keeps only a hash of each token's secret: a lost token cannot be shown again, only
revoked and replaced.`

func runKeys(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys", "create NAME | list | revoke ID", keysHelp)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: keys create NAME, keys list or keys revoke ID", errUsage)
	}
	st, err := market.OpenExisting(ctx, e.db)
	if err != nil {
		return err
	}
	defer st.Close()
	ks, ok := st.(jobscope.KeyStore)
	if !ok {
		return errors.New("this store keeps no API keys")
	}
	switch cmd, rest := fs.Arg(0), fs.Args()[1:]; cmd {
	case "create":
		if len(rest) == 0 {
			return fmt.Errorf("%w: keys create NAME (whose key it is)", errUsage)
		}
		token, k, err := apikey.New(strings.Join(rest, " "), time.Now())
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		if err := ks.AddKey(ctx, k); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "key %s for %s; its token (shown this once, keep it secret):\n%s\n", k.ID, k.Name, token)
	case "list":
		keys, err := ks.Keys(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "id\tname\tmade\trevoked")
		for _, k := range keys {
			rev := "-"
			if !k.Revoked.IsZero() {
				rev = k.Revoked.Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", k.ID, k.Name, k.Created.Format(time.RFC3339), rev)
		}
		return tw.Flush()
	case "revoke":
		if len(rest) != 1 {
			return fmt.Errorf("%w: keys revoke ID", errUsage)
		}
		if err := ks.RevokeKey(ctx, rest[0], time.Now()); errors.Is(err, jobscope.ErrNoKey) {
			return &market.Error{Code: market.NotFound, Message: fmt.Sprintf("no key %q (jobscope keys list shows them)", rest[0])}
		} else if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "key %s revoked\n", rest[0])
	default:
		return fmt.Errorf("%w: keys %s: want create, list or revoke", errUsage, cmd)
	}
	return nil
}
