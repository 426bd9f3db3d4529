// Command jobscope answers job-market questions from job ads: it ingests ads, extracts their fields,
// stores them in SQLite or PostgreSQL and computes a term's market figures.
//
// Run `jobscope help` for the commands.
package main

import (
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"syscall"

	"jobscope"
	"jobscope/market"
	"jobscope/store"
)

// command is one subcommand: its name, a one-line summary, and what it runs.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what every command is wired with: where to write and which store to open.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	db             string // --db: a SQLite file path or a postgres:// URL
	noSnapshot     bool   // --snapshot=false: rebuild the statistics engine from the store every time
}

// errUsage marks an error caused by the command line; main exits 2 for it.
var errUsage = errors.New("usage")

func commands() []command {
	return []command{
		{"demo", "generate a sample of ads (once) and show what jobscope finds in it", runDemo},
		{"gen", "write realistic synthetic ads as JSON Lines", runGen},
		{"ingest", "read ads from files into the store", runIngest},
		{"extract", "print what is extracted from each ad, storing nothing", runExtract},
		{"info", "summarise what the store holds", runInfo},
		{"rejects", "list the records set aside, with their reasons", runRejects},
		{"stats", "a term's market figures over the three periods", runStats},
		{"index", "every skill, title or location ranked by jobs, with salaries and changes", runIndex},
		{"compare", "several terms' market figures side by side", runCompare},
		{"taxonomy", "list and search the skills and job titles extraction knows", runTaxonomy},
		{"eval", "measure extraction against labelled real ads, per field", runEval},
		{"worker", "store what ingest --queue published, on any number of machines", runWorker},
		{"serve", "serve the web pages and the JSON API", runServe},
		{"keys", "make, list and revoke the API keys writes need", runKeys},
		{"benchmark", "a salary benchmark: bands for a title, level, place and skill, with what moves them", runBenchmark},
		{"brief", "the skills, pay, work mode and competition to put in a job spec, as Markdown", runBrief},
		{"report", "the weekly market report: risers, fallers, salary movers, new skills, who hired", runReport},
		{"cost", "what a hire costs all-in: salary, payroll taxes, pension, overhead, fee, ramp-up", runCost},
		{"bench", "time the statistics engine against the same figures by SQL", runBench},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run parses the global flags, dispatches to a command and turns its error into an exit code.
func run(ctx context.Context, e *env, args []string) int {
	fs := flag.NewFlagSet("jobscope", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.db, "db", defaultDB(), "database: a SQLite file path or a postgres:// URL (env JOBSCOPE_DB)")
	snapshot := fs.Bool("snapshot", true, "start the statistics engine from its snapshot (DB.engine beside an SQLite file; "+
		"in the user cache directory for PostgreSQL) and keep it current; false rebuilds it from the store")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the command to this `file` (for go tool pprof)")
	fs.Usage = func() { usage(e.stderr, fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(e.stderr, "jobscope: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(e.stderr, "jobscope: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	e.noSnapshot = !*snapshot
	rest := fs.Args()
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" {
		if len(rest) > 1 {
			rest = []string{rest[1], "--help"}
		} else {
			usage(e.stdout, fs)
			return 0
		}
	}
	for _, c := range commands() {
		if c.name != rest[0] {
			continue
		}
		return exitCode(e.stderr, c.name, c.run(ctx, e, rest[1:]))
	}
	fmt.Fprintf(e.stderr, "jobscope: unknown command %q\n\n", rest[0])
	usage(e.stderr, fs)
	return 2
}

// exitCode reports a command's error on w and turns it into the exit code: 2 for a usage error or
// an invalid question (market.Invalid), 1 for any other, 0 for none. The suggestions of a term not
// found are printed after it, one "did you mean" line.
func exitCode(w io.Writer, name string, err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errExit1):
		return 1
	}
	fmt.Fprintf(w, "jobscope %s: %v\n", name, err)
	if sug := market.SuggestionsOf(err); len(sug) > 0 {
		fmt.Fprintf(w, "did you mean %s?\n", quoteAll(sug))
	}
	if errors.Is(err, errUsage) || market.CodeOf(err) == market.Invalid {
		return 2
	}
	return 1
}

// log is where the market service's warnings go: standard error, one line each, as the CLI's
// other messages are written ("jobscope: engine snapshot not used: …, why=…").
func (e *env) log() *slog.Logger { return slog.New(&lineHandler{w: e.stderr, level: slog.LevelWarn}) }

// lineHandler writes a record as "jobscope: message, key=value, …".
type lineHandler struct {
	w     io.Writer
	level slog.Level
	attrs []slog.Attr
}

func (h *lineHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *lineHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString("jobscope: " + r.Message)
	write := func(a slog.Attr) bool {
		fmt.Fprintf(&b, ", %s=%v", a.Key, a.Value)
		return true
	}
	for _, a := range h.attrs {
		write(a)
	}
	r.Attrs(write)
	b.WriteByte('\n')
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *lineHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &lineHandler{w: h.w, level: h.level, attrs: append(h.attrs[:len(h.attrs):len(h.attrs)], as...)}
}

func (h *lineHandler) WithGroup(string) slog.Handler { return h }

// errExit1 asks for exit code 1 when the command has already said why.
var errExit1 = errors.New("exit 1")

func defaultDB() string {
	if v := os.Getenv("JOBSCOPE_DB"); v != "" {
		return v
	}
	return "./jobscope.db"
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "jobscope: job-market figures from job ads\n\nUsage: jobscope [--db DB] COMMAND [flags] [args]\n\nCommands:\n")
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nGlobal flags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintf(w, "\nRun `jobscope COMMAND --help` for a command's flags.\n")
}

// newFlags makes a command's flag set, with --db accepted after the command name too.
func newFlags(e *env, name, argsUsage, help string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.db, "db", e.db, "database: a SQLite file path or a postgres:// URL (env JOBSCOPE_DB)")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: jobscope %s [flags] %s\n\n%s\n\nFlags:\n", name, argsUsage, strings.TrimSpace(help))
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a command's flags, which may come before or after its arguments ("stats Python
// --market contract"), turning a bad flag into a usage error. Arguments after "--" are never flags.
func parse(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	// Parse once more with only the arguments, so that fs.Args() returns them.
	return fs.Parse(append([]string{"--"}, positional...))
}

// checkFormat reports a usage error unless format is one of allowed.
func checkFormat(format string, allowed ...string) error {
	if slices.Contains(allowed, format) {
		return nil
	}
	return fmt.Errorf("%w: --format must be %s or %s", errUsage, strings.Join(allowed[:len(allowed)-1], ", "), allowed[len(allowed)-1])
}

// openStore opens the store named by --db, creating a SQLite file that does not exist yet (ingest,
// demo). Its folder must exist.
func (e *env) openStore(ctx context.Context) (jobscope.Store, error) {
	if path, ok := sqlitePath(e.db); ok {
		dir := filepath.Dir(path)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("open %s: the folder %s does not exist", path, dir)
		}
	}
	s, err := store.Open(ctx, e.db)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", market.Redact(e.db), err)
	}
	return s, nil
}

// openExisting opens the store named by --db for a command that only reads it: a SQLite file that
// does not exist is an error, never created empty.
func (e *env) openExisting(ctx context.Context) (jobscope.Store, error) {
	return market.OpenExisting(ctx, e.db)
}

// sqlitePath returns the file a --db value names, and false for a PostgreSQL URL.
func sqlitePath(db string) (string, bool) {
	if store.IsPostgres(db) {
		return "", false
	}
	return strings.TrimPrefix(db, "sqlite://"), true
}

func newGzipWriter(w io.Writer) *gzip.Writer { return gzip.NewWriter(w) }
