package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"jobscope/eval"
)

// evalHelp is the command's help; the data sets, fields and agreement rules come from package eval.
func evalHelp() string {
	return `
Measures extraction against the labelled real ads of the shared directory DIR (--shared):
DIR/data/ads/SET/ads.jsonl, with the source's own labels apart in labels.jsonl. Ads are read and
extracted exactly as ingest does, without seeing the labels; labels are joined on the ad's id
afterwards. For each data set and field it prints the cases (ads with a usable label), the share we
agree with and the worst disagreements: the ad's id, the input text, what we extracted and what the
label says. A field marked * has a weak label.

Sets: ` + strings.Join(eval.Sets(), ", ") + `
Fields: ` + strings.Join(eval.Fields(), ", ") + `

` + eval.Rules
}

// listFlag is a flag that may be given several times or as a comma-separated list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "", evalHelp())
	shared := fs.String("shared", defaultShared(), "the shared directory holding data/ads (env JOBSCOPE_SHARED)")
	format := fs.String("format", "text", "output format: text or json")
	worst := fs.Int("worst", 5, "disagreements shown per set and field, worst first")
	taxFile := fs.String("taxonomy", "", "a user taxonomy FILE of extra skills and titles (see jobscope taxonomy --help)")
	var sets, fields listFlag
	fs.Var(&sets, "set", "only this data set (repeat or comma-separate for several; a set selects its parts)")
	fs.Var(&fields, "field", "only this field (repeat or comma-separate; \"skills\" selects skills/python and the like)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: eval takes no arguments (got %q)", errUsage, fs.Arg(0))
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: --format must be text or json", errUsage)
	}
	if *worst < 0 {
		return fmt.Errorf("%w: --worst must be 0 or more", errUsage)
	}
	if _, err := os.Stat(*shared); err != nil {
		return fmt.Errorf("%w: --shared: %v (set JOBSCOPE_SHARED or pass --shared DIR)", errUsage, err)
	}
	ex, err := newExtractor(*taxFile)
	if err != nil {
		return err
	}
	rs, err := eval.Run(ctx, *shared, ex, eval.Options{Sets: sets, Fields: fields, Worst: *worst})
	if errors.Is(err, eval.ErrUnknown) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(e.stdout, rs)
	}
	return eval.WriteText(e.stdout, rs)
}

// defaultShared is $JOBSCOPE_SHARED, else ../shared beside the working directory.
func defaultShared() string {
	if v := os.Getenv("JOBSCOPE_SHARED"); v != "" {
		return v
	}
	return "../shared"
}
